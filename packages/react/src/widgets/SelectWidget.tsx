import { enumOptionSelectedValue, enumOptionValueDecoder, enumOptionValueEncoder, getOptionValueFormat, type WidgetProps } from "@rjsf/utils";
import { ariaFor } from "../theme/describedBy.ts";

/**
 * A single choice from a list (string `enum`s such as "Signed as").
 *
 * @param props - RJSF's widget props
 * @returns the select
 */
export function SelectWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options, schema, uiSchema, rawErrors, placeholder } = props;
  const { enumOptions = [], emptyValue } = options;
  const format = getOptionValueFormat(options);
  const decode = (raw: string) => enumOptionValueDecoder(raw, enumOptions, format, emptyValue);
  return (
    <select
      id={id}
      name={htmlName || id}
      className={`ilm-select${rawErrors?.length ? " ilm-input--error" : ""}`}
      value={enumOptionSelectedValue(value, enumOptions, false, format, "") as string}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      onChange={(event) => onChange(decode(event.target.value))}
      onBlur={(event) => onBlur(id, decode(event.target.value))}
      onFocus={(event) => onFocus(id, decode(event.target.value))}
      {...ariaFor(id, { schema, uiSchema, rawErrors })}
    >
      <option value="">{placeholder || "Choose…"}</option>
      {enumOptions.map((option, index) => (
        <option key={String(option.value)} value={enumOptionValueEncoder(option.value, index, format)}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
