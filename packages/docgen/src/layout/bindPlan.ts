import { formatValue } from "./formatValue.ts";
import { asObject } from "./resolveSchema.ts";
import type { ClausePlan, FieldPlan, PlanNode } from "./types.ts";
import type { ClauseView, FieldView, NodeView } from "./viewTypes.ts";

type Data = Record<string, unknown>;

const BLANK = "____";

/**
 * Fills a template's layout with a document's data. Values become plain text here; nothing of the
 * data becomes markup, a tag name, an attribute or a class.
 *
 * @param nodes - the plan from `planTemplate`
 * @param data - the document (or the part of it the nodes describe)
 * @returns the nodes the Handlebars partials print
 */
export function bindPlan(nodes: PlanNode[], data: Data | undefined): NodeView[] {
  const views: NodeView[] = [];
  for (const node of nodes) {
    switch (node.kind) {
      case "fields":
        views.push({ kind: "fields", rows: node.rows.map((row) => fieldView(row, data?.[row.key])) });
        break;
      case "grid": {
        const cells = node.cells.map((cell) => fieldView(cell, data?.[cell.key]));
        const rows: FieldView[][] = [];
        for (let i = 0; i < cells.length; i += node.columns) rows.push(cells.slice(i, i + node.columns));
        views.push({ kind: "grid", rows });
        break;
      }
      case "section":
        views.push({ kind: "section", title: node.title, description: node.description, children: bindPlan(node.children, asObject(data?.[node.key])) });
        break;
      case "ratings": {
        const scale: number[] = [];
        for (let score = node.min; score <= node.max; score++) scale.push(score);
        const items = node.items.map((item) => {
          const value = data?.[item.key];
          return { title: item.title, value: formatValue(value, item.format), cells: scale.map((score) => ({ score, chosen: value === score })) };
        });
        views.push({ kind: "ratings", scale, items });
        break;
      }
      case "swot": {
        const quadrants = asObject(data?.[node.key]);
        const cells = node.quadrants.map((quadrant) => fieldView(quadrant, quadrants?.[quadrant.key]));
        views.push({ kind: "swot", title: node.title, rows: [cells.slice(0, 2), cells.slice(2, 4)] });
        break;
      }
      case "signature": {
        const signature = asObject(data?.[node.key]);
        views.push({
          kind: "signature",
          title: node.title,
          help: node.help,
          nameTitle: node.nameTitle,
          name: formatValue(signature?.name, { type: "string" }),
          dateTitle: node.dateTitle,
          date: formatValue(signature?.date, { type: "string", date: true }),
        });
        break;
      }
      case "clauses":
        views.push({ kind: "clauses", items: node.items.map((clause) => clauseView(clause, data)) });
        break;
      case "table": {
        const rows = Array.isArray(data?.[node.key]) ? (data[node.key] as unknown[]) : [];
        views.push({
          kind: "table",
          title: node.title,
          description: node.description,
          columns: node.columns.map((column) => column.title),
          rows: rows.map((row) => node.columns.map((column) => fieldView(column, asObject(row)?.[column.key]))),
          empty: rows.length === 0,
        });
        break;
      }
      case "list": {
        const values = data?.[node.key];
        const items = (Array.isArray(values) ? values : values === undefined ? [] : [values]).map((value) => formatValue(value, node.item.format));
        views.push({ kind: "list", title: node.title, help: node.help, items, empty: items.length === 0 });
        break;
      }
      case "repeat": {
        const rows = Array.isArray(data?.[node.key]) ? (data[node.key] as unknown[]) : [];
        views.push({
          kind: "repeat",
          title: node.title,
          items: rows.map((row, index) => ({ title: `${node.itemTitle} ${index + 1}`, children: bindPlan(node.children, asObject(row)) })),
        });
        break;
      }
    }
  }
  return views;
}

function fieldView(plan: FieldPlan, value: unknown): FieldView {
  const view: FieldView = { title: plan.title, value: formatValue(value, plan.format) };
  if (plan.format.multiline) view.multiline = true;
  if (plan.help) view.help = plan.help;
  if (plan.hideLabel) view.hideLabel = true;
  return view;
}

function clauseView(clause: ClausePlan, data: Data | undefined): ClauseView {
  const agreed = data?.[clause.key] === true;
  if (!clause.numberKey) return { agreed, before: clause.title };
  const raw = data?.[clause.numberKey];
  const number = typeof raw === "number" || typeof raw === "string" ? String(raw) : BLANK;
  const at = clause.title.indexOf(BLANK);
  if (at < 0) return { agreed, before: `${clause.title} (`, number, after: ")" };
  return { agreed, before: clause.title.slice(0, at), number, after: clause.title.slice(at + BLANK.length) };
}
