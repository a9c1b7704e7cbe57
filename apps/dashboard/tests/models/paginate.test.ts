import { describe, expect, it } from "vitest";
import { paginate } from "../../app/models/paginate.ts";

describe("pages of the assessor's and the IQA's lists", () => {
  const rows = Array.from({ length: 60 }, (_, i) => i + 1);
  it("gives the page the URL asks for, 25 rows a page", () => {
    expect(paginate(rows, new URL("http://x/assessor"))).toMatchObject({ page: 1, pages: 3, total: 60, rows: rows.slice(0, 25) });
    expect(paginate(rows, new URL("http://x/assessor?page=3"))).toMatchObject({ page: 3, rows: rows.slice(50) });
    expect(paginate(rows, new URL("http://x/iqa?other=2&page=1"), "other").rows[0]).toBe(26);
  });
  it("falls back to the first page for a page that does not exist or is not a number", () => {
    for (const asked of ["0", "4", "-1", "x", "1e3"]) expect(paginate(rows, new URL(`http://x/?page=${asked}`)).page).toBe(1);
    expect(paginate([], new URL("http://x/?page=2"))).toMatchObject({ page: 1, pages: 1, total: 0, rows: [] });
  });
});
