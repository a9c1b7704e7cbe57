import { describeError } from "@ilm-forms/core/engine";
import type { AjvError, FieldError, RegistryEntry } from "@ilm-forms/core/engine";
import {
  createErrorHandler,
  JUNK_OPTION_ID,
  unwrapErrorHandler,
  validationDataMerge,
  type CustomValidator,
  type ErrorSchema,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from "@rjsf/utils";
import { errorSchemaFrom, propertyOf } from "./errorSchemaFrom.ts";
import { matchesSubschema } from "./matchesSubschema.ts";
import { formSchemaOf } from "../form/formSchema.ts";

/** An RJSF validation error that also carries core's field error, so templates can show its words. */
export interface IlmValidationError extends RJSFValidationError {
  /** The field error as `@ilm-forms/core` describes it (plain-English message, location, JSON pointer). */
  fieldError: FieldError;
}

/**
 * Makes an RJSF `ValidatorType` over one template's precompiled validator: no schema is compiled in
 * the browser (so no `eval`/`new Function`, safe under a Content-Security-Policy without
 * 'unsafe-eval'), and every error carries core's plain-English message.
 *
 * The validator is bound to its template: `validateFormData` always validates against the template's
 * whole schema. `isValid(schema, data, rootSchema)`, which RJSF calls only to choose between
 * `oneOf`/`anyOf` branches and for `if`/`then`, uses the precompiled validator when `schema` is the
 * root schema and otherwise a small matcher of `type`, `const`, `enum`, `required` and `properties`
 * (see `matchesSubschema`); the ILM templates use none of those keywords.
 *
 * @param entry - `{ template, validate }`: a registry entry or a precompiled template module
 * @returns the validator to pass to RJSF's `<Form validator>`
 */
export function createIlmValidator(entry: RegistryEntry): ValidatorType<unknown, RJSFSchema> {
  const root = entry.template.schema;
  // The schema the form renders from (its references resolved once, decision 060): RJSF passes it as the root.
  const view = formSchemaOf(root);

  const run = (formData: unknown): AjvError[] => {
    const valid = entry.validate(formData);
    const errors = valid ? [] : [...(entry.validate.errors ?? [])];
    entry.validate.errors = null;
    return errors;
  };

  const toRjsfErrors = (formData: unknown): IlmValidationError[] => {
    const seen = new Set<string>();
    const errors: IlmValidationError[] = [];
    for (const ajvError of run(formData)) {
      const fieldError = describeError(ajvError, root);
      const key = `${fieldError.path}\u0000${fieldError.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push({
        name: ajvError.keyword,
        property: propertyOf(fieldError.path),
        message: fieldError.message,
        stack: fieldError.message,
        params: ajvError.params,
        schemaPath: ajvError.schemaPath,
        title: fieldError.field,
        fieldError,
      });
    }
    return errors;
  };

  return {
    validateFormData(
      formData: unknown,
      _schema: RJSFSchema,
      customValidate?: CustomValidator<unknown, RJSFSchema>,
      transformErrors?: ErrorTransformer<unknown, RJSFSchema>,
      uiSchema?: UiSchema<unknown, RJSFSchema>,
    ): ValidationData<unknown> {
      let errors: RJSFValidationError[] = toRjsfErrors(formData);
      if (transformErrors) errors = transformErrors(errors, uiSchema);
      let result: ValidationData<unknown> = { errors, errorSchema: errorSchemaFrom(errors) as ErrorSchema<unknown> };
      if (customValidate) {
        const handler = customValidate(formData, createErrorHandler(formData), uiSchema, result.errorSchema);
        result = validationDataMerge(result, unwrapErrorHandler(handler));
      }
      return result;
    },

    isValid(schema: RJSFSchema, formData: unknown, _rootSchema: RJSFSchema): boolean {
      if ((schema as { $id?: string }).$id === JUNK_OPTION_ID) return false;
      if (schema === root || schema === view) return run(formData).length === 0;
      return matchesSubschema(schema, formData, root);
    },

    rawValidation<Result = unknown>(_schema: RJSFSchema, formData?: unknown) {
      return { errors: run(formData) as Result[] };
    },
  };
}
