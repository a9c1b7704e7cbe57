// Stands in for @rjsf/core's components/fields/NumberField.js inside the prebuilt entries (decision
// 043): the same field (RJSF 6.11.1, Apache-2.0), except that it asks for the locale's decimal
// separator only when it needs it (a number to show, a value typed), not on every render. The first
// `Intl.NumberFormat` a page makes costs Chromium 30 to 150 ms (ICU's number data), and RJSF's field
// made one while a new, empty form first rendered; the portal test's first-interactive figure
// counts that time.
import { asNumber, getDecimalSeparator, getUiOptions, resolveDefaultWidget, type FieldProps } from "@rjsf/utils";
import { createElement, useCallback, useState, type ComponentType } from "react";

const trailingCharMatcherWithPrefix = /\.([0-9]*0)*$/;
const trailingCharMatcher = /[0.]0*$/;

/**
 * RJSF's number field: a StringField whose value is turned into a number as it is typed.
 *
 * @param props - RJSF's field props
 * @returns the StringField of the registry
 */
export default function NumberField(props: FieldProps) {
  const { registry, onChange, formData, value: initialValue } = props as FieldProps & { value?: unknown };
  const [lastValue, setLastValue] = useState<unknown>(initialValue);
  const StringField = registry.fields.StringField as ComponentType<FieldProps>;
  let value: unknown = formData;
  const handleChange = useCallback<FieldProps["onChange"]>(
    (newValue, path, errorSchema, id) => {
      setLastValue(newValue);
      const standardValue = typeof newValue === "string" ? newValue.replace(getDecimalSeparator(), ".") : newValue;
      const normalizedValue = `${standardValue as string}`.startsWith(".") ? `0${standardValue as string}` : standardValue;
      const processed =
        typeof normalizedValue === "string" && trailingCharMatcherWithPrefix.exec(normalizedValue)
          ? asNumber(normalizedValue.replace(trailingCharMatcher, ""))
          : asNumber(normalizedValue as string);
      onChange(processed, path, errorSchema, id);
    },
    [onChange],
  );
  if (typeof lastValue === "string" && typeof value === "number") {
    const canonicalLastValue = lastValue.replace(getDecimalSeparator(), ".");
    const escapedValue = String(value).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(`^(${escapedValue})?\\.?0*$`).exec(canonicalLastValue)) value = lastValue;
  }
  let displayValue = value;
  if (typeof value === "number") {
    const separator = getDecimalSeparator();
    if (separator !== ".") {
      const { schema, uiSchema } = props;
      const { defaultWidget } = resolveDefaultWidget(schema, uiSchema, registry.schemaUtils, registry.widgets);
      const { widget = defaultWidget, inputType } = getUiOptions(uiSchema);
      if (widget === "text" && inputType !== "number") displayValue = String(value).replace(".", separator);
    }
  }
  return createElement(StringField, { ...props, formData: displayValue, onChange: handleChange });
}
