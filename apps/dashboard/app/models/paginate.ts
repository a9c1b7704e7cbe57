/** One page of a list, and where it sits among the pages. */
export interface Paged<T> {
  rows: T[];
  page: number;
  pages: number;
  total: number;
  /** The query parameter that carries the page number (a page may have several lists). */
  param: string;
}

/** Rows per page of the assessor's and the IQA's lists. */
export const PAGE_SIZE = 25;

/**
 * The page of `rows` the URL asks for (`?<param>=N`, 1 when absent or out of range).
 *
 * @param rows - the whole list, in order
 * @param url - the request's URL
 * @param param - the query parameter, e.g. `page`
 * @param size - rows per page
 * @returns the page
 */
export function paginate<T>(rows: T[], url: URL, param = "page", size = PAGE_SIZE): Paged<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const asked = Number.parseInt(url.searchParams.get(param) ?? "1", 10);
  const page = Number.isInteger(asked) && asked >= 1 && asked <= pages ? asked : 1;
  return { rows: rows.slice((page - 1) * size, page * size), page, pages, total: rows.length, param };
}

/**
 * The same page with each row made into what the page shows.
 *
 * @param paged - a page of rows
 * @param shown - what each row becomes
 * @returns the page of shown rows
 */
export function mapRows<T, U>(paged: Paged<T>, shown: (row: T) => U): Paged<U> {
  return { ...paged, rows: paged.rows.map(shown) };
}
