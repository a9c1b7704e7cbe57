import type { JsonSchema, Template } from "@ilm-forms/core";
import { formatValue } from "../layout/formatValue.ts";
import { asObject, resolveSchema } from "../layout/resolveSchema.ts";
import { valueFormat } from "../layout/valueFormat.ts";

type Ui = Record<string, unknown>;

/**
 * What a printed document must show, in order: every field's title and value, walked straight from
 * the schema and uiSchema (independently of the renderer's layout code). Rating values are left out:
 * they print as a marked cell, which the tests check on their own.
 */
export function expectedTexts(template: Template, data: Record<string, unknown>): string[] {
  return walk(template.schema, template.ui, data, template.schema);
}

function walk(schema: JsonSchema, ui: Ui, data: Record<string, unknown> | undefined, root: JsonSchema): string[] {
  const properties = asObject(schema.properties) ?? {};
  const order = Array.isArray(ui["ui:order"]) ? (ui["ui:order"] as string[]).filter((key) => key in properties) : [];
  const keys = [...order, ...Object.keys(properties).filter((key) => !order.includes(key))];
  const out: string[] = [];
  for (const key of keys) {
    const property = resolveSchema(asObject(properties[key]) ?? {}, root);
    const propertyUi = asObject(ui[key]) ?? {};
    const options = asObject(propertyUi["ui:options"]) ?? {};
    if (options.inlineIn) continue;
    const role = asObject(property["x-ilm"])?.role;
    const title = String(property.title ?? key);
    const value = data?.[key];
    if (propertyUi["ui:field"] === "signature" || role === "signature") {
      const signature = asObject(value);
      out.push(title, formatValue(signature?.name, { type: "string" }), formatValue(signature?.date, { type: "string", date: true }));
    } else if (propertyUi["ui:widget"] === "rating" || role === "rating") {
      out.push(title);
    } else if (propertyUi["ui:widget"] === "clause" || role === "clause") {
      const numberKey = options.inlineNumber;
      out.push(typeof numberKey === "string" && data?.[numberKey] !== undefined ? title.replace("____", String(data[numberKey])) : title);
    } else if (asObject(property.properties)) {
      out.push(title, ...walk(property, propertyUi, asObject(value), root));
    } else if (property.type === "array") {
      const items = resolveSchema(asObject(property.items) ?? {}, root);
      const itemsUi = asObject(propertyUi.items) ?? {};
      const rows = Array.isArray(value) ? value : [];
      out.push(title);
      if (asObject(items.properties) && options.table === true) {
        const columns = Object.keys(asObject(items.properties)!);
        const columnOrder = Array.isArray(itemsUi["ui:order"]) ? (itemsUi["ui:order"] as string[]) : columns;
        out.push(...columnOrder.map((column) => String(resolveSchema(asObject(asObject(items.properties)![column]) ?? {}, root).title ?? column)));
        for (const row of rows) {
          for (const column of columnOrder) {
            const columnSchema = resolveSchema(asObject(asObject(items.properties)![column]) ?? {}, root);
            out.push(formatValue(asObject(row)?.[column], valueFormat(columnSchema, asObject(itemsUi[column]))));
          }
        }
      } else if (asObject(items.properties)) {
        for (const row of rows) out.push(...walk(items, itemsUi, asObject(row), root));
      } else {
        out.push(...rows.map((row) => formatValue(row, valueFormat(items, itemsUi))));
      }
    } else {
      if (options.label !== false) out.push(title);
      out.push(formatValue(value, valueFormat(property, propertyUi)));
    }
  }
  return out;
}
