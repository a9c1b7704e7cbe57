import { enumOptionsIsSelected, enumOptionsSelectValue, enumOptionsDeselectValue, optionId, type WidgetProps } from "@rjsf/utils";
import { ariaFor } from "../theme/describedBy.ts";

/**
 * One choice shown as radio buttons (`ui:widget: "radio"`); the field template gives the group its
 * legend.
 *
 * @param props - RJSF's widget props
 * @returns the radios
 */
export function RadioWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, onChange, onBlur, onFocus, options, schema, uiSchema, rawErrors } = props;
  const enumOptions = options.enumOptions ?? [];
  const aria = ariaFor(id, { schema, uiSchema, rawErrors });
  return (
    <div className="ilm-radios" id={id}>
      {enumOptions.map((option, index) => (
        <div className="ilm-radios__item" key={String(option.value)}>
          <input
            type="radio"
            className="ilm-radios__input"
            id={optionId(id, index)}
            name={htmlName || id}
            checked={enumOptionsIsSelected(option.value, value)}
            disabled={disabled || readonly}
            onChange={() => onChange(option.value)}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
            {...aria}
          />
          <label className="ilm-radios__label" htmlFor={optionId(id, index)}>
            {option.label}
          </label>
        </div>
      ))}
    </div>
  );
}

/**
 * Several choices (`ui:widget: "checkboxes"` on an array of enums).
 *
 * @param props - RJSF's widget props
 * @returns the checkboxes
 */
export function CheckboxesWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, onChange, onBlur, onFocus, options, schema, uiSchema, rawErrors } = props;
  const enumOptions = options.enumOptions ?? [];
  const selected = Array.isArray(value) ? value : [];
  const aria = ariaFor(id, { schema, uiSchema, rawErrors });
  return (
    <div className="ilm-checkboxes" id={id}>
      {enumOptions.map((option, index) => (
        <div className="ilm-checkbox" key={String(option.value)}>
          <input
            type="checkbox"
            className="ilm-checkbox__input"
            id={optionId(id, index)}
            name={htmlName || id}
            checked={enumOptionsIsSelected(option.value, selected)}
            disabled={disabled || readonly}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? enumOptionsSelectValue(index, selected, enumOptions)
                  : enumOptionsDeselectValue(index, selected, enumOptions),
              )
            }
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
            {...aria}
          />
          <label className="ilm-checkbox__label" htmlFor={optionId(id, index)}>
            {option.label}
          </label>
        </div>
      ))}
    </div>
  );
}
