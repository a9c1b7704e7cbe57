import { getUiOptions, orderProperties, type ArrayFieldTemplateProps, type RJSFSchema } from "@rjsf/utils";
import { useCallback, useEffect, useRef, useState } from "react";
import { ArrayFocusContext, applyFocus, type FocusRequest } from "./arrayFocus.ts";
import { TablePlacementContext } from "./FormContext.ts";

/**
 * A repeating group. With `ui:options.table` (log of hours, PDP, evidence matrices) the rows are a
 * real `<table>` with column headers, a row number and keyboard-operable Move up / Move down / Remove
 * buttons; otherwise each item stands on its own. Focus follows the row after every button press, and
 * a polite live region says what happened.
 *
 * @param props - RJSF's array template props
 * @returns the array
 */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { items, canAdd, onAddClick, title, schema, uiSchema, fieldPathId, registry, readonly, disabled } = props;
  const options = getUiOptions(uiSchema);
  const container = useRef<HTMLDivElement>(null);
  const pending = useRef<FocusRequest | undefined>(undefined);
  const [announcement, setAnnouncement] = useState("");
  const request = useCallback((next: FocusRequest) => {
    pending.current = next;
    setAnnouncement(next.announce);
  }, []);
  useEffect(() => {
    const next = pending.current;
    if (next && container.current && items.length === next.length) {
      pending.current = undefined;
      applyFocus(container.current, next);
    }
  });

  const id = fieldPathId.$id;
  const label = options.label === false ? undefined : (options.title as string | undefined) ?? title;
  const description = (options.description as string | undefined) ?? (schema.description as string | undefined);
  const itemTitle = (schema.items as RJSFSchema | undefined)?.title ?? "row";
  const addLabel = `Add ${String(itemTitle).toLowerCase() === "row" ? "a row" : `another ${String(itemTitle).toLowerCase()}`}`;
  const AddButton = registry.templates.ButtonTemplates.AddButton;
  const add = canAdd && !readonly && !disabled ? (
    <AddButton
      className="ilm-array__add"
      data-ilm-action="add"
      onClick={(event) => {
        request({ row: items.length, target: "first-input", length: items.length + 1, announce: `Row ${items.length + 1} added` });
        onAddClick(event);
      }}
      disabled={disabled || readonly}
      registry={registry}
      uiSchema={uiSchema}
    >
      {addLabel}
    </AddButton>
  ) : null;

  const columns = options.table ? tableColumns(props) : [];
  return (
    <ArrayFocusContext.Provider value={request}>
      <div className="ilm-array" id={id} ref={container}>
        <fieldset className="ilm-fieldset" aria-describedby={description ? `${id}__description` : undefined}>
          {label ? <legend className="ilm-fieldset__legend">{label}</legend> : null}
          {description ? <div className="ilm-hint" id={`${id}__description`}>{description}</div> : null}
          {options.table ? (
            <div className="ilm-table-wrap">
              <table className="ilm-table">
                <thead>
                  <tr>
                    <th scope="col" className="ilm-table__number">
                      <span className="ilm-visually-hidden">Row</span>
                    </th>
                    {columns.map((column) => (
                      <th scope="col" key={column}>
                        {column}
                      </th>
                    ))}
                    {readonly ? null : (
                      <th scope="col">
                        <span className="ilm-visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  <TablePlacementContext.Provider value="row">{items}</TablePlacementContext.Provider>
                </tbody>
              </table>
            </div>
          ) : (
            <div className="ilm-array__items">{items}</div>
          )}
          {items.length === 0 ? <p className="ilm-hint">No rows yet.</p> : null}
          {add}
        </fieldset>
        <div className="ilm-visually-hidden" aria-live="polite">
          {announcement}
        </div>
      </div>
    </ArrayFocusContext.Provider>
  );
}

function tableColumns({ schema, uiSchema, registry }: ArrayFieldTemplateProps): string[] {
  const rawItems = schema.items;
  if (!rawItems || typeof rawItems !== "object" || Array.isArray(rawItems)) return [];
  const itemSchema = registry.schemaUtils.retrieveSchema(rawItems as RJSFSchema);
  const properties = itemSchema.properties as Record<string, RJSFSchema> | undefined;
  if (!properties) return [String(itemSchema.title ?? "")];
  const itemUi = (uiSchema?.items ?? {}) as Record<string, unknown>;
  const order = orderProperties(Object.keys(properties), itemUi["ui:order"] as string[] | undefined);
  return order
    .filter((name) => (itemUi[name] as Record<string, unknown> | undefined)?.["ui:widget"] !== "hidden")
    .map((name) => String(properties[name]?.title ?? name));
}
