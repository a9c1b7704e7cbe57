import type { FieldProps, WidgetProps } from "@rjsf/utils";

/**
 * Stands in, inside the prebuilt entries, for the RJSF fields and widgets no ILM template renders
 * (layout grids, anyOf/oneOf, file, colour, range, password…; see `./fields.ts`). A schema that
 * reaches one gets this message where the control would be, instead of a crash; the unbundled
 * entries (`@ilm-forms/react/unbundled`, `/form-unbundled`) carry RJSF's full set.
 *
 * @param props - the field's or widget's props (only the id is used)
 * @returns a short note that the control is not in this build
 */
export function NotInBundle(props: FieldProps | WidgetProps) {
  const id = "fieldPathId" in props ? props.fieldPathId?.$id : props.id;
  return <p className="ilm-not-in-bundle" id={id}>This field’s kind of control is not in the prebuilt @ilm-forms/react; use @ilm-forms/react/unbundled.</p>;
}
