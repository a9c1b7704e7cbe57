import { getInputProps, type BaseInputTemplateProps } from "@rjsf/utils";
import type { ChangeEvent } from "react";
import { ariaFor } from "../theme/describedBy.ts";
import { useBufferedText } from "./useBufferedText.ts";
import type { IlmFormContext } from "../theme/FormContext.ts";

/**
 * The `<input>` behind text, number and date fields, with `aria-invalid` and an `aria-describedby`
 * that points at the hint, the error and any warning actually on the page.
 *
 * @param props - RJSF's widget props
 * @returns the input
 */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, onChangeOverride, options, schema, uiSchema, rawErrors, type, placeholder, registry } = props;
  const inputProps = getInputProps(schema, type, options);
  const isNumber = inputProps.type === "number" || inputProps.type === "integer";
  const inputValue = isNumber ? (value || value === 0 ? value : "") : (value ?? "");
  const warning = (registry.formContext as IlmFormContext | undefined)?.warningsById.has(id);
  // Text and dates type through a buffer (see useBufferedText); numbers go straight to RJSF, whose
  // NumberField reshapes what it is given ("1." stays "1." while typed).
  const buffered = !isNumber && !onChangeOverride;
  const [text, setText] = useBufferedText(value, (next) => onChange(next === "" ? options.emptyValue : next));
  const width = isNumber || inputProps.type === "date" ? " ilm-input--short" : "";
  return (
    <input
      id={id}
      name={htmlName || id}
      className={`ilm-input${width}${rawErrors?.length ? " ilm-input--error" : ""}`}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      placeholder={placeholder}
      value={buffered ? text : (inputValue as string | number)}
      {...inputProps}
      onChange={
        onChangeOverride ??
        ((event: ChangeEvent<HTMLInputElement>) =>
          buffered ? setText(event.target.value) : onChange(event.target.value === "" ? options.emptyValue : event.target.value))
      }
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
      {...ariaFor(id, { schema, uiSchema, rawErrors, warning })}
    />
  );
}
