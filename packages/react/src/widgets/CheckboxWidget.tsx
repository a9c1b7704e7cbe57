import { descriptionId, type WidgetProps } from "@rjsf/utils";
import { ariaFor } from "../theme/describedBy.ts";

/**
 * A yes/no box with its label beside it (GOV.UK checkbox), the description as a hint under it.
 *
 * @param props - RJSF's widget props
 * @returns the checkbox
 */
export function CheckboxWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, label, schema, uiSchema, rawErrors, required } = props;
  const description = (uiSchema?.["ui:description"] as string | undefined) ?? schema.description;
  return (
    <div className="ilm-checkbox">
      <input
        type="checkbox"
        id={id}
        name={htmlName || id}
        className="ilm-checkbox__input"
        checked={value === true}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={(event) => onBlur(id, event.target.checked)}
        onFocus={(event) => onFocus(id, event.target.checked)}
        {...ariaFor(id, { schema, uiSchema, rawErrors })}
      />
      <label className="ilm-checkbox__label" htmlFor={id}>
        {label}
        {required ? <span className="ilm-required"> (required)</span> : null}
      </label>
      {description ? (
        <div className="ilm-hint ilm-checkbox__hint" id={descriptionId(id)}>
          {description}
        </div>
      ) : null}
    </div>
  );
}
