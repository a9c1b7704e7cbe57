import { descriptionId, getUiOptions, type ObjectFieldTemplateProps, type ObjectFieldTemplatePropertyType, type UiSchema } from "@rjsf/utils";
import type { ReactElement } from "react";
import { InlineSlotsContext } from "./inlineSlots.ts";
import { TablePlacementContext, useTablePlacement } from "./FormContext.ts";

/**
 * A group of fields: the form itself (title as a heading), a nested object as a fieldset with its
 * title as the legend, or, inside a table-style array, one row's cells. `ui:options.layout: "grid"`
 * with `gridFields` sets those fields side by side, as the paper form prints them.
 *
 * @param props - RJSF's object template props
 * @returns the group
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, uiSchema, fieldPathId, schema } = props;
  const placement = useTablePlacement();
  const visible = properties.filter((property) => !property.hidden);

  if (placement === "row") {
    return (
      <>
        {visible.map((property) => (
          <td key={property.name} className="ilm-table__cell">
            <TablePlacementContext.Provider value="cell">{property.content}</TablePlacementContext.Provider>
          </td>
        ))}
      </>
    );
  }

  const options = getUiOptions(uiSchema);
  const slots = new Map<string, ReactElement>();
  for (const property of visible) {
    const host = getUiOptions(uiSchema?.[property.name] as UiSchema | undefined).inlineIn;
    if (typeof host === "string") slots.set(host, <TablePlacementContext.Provider value="inline">{property.content}</TablePlacementContext.Provider>);
  }
  const standalone = slots.size > 0 ? visible.filter((property) => typeof getUiOptions(uiSchema?.[property.name] as UiSchema | undefined).inlineIn !== "string") : visible;
  const content = slots.size > 0 ? <InlineSlotsContext.Provider value={slots}>{layout(standalone, options)}</InlineSlotsContext.Provider> : layout(standalone, options);
  const id = fieldPathId.$id;
  const isRoot = fieldPathId.path.length === 0;
  const label = options.label === false ? undefined : (options.title as string | undefined) ?? title ?? (schema.title as string | undefined);
  const hint = description ? (
    <div className="ilm-hint" id={descriptionId(id)}>
      {description}
    </div>
  ) : null;

  if (isRoot) {
    // Paper-form text ("This page will require photocopying ..."): the template lists it in
    // x-ilm.paperOnly; the screen leaves it out, a printed page keeps it.
    const paper = (schema["x-ilm"] as { paperOnly?: unknown } | undefined)?.paperOnly;
    const paperOnly = Array.isArray(paper) ? paper.filter((p): p is string => typeof p === "string") : [];
    const screenHint =
      paperOnly.length > 0 && typeof schema.description === "string" ? (
        <>
          {screenText(schema.description, paperOnly) ? <div className="ilm-hint ilm-hint--lines" id={descriptionId(id)}>{screenText(schema.description, paperOnly)}</div> : null}
          <div className="ilm-hint ilm-print-only">{paperOnly.join(" ")}</div>
        </>
      ) : (
        hint
      );
    return (
      <div className="ilm-object ilm-object--root" id={id}>
        {label ? <h2 className="ilm-heading-l">{label}</h2> : null}
        {screenHint}
        {content}
      </div>
    );
  }
  return (
    <fieldset className="ilm-fieldset" id={id} aria-describedby={description ? descriptionId(id) : undefined}>
      {label ? <legend className="ilm-fieldset__legend">{label}</legend> : null}
      {hint}
      {content}
    </fieldset>
  );
}

function layout(properties: ObjectFieldTemplatePropertyType[], options: Record<string, unknown>) {
  const gridFields = options.layout === "grid" && Array.isArray(options.gridFields) ? new Set(options.gridFields.map(String)) : undefined;
  if (!gridFields) return properties.map((property) => property.content);
  const columns = Math.min(4, Math.max(1, Number(options.columns) || 2));
  const inGrid = properties.filter((property) => gridFields.has(property.name));
  const rest = properties.filter((property) => !gridFields.has(property.name));
  return (
    <>
      <div className={`ilm-grid ilm-grid--cols-${columns}`}>
        {inGrid.map((property) => (
          <div className="ilm-grid__item" key={property.name}>
            {property.content}
          </div>
        ))}
      </div>
      {rest.map((property) => property.content)}
    </>
  );
}

/** A description without the paper-form phrases (and the brackets or spaces they leave). */
export function screenText(description: string, paperOnly: string[]): string {
  let text = description;
  for (const phrase of paperOnly) text = text.split(phrase).join("");
  return text.replace(/\(\s*\)/g, "").replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}
