import { getSubmitButtonOptions, type IconButtonProps, type SubmitButtonProps } from "@rjsf/utils";

/**
 * The form's submit button (GOV.UK primary button); `ui:submitButtonOptions.submitText` renames it.
 *
 * @param props - RJSF's submit button props
 * @returns the button, or nothing when the uiSchema says `norender`
 */
export function SubmitButton({ uiSchema }: SubmitButtonProps) {
  const { submitText, norender, props } = getSubmitButtonOptions(uiSchema);
  if (norender) return null;
  return (
    <button type="submit" className="ilm-button" disabled={props?.disabled}>
      {submitText === "Submit" ? "Save and continue" : submitText}
    </button>
  );
}

/**
 * "Add another" under a repeating group.
 *
 * @param props - RJSF's icon button props (children are the words)
 * @returns the button
 */
export function AddButton({ registry: _registry, uiSchema: _uiSchema, iconType: _iconType, icon: _icon, children, className, ...rest }: IconButtonProps) {
  return (
    <button type="button" className={`ilm-button ilm-button--secondary ${className ?? ""}`} {...rest}>
      {children ?? "Add another"}
    </button>
  );
}
