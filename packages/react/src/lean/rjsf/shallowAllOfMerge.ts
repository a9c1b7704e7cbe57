// Stands in for @rjsf/utils's schema/shallowAllOfMerge.js (which brings @x0k/json-schema-merge)
// inside the prebuilt entries (decision 043). No ILM template has `allOf` (leanBundle.test.tsx
// proves it over core's registry); RJSF may still make one when a 2020-12 $ref has sibling keywords,
// which this merges as RJSF v5 did: each branch merged into the schema with RJSF's `mergeSchemas`
// (properties merged deeply, `required` joined).
import mergeSchemas from "@rjsf/utils/lib/mergeSchemas.js";
import type { RJSFSchema } from "@rjsf/utils";

/**
 * Merges a schema's `allOf` branches into it.
 *
 * @param schema - a schema with `allOf`
 * @returns the schema without `allOf`, its branches merged in
 */
export default function shallowAllOfMerge(schema: RJSFSchema): RJSFSchema {
  const { allOf = [], ...rest } = schema;
  return allOf.reduce<RJSFSchema>((merged, branch) => (typeof branch === "object" ? (mergeSchemas(merged, branch) as RJSFSchema) : merged), rest);
}
