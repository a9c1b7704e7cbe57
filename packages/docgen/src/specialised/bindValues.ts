import { formatValue } from "../layout/formatValue.ts";
import { asObject } from "../layout/resolveSchema.ts";
import type { FieldPlan, PlanNode, ValueFormat } from "../layout/types.ts";

type Data = Record<string, unknown>;
/** Fills the slots of one scope from the part of the document it describes. */
export type SlotBinder = (data: Data | undefined, slots: unknown[]) => void;

const BLANK = "____";
const NAME: ValueFormat = { type: "string" };
const DATE: ValueFormat = { type: "string", date: true };

/**
 * Turns a plan into the function that fills a specialised template's slots: the same values
 * `bindPlan` works out, as plain text, flat and in the order {@link specialiseSource} numbered them
 * (nested arrays for table rows, list items and repeated entries). The plan is walked once, here;
 * each call only reads the document. Nothing becomes markup: the template escapes every slot.
 *
 * @param nodes - the plan the template was generated from
 * @returns the binder for the nodes' scope
 */
export function slotBinder(nodes: PlanNode[]): SlotBinder {
  const steps = nodes.map(step);
  if (steps.length === 1) return steps[0]!;
  return (data, slots) => {
    for (let i = 0; i < steps.length; i++) steps[i]!(data, slots);
  };
}

/**
 * Fills a new slot array for a whole document (the tests' and the generator's reference).
 *
 * @param nodes - the plan the template was generated from
 * @param data - the document
 * @returns the slots
 */
export function bindValues(nodes: PlanNode[], data: Data | undefined): unknown[] {
  const slots: unknown[] = [];
  slotBinder(nodes)(data, slots);
  return slots;
}

/** Scalars in a row: one keyed read each; strings that need no date rewriting are taken as they are. */
function scalars(fields: FieldPlan[]): SlotBinder {
  const keys = fields.map((field) => field.key);
  const formats = fields.map((field) => field.format);
  const plain = formats.map((format) => format.date !== true);
  return (data, slots) => {
    for (let i = 0; i < keys.length; i++) {
      const value = data?.[keys[i]!];
      slots.push(typeof value === "string" && plain[i] ? value : formatValue(value, formats[i]!));
    }
  };
}

function step(node: PlanNode): SlotBinder {
  switch (node.kind) {
    case "fields":
      return scalars(node.rows);
    case "grid":
      // The template prints the cells row by row, which is cell by cell in order.
      return scalars(node.cells);
    case "section": {
      const children = slotBinder(node.children);
      return (data, slots) => children(asObject(data?.[node.key]), slots);
    }
    case "ratings":
      return (data, slots) => {
        for (const item of node.items) {
          const value = data?.[item.key];
          for (let score = node.min; score <= node.max; score++) slots.push(value === score);
        }
      };
    case "swot": {
      const quadrants = scalars(node.quadrants.slice(0, 4));
      return (data, slots) => quadrants(asObject(data?.[node.key]), slots);
    }
    case "signature":
      return (data, slots) => {
        const signature = asObject(data?.[node.key]);
        slots.push(formatValue(signature?.name, NAME), formatValue(signature?.date, DATE));
      };
    case "clauses":
      return (data, slots) => {
        for (const clause of node.items) {
          slots.push(data?.[clause.key] === true);
          if (clause.numberKey) {
            const raw = data?.[clause.numberKey];
            slots.push(typeof raw === "number" || typeof raw === "string" ? String(raw) : BLANK);
          }
        }
      };
    case "table": {
      const columns = scalars(node.columns);
      return (data, slots) => {
        const rows = data?.[node.key];
        slots.push(Array.isArray(rows) ? rows.map((row: unknown) => each(columns, asObject(row))) : []);
      };
    }
    case "list":
      return (data, slots) => {
        const values = data?.[node.key];
        slots.push((Array.isArray(values) ? values : values === undefined ? [] : [values]).map((value: unknown) => formatValue(value, node.item.format)));
      };
    case "repeat": {
      const children = slotBinder(node.children);
      return (data, slots) => {
        const rows = data?.[node.key];
        slots.push(Array.isArray(rows) ? rows.map((row: unknown) => each(children, asObject(row))) : []);
      };
    }
  }
}

function each(binder: SlotBinder, data: Data | undefined): unknown[] {
  const slots: unknown[] = [];
  binder(data, slots);
  return slots;
}
