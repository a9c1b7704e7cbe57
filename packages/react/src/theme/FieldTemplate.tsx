import { descriptionId, errorId, getUiOptions, helpId, type FieldTemplateProps } from "@rjsf/utils";
import type { ReactNode } from "react";
import { TablePlacementContext, useTablePlacement, type IlmFormContext } from "./FormContext.ts";
import { InlineField } from "./InlineField.tsx";

/** Widgets that print their own label (a checkbox beside its text). */
const SELF_LABELLED = new Set(["checkbox", "clause"]);
/** Widgets made of several controls: the label becomes a fieldset legend. */
const GROUPED = new Set(["radio", "checkboxes", "rating", "duration"]);

/**
 * One field, GOV.UK style: a large label, the hint under it, the error message (announced with the
 * label, because the control's `aria-describedby` points at it), a warning if any, then the control.
 * In a table-style array the label is kept for screen readers and the column header shows it.
 *
 * @param props - RJSF's field template props
 * @returns the field
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, rawErrors, rawDescription, rawHelp, hidden, required, displayLabel, schema, uiSchema, registry } = props;
  const placement = useTablePlacement();
  if (hidden) return <div className="ilm-hidden">{children}</div>;

  const isContainer = schema.type === "object" || schema.type === "array";
  if (placement === "row" && schema.type === "object") return children;
  if (placement === "inline") return <InlineField {...props} />;

  const widget = String(getUiOptions(uiSchema).widget ?? (schema.type === "boolean" ? "checkbox" : ""));
  const errors = rawErrors?.filter(Boolean) ?? [];
  const warnings = (registry.formContext as IlmFormContext | undefined)?.warningsById.get(id) ?? [];
  const inCell = placement === "row" || placement === "cell";
  // In a table's cell the column header names the field: its label is hidden, shown again on a phone,
  // where each row is a card (styles.css, .ilm-cell-label).
  const labelClass = inCell ? "ilm-cell-label" : "ilm-label";
  const showLabel = displayLabel && !SELF_LABELLED.has(widget) && !isContainer;
  const grouped = GROUPED.has(widget);
  const labelText = (
    <>
      {label}
      {required && !inCell ? <span className="ilm-required"> (required)</span> : null}
    </>
  );

  const hintAndMessages: ReactNode = (
    <>
      {displayLabel && rawDescription && !isContainer ? <div className="ilm-hint" id={descriptionId(id)}>{rawDescription}</div> : null}
      {rawHelp && !uiSchema?.["ui:field"] ? <div className="ilm-hint" id={helpId(id)}>{rawHelp}</div> : null}
      {errors.length > 0 ? (
        <p className="ilm-error-message" id={errorId(id)}>
          {errors.map((message, index) => (
            <span key={index} className="ilm-error-message__line">
              <span className="ilm-visually-hidden">Error: </span>
              {message}
            </span>
          ))}
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <p className="ilm-warning" id={`${id}__warning`}>
          <span className="ilm-visually-hidden">Warning: </span>
          {warnings.join(" ")}
        </p>
      ) : null}
    </>
  );

  const body = (
    <TablePlacementContext.Provider value={undefined}>{children}</TablePlacementContext.Provider>
  );
  const className = `ilm-form-group${errors.length > 0 ? " ilm-form-group--error" : ""}${inCell ? " ilm-form-group--cell" : ""}`;

  const group =
    showLabel && grouped ? (
      <fieldset className={className}>
        <legend className={inCell ? "ilm-cell-label" : "ilm-fieldset__legend ilm-label"}>{labelText}</legend>
        {hintAndMessages}
        {body}
      </fieldset>
    ) : (
      <div className={className}>
        {showLabel ? (
          <label className={labelClass} htmlFor={id}>
            {labelText}
          </label>
        ) : !isContainer && !SELF_LABELLED.has(widget) && label ? (
          // `ui:options.label: false` hides the label from sight, never from screen readers.
          <label className="ilm-visually-hidden" htmlFor={id}>
            {label}
          </label>
        ) : null}
        {hintAndMessages}
        {body}
      </div>
    );
  return placement === "row" ? <td className="ilm-table__cell">{group}</td> : group;
}
