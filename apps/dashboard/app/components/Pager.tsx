import { useLocation } from "@remix-run/react";
import type { Paged } from "../models/paginate.ts";

/**
 * The previous/next links under a paged list, keeping the page's other query parameters (so each list
 * of a page pages on its own), and where the reader is ("Page 2 of 3 (61 units)").
 */
export function Pager({ data, label, noun }: { data: Paged<unknown>; label: string; noun: string }) {
  const location = useLocation();
  if (data.pages <= 1) return null;
  const pageHref = (page: number) => {
    const query = new URLSearchParams(location.search);
    if (page === 1) query.delete(data.param);
    else query.set(data.param, String(page));
    const search = query.toString();
    return `${location.pathname}${search ? `?${search}` : ""}`;
  };
  return (
    <nav className="pager" aria-label={`${label}: pages`}>
      <p>
        {data.page > 1 ? <a href={pageHref(data.page - 1)} rel="prev">Previous page</a> : null}{" "}
        <span>Page {data.page} of {data.pages} ({data.total} {noun})</span>{" "}
        {data.page < data.pages ? <a href={pageHref(data.page + 1)} rel="next">Next page</a> : null}
      </p>
    </nav>
  );
}
