import { descriptionId, getUiOptions, type WidgetProps } from "@rjsf/utils";
import { ariaFor } from "../theme/describedBy.ts";
import { splitAtBlank, useInlineSlots } from "../theme/inlineSlots.ts";

/**
 * A standard clause of the contract (`ui:widget: "clause"`): the clause is printed as text with a box
 * to agree to it. With `ui:options.inlineNumber` naming a sibling field, that field's box is printed
 * in the clause's blank: "To review the contract after [ 6 ] sessions and have a 'no fault' ending …".
 *
 * @param props - RJSF's widget props
 * @returns the clause
 */
export function ClauseWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, onChange, onBlur, onFocus, label, schema, uiSchema, rawErrors, name } = props;
  const slots = useInlineSlots();
  const options = getUiOptions(uiSchema);
  const slot = typeof options.inlineNumber === "string" ? slots.get(name) : undefined;
  const parts = slot ? splitAtBlank(label) : undefined;
  return (
    <div className="ilm-checkbox ilm-clause">
      <input
        type="checkbox"
        id={id}
        name={htmlName || id}
        className="ilm-checkbox__input"
        checked={value === true}
        disabled={disabled || readonly}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={(event) => onBlur(id, event.target.checked)}
        onFocus={(event) => onFocus(id, event.target.checked)}
        {...ariaFor(id, { schema, uiSchema, rawErrors })}
      />
      {parts ? (
        <span className="ilm-checkbox__label ilm-clause__text">
          <label htmlFor={id}>{parts[0]}</label> <span className="ilm-clause__slot">{slot}</span> <label htmlFor={id}>{parts[1]}</label>
        </span>
      ) : (
        <label className="ilm-checkbox__label ilm-clause__text" htmlFor={id}>
          {label}
        </label>
      )}
      {schema.description ? (
        <div className="ilm-hint ilm-checkbox__hint" id={descriptionId(id)}>
          {schema.description}
        </div>
      ) : null}
    </div>
  );
}
