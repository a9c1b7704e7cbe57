import type { JsonSchema, Template } from "@ilm-forms/core";
import { asObject, resolveSchema } from "./resolveSchema.ts";
import type { ClausePlan, DocumentPlan, FieldPlan, PlanNode } from "./types.ts";
import { valueFormat } from "./valueFormat.ts";

type Ui = Record<string, unknown>;

const plans = new WeakMap<Template, DocumentPlan>();

/**
 * Works out a template's printed layout from its bundled schema and UI hints: labels, order,
 * sections, tables, rating rows, SWOT grid, signature blocks and clauses. Nothing here is specific to
 * one template, so a new schema prints without code. The plan is cached per template object.
 *
 * @param template - a template from the registry
 * @returns the layout, ready to be bound to a document's data
 */
export function planTemplate(template: Template): DocumentPlan {
  const cached = plans.get(template);
  if (cached) return cached;
  const root = template.schema;
  const ui = template.ui;
  const options = asObject(ui["ui:options"]);
  const gridFields = options?.layout === "grid" && Array.isArray(options.gridFields) ? (options.gridFields as string[]) : [];
  const columns = typeof options?.columns === "number" ? options.columns : 2;
  const plan: DocumentPlan = {
    title: template.title,
    section: template.annotations.section,
    description: typeof root.description === "string" ? root.description : undefined,
    nodes: planObject(root, ui, root, { gridFields, columns }),
  };
  plans.set(template, plan);
  return plan;
}

interface Grid {
  gridFields: string[];
  columns: number;
}

function planObject(schema: JsonSchema, ui: Ui, root: JsonSchema, grid?: Grid): PlanNode[] {
  const properties = asObject(schema.properties) ?? {};
  const nodes: PlanNode[] = [];
  let gridNode: Extract<PlanNode, { kind: "grid" }> | undefined;
  for (const key of orderedKeys(Object.keys(properties), ui["ui:order"])) {
    const property = resolveSchema(asObject(properties[key]) ?? {}, root);
    const propertyUi = asObject(ui[key]) ?? {};
    const options = asObject(propertyUi["ui:options"]) ?? {};
    if (typeof options.inlineIn === "string") continue;
    const role = asObject(property["x-ilm"])?.role;
    const title = titleOf(property, key);
    const last = nodes[nodes.length - 1];
    if (propertyUi["ui:field"] === "signature" || role === "signature") {
      const parts = asObject(property.properties) ?? {};
      nodes.push({
        kind: "signature",
        key,
        title,
        help: stringOf(propertyUi["ui:help"]),
        nameTitle: titleOf(resolveSchema(asObject(parts.name) ?? {}, root), "Signature"),
        dateTitle: titleOf(resolveSchema(asObject(parts.date) ?? {}, root), "Date"),
      });
    } else if (propertyUi["ui:field"] === "swot" || role === "swot") {
      const quadrants = planObject(property, propertyUi, root).flatMap((node) => (node.kind === "fields" ? node.rows : []));
      nodes.push({ kind: "swot", key, title, quadrants });
    } else if (propertyUi["ui:widget"] === "rating" || role === "rating") {
      const item = field(key, property, propertyUi);
      if (last?.kind === "ratings") last.items.push(item);
      else nodes.push({ kind: "ratings", min: numberOf(property.minimum, 1), max: numberOf(property.maximum, 10), items: [item] });
    } else if (propertyUi["ui:widget"] === "clause" || role === "clause") {
      const clause: ClausePlan = { key, title, numberKey: stringOf(options.inlineNumber) };
      if (last?.kind === "clauses") last.items.push(clause);
      else nodes.push({ kind: "clauses", items: [clause] });
    } else if (asObject(property.properties)) {
      nodes.push({ kind: "section", key, title, description: stringOf(property.description), children: planObject(property, propertyUi, root) });
    } else if (property.type === "array" && asObject(resolveSchema(asObject(property.items) ?? {}, root).properties)) {
      const items = resolveSchema(asObject(property.items) ?? {}, root);
      const itemsUi = asObject(propertyUi.items) ?? {};
      if (options.table === true) {
        const cells = asObject(items.properties) ?? {};
        const columns = orderedKeys(Object.keys(cells), itemsUi["ui:order"]).map((column) =>
          field(column, resolveSchema(asObject(cells[column]) ?? {}, root), asObject(itemsUi[column]) ?? {}),
        );
        nodes.push({ kind: "table", key, title, description: stringOf(property.description), columns });
      } else {
        nodes.push({ kind: "repeat", key, title, itemTitle: titleOf(items, "Entry"), children: planObject(items, itemsUi, root) });
      }
    } else if (property.type === "array") {
      const items = resolveSchema(asObject(property.items) ?? {}, root);
      nodes.push({ kind: "list", key, title, help: stringOf(propertyUi["ui:help"]), item: field(key, items, asObject(propertyUi.items) ?? {}) });
    } else if (grid?.gridFields.includes(key)) {
      if (!gridNode) {
        gridNode = { kind: "grid", columns: grid.columns, cells: [] };
        nodes.push(gridNode);
      }
      gridNode.cells.push(field(key, property, propertyUi));
    } else if (last?.kind === "fields") {
      last.rows.push(field(key, property, propertyUi));
    } else {
      nodes.push({ kind: "fields", rows: [field(key, property, propertyUi)] });
    }
  }
  return nodes;
}

function field(key: string, schema: JsonSchema, ui: Ui): FieldPlan {
  const options = asObject(ui["ui:options"]);
  const plan: FieldPlan = { key, title: titleOf(schema, key), format: valueFormat(schema, ui) };
  const help = stringOf(ui["ui:help"]);
  if (help) plan.help = help;
  if (options?.label === false) plan.hideLabel = true;
  return plan;
}

/** The keys in `ui:order` (with its `*` wildcard), then any the order leaves out. */
function orderedKeys(keys: string[], order: unknown): string[] {
  if (!Array.isArray(order)) return keys;
  const listed = order.filter((key): key is string => typeof key === "string" && key !== "*" && keys.includes(key));
  const rest = keys.filter((key) => !listed.includes(key));
  const star = order.indexOf("*");
  if (star < 0) return [...listed, ...rest];
  const before = order.slice(0, star).filter((key) => listed.includes(key as string)) as string[];
  return [...before, ...rest, ...listed.filter((key) => !before.includes(key))];
}

function titleOf(schema: JsonSchema, fallback: string): string {
  return typeof schema.title === "string" ? schema.title : fallback;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function numberOf(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}
