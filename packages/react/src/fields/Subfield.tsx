import { errorId } from "@rjsf/utils";
import type { ReactNode } from "react";

/** The ids and words a part of a composite field (a SWOT quadrant, a signature's name) shows. */
export interface SubfieldProps {
  id: string;
  label: ReactNode;
  hint?: string;
  errors?: string[];
  warnings?: string[];
  children: (aria: { "aria-describedby"?: string; "aria-invalid"?: true }) => ReactNode;
}

/**
 * A labelled part of a composite field, laid out like any other field: label, hint, error, control.
 *
 * @param props - the part's id, label, hint, errors and a render function for its control
 * @returns the part
 */
export function Subfield({ id, label, hint, errors = [], warnings = [], children }: SubfieldProps) {
  const ids = [hint ? `${id}__description` : "", errors.length ? errorId(id) : "", warnings.length ? `${id}__warning` : ""].filter(Boolean);
  return (
    <div className={`ilm-form-group${errors.length ? " ilm-form-group--error" : ""}`}>
      <label className="ilm-label ilm-label--s" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="ilm-hint" id={`${id}__description`}>
          {hint}
        </div>
      ) : null}
      {errors.length ? (
        <p className="ilm-error-message" id={errorId(id)}>
          <span className="ilm-visually-hidden">Error: </span>
          {errors.join(" ")}
        </p>
      ) : null}
      {warnings.length ? (
        <p className="ilm-warning" id={`${id}__warning`}>
          <span className="ilm-visually-hidden">Warning: </span>
          {warnings.join(" ")}
        </p>
      ) : null}
      {children({ "aria-describedby": ids.length ? ids.join(" ") : undefined, "aria-invalid": errors.length ? true : undefined })}
    </div>
  );
}
