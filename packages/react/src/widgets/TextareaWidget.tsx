import type { WidgetProps } from "@rjsf/utils";
import { ariaFor } from "../theme/describedBy.ts";
import { useBufferedText } from "./useBufferedText.ts";
import type { IlmFormContext } from "../theme/FormContext.ts";

/**
 * A multi-line answer (`ui:widget: "textarea"`, `ui:options.rows`).
 *
 * @param props - RJSF's widget props
 * @returns the textarea
 */
export function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options, schema, uiSchema, rawErrors, placeholder, registry } = props;
  const warning = (registry.formContext as IlmFormContext | undefined)?.warningsById.has(id);
  const [text, setText] = useBufferedText(value, (next) => onChange(next === "" ? options.emptyValue : next));
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className={`ilm-textarea${rawErrors?.length ? " ilm-input--error" : ""}`}
      rows={Number(options.rows) || 5}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      placeholder={placeholder}
      maxLength={typeof schema.maxLength === "number" ? schema.maxLength : undefined}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
      {...ariaFor(id, { schema, uiSchema, rawErrors, warning })}
    />
  );
}
