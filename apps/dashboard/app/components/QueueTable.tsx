import type { Paged } from "../models/paginate.ts";
import { Pager } from "./Pager.tsx";

/** A column of a queue: the row's key and its heading. */
export interface QueueColumn<K extends string> {
  key: K;
  title: string;
}

/**
 * Every list of units on the assessor's and the IQA's home pages (to mark, assessed, ratified, the
 * sample): one table of units with an action link per row ("Mark", "Review", "Open") and pages of 25
 * (links that keep the page's other query parameters, so each list pages on its own). On a phone each
 * unit is a card with its columns labelled (table--stack), not a table to scroll sideways.
 */
export function QueueTable<K extends string>({
  caption,
  columns,
  data,
  action,
}: {
  caption: string;
  columns: QueueColumn<K>[];
  data: Paged<{ id: string; unit: string; learner: string } & Record<K, string | number>>;
  action: { label: string; href: (id: string) => string };
}) {
  return (
    <>
      <table className="queue table--stack">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => <th scope="col" key={c.key}>{c.title}</th>)}
            <th scope="col"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.id}>
              {columns.map((c, i) => <td key={c.key} data-label={c.title} className={i === 0 ? "table--stack__lead" : undefined}>{row[c.key]}</td>)}
              <td className="table--stack__action"><a href={action.href(row.id)}>{action.label}<span className="visually-hidden"> Unit {row.unit} of {row.learner}</span></a></td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager data={data} label={caption} noun="units" />
    </>
  );
}
