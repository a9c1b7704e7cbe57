import { formatValue } from "../layout/formatValue.ts";
import { asObject } from "../layout/resolveSchema.ts";
import type { PlanNode } from "../layout/types.ts";

type Data = Record<string, unknown>;

const BLANK = "____";
const NAME = { type: "string" } as const;
const DATE = { type: "string", date: true } as const;

/**
 * Fills the slots of a specialised template: the same values `bindPlan` works out, as plain text,
 * flat and in the order {@link specialiseSource} numbered them (nested arrays for table rows, list
 * items and repeated entries). Nothing here becomes markup: the template escapes every slot.
 *
 * @param nodes - the plan the template was generated from
 * @param data - the document (or the part of it the nodes describe)
 * @param slots - the array to fill (a new one when omitted)
 * @returns `slots`
 */
export function bindValues(nodes: PlanNode[], data: Data | undefined, slots: unknown[] = []): unknown[] {
  for (const node of nodes) {
    switch (node.kind) {
      case "fields":
        for (const row of node.rows) slots.push(formatValue(data?.[row.key], row.format));
        break;
      case "grid":
        for (let i = 0; i < node.cells.length; i += node.columns) {
          for (const cell of node.cells.slice(i, i + node.columns)) slots.push(formatValue(data?.[cell.key], cell.format));
        }
        break;
      case "section":
        bindValues(node.children, asObject(data?.[node.key]), slots);
        break;
      case "ratings":
        for (const item of node.items) {
          const value = data?.[item.key];
          for (let score = node.min; score <= node.max; score++) slots.push(value === score);
        }
        break;
      case "swot": {
        const quadrants = asObject(data?.[node.key]);
        for (const quadrant of node.quadrants.slice(0, 4)) slots.push(formatValue(quadrants?.[quadrant.key], quadrant.format));
        break;
      }
      case "signature": {
        const signature = asObject(data?.[node.key]);
        slots.push(formatValue(signature?.name, NAME), formatValue(signature?.date, DATE));
        break;
      }
      case "clauses":
        for (const clause of node.items) {
          slots.push(data?.[clause.key] === true);
          if (clause.numberKey) {
            const raw = data?.[clause.numberKey];
            slots.push(typeof raw === "number" || typeof raw === "string" ? String(raw) : BLANK);
          }
        }
        break;
      case "table": {
        const rows = data?.[node.key];
        slots.push(Array.isArray(rows) ? rows.map((row: unknown) => node.columns.map((column) => formatValue(asObject(row)?.[column.key], column.format))) : []);
        break;
      }
      case "list": {
        const values = data?.[node.key];
        slots.push((Array.isArray(values) ? values : values === undefined ? [] : [values]).map((value: unknown) => formatValue(value, node.item.format)));
        break;
      }
      case "repeat": {
        const rows = data?.[node.key];
        slots.push(Array.isArray(rows) ? rows.map((row: unknown) => bindValues(node.children, asObject(row))) : []);
        break;
      }
    }
  }
  return slots;
}
