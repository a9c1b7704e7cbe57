import { descriptionId, errorId, helpId } from "@rjsf/utils";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";

/**
 * The `aria-describedby` of a field's control: only ids that are on the page (hint, help, error,
 * warning), so screen readers read the hint and the error with the label.
 *
 * @param id - the field id
 * @param parts - which of the parts are shown
 * @returns the space-separated ids, or undefined when there are none
 */
export function describedBy(id: string, parts: { schema?: RJSFSchema; uiSchema?: UiSchema; rawErrors?: string[]; warning?: boolean }): string | undefined {
  const ids: string[] = [];
  if (parts.schema?.description || parts.uiSchema?.["ui:description"]) ids.push(descriptionId(id));
  if (parts.uiSchema?.["ui:help"]) ids.push(helpId(id));
  if (parts.rawErrors && parts.rawErrors.length > 0) ids.push(errorId(id));
  if (parts.warning) ids.push(`${id}__warning`);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/**
 * The ARIA attributes every control of the theme carries.
 *
 * @param id - the field id
 * @param parts - schema, uiSchema, errors and whether a warning shows
 * @returns `aria-describedby` and `aria-invalid`
 */
export function ariaFor(id: string, parts: { schema?: RJSFSchema; uiSchema?: UiSchema; rawErrors?: string[]; warning?: boolean }) {
  return {
    "aria-describedby": describedBy(id, parts),
    "aria-invalid": parts.rawErrors && parts.rawErrors.length > 0 ? (true as const) : undefined,
  };
}
