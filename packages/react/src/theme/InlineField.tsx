import { errorId, type FieldTemplateProps } from "@rjsf/utils";
import { TablePlacementContext } from "./FormContext.ts";

/**
 * A field printed inside another field's sentence (the contract's "after ____ sessions"): its label
 * is kept for screen readers with the blank read as "how many", its error follows the box.
 *
 * @param props - RJSF's field template props
 * @returns the inline field
 */
export function InlineField({ id, label, children, rawErrors }: FieldTemplateProps) {
  const errors = rawErrors?.filter(Boolean) ?? [];
  return (
    <span className={`ilm-inline-field${errors.length ? " ilm-form-group--error" : ""}`}>
      <label className="ilm-visually-hidden" htmlFor={id}>
        {label.replace(/_{2,}/, "how many")}
      </label>
      <TablePlacementContext.Provider value={undefined}>{children}</TablePlacementContext.Provider>
      {errors.length ? (
        <span className="ilm-error-message" id={errorId(id)}>
          <span className="ilm-visually-hidden">Error: </span>
          {errors.join(" ")}
        </span>
      ) : null}
    </span>
  );
}
