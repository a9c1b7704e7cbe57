// Stands in for @rjsf/core's components/fields/index.js inside the prebuilt entries (decision 043):
// the fields an ILM template can reach (objects, arrays, strings, numbers, booleans, null); the
// layout-grid, anyOf/oneOf, cyclic-$ref, fallback and optional-data fields, which only schemas or ui
// options no ILM template has reach, are one small stand-in. src/lean/leanBundle.test.tsx renders
// every template of core's registry from the bundle and from the sources and compares the markup.
import ArrayField from "@rjsf/core/lib/components/fields/ArrayField.js";
import BooleanField from "@rjsf/core/lib/components/fields/BooleanField.js";
import NullField from "@rjsf/core/lib/components/fields/NullField.js";
import NumberField from "@rjsf/core/lib/components/fields/NumberField.js";
import ObjectField from "@rjsf/core/lib/components/fields/ObjectField.js";
import SchemaField from "@rjsf/core/lib/components/fields/SchemaField.js";
import StringField from "@rjsf/core/lib/components/fields/StringField.js";
import type { RegistryFieldsType } from "@rjsf/utils";
import { NotInBundle } from "./NotInBundle.tsx";

/** RJSF's field names that the prebuilt entries leave out (each is `NotInBundle`). */
export const LEFT_OUT_FIELDS = ["AnyOfField", "OneOfField", "CyclicSchemaField", "FallbackField", "LayoutGridField", "LayoutHeaderField", "LayoutMultiSchemaField", "OptionalDataControlsField"] as const;

/**
 * The default fields of the prebuilt entries.
 *
 * @returns RJSF's fields by name, as `@rjsf/core`'s `fields()` returns them
 */
export default function fields(): RegistryFieldsType {
  const kept: RegistryFieldsType = { ArrayField, BooleanField, NullField, NumberField, ObjectField, SchemaField, StringField } as RegistryFieldsType;
  return { ...Object.fromEntries(LEFT_OUT_FIELDS.map((name) => [name, NotInBundle])), ...kept };
}
