import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { registry, validate } from "@ilm-forms/core";
import type { RJSFSchema } from "@rjsf/utils";
import { describe, expect, it } from "vitest";
import { createIlmValidator, type IlmValidationError } from "./createIlmValidator.ts";

const schemasDir = join(import.meta.dirname, "../../../../schemas");
const exampleFiles = readdirSync(schemasDir).flatMap((qualification) => {
  try {
    return readdirSync(join(schemasDir, qualification, "examples")).map((file) => ({ id: `${qualification}/${file.replace(/\.json$/, "")}`, path: join(schemasDir, qualification, "examples", file) }));
  } catch {
    return [];
  }
});

describe("createIlmValidator()", () => {
  it("finds an example file for most templates", () => {
    expect(exampleFiles.length).toBeGreaterThanOrEqual(18);
  });

  for (const { id, path } of exampleFiles) {
    const examples = JSON.parse(readFileSync(path, "utf8")) as { valid: unknown[]; invalid: { path: string; keyword: string; document: unknown }[] };
    const entry = registry.entry(id);
    it(`${id}: valid examples have no errors, invalid ones the error core reports`, () => {
      expect(entry).toBeDefined();
      const validator = createIlmValidator(entry!);
      const schema = entry!.template.schema as RJSFSchema;
      for (const document of examples.valid) expect(validator.validateFormData(document, schema).errors).toEqual([]);
      for (const invalid of examples.invalid) {
        const { errors, errorSchema } = validator.validateFormData(invalid.document, schema);
        const core = validate(id, invalid.document);
        expect(core.valid).toBe(false);
        expect(errors.map((error) => error.message)).toEqual(core.errors.map((error) => error.message));
        const paths = (errors as IlmValidationError[]).map((error) => error.fieldError.path);
        expect(paths).toContain(invalid.path);
        // The error tree holds the message at the field's own place.
        let node: unknown = errorSchema;
        for (const segment of invalid.path.split("/").slice(1)) node = (node as Record<string, unknown> | undefined)?.[segment];
        expect((node as { __errors?: string[] } | undefined)?.__errors?.length).toBeGreaterThan(0);
      }
    });
  }

  it("uses the precompiled validator for the root schema in isValid()", () => {
    const entry = registry.entry("ilm-8588/session-record")!;
    const validator = createIlmValidator(entry);
    const root = entry.template.schema as RJSFSchema;
    expect(validator.isValid(root, { clientRef: "Client 1" }, root)).toBe(false);
    expect(validator.isValid(root, { clientRef: "Client 1", sessionNo: 1, sessionDate: "2026-03-10", duration: 60 }, root)).toBe(true);
  });

  it("returns false for RJSF's junk option and matches branch schemas on their discriminating keywords", () => {
    const entry = registry.entry("ilm-8588/session-record")!;
    const validator = createIlmValidator(entry);
    const root = entry.template.schema as RJSFSchema;
    expect(validator.isValid({ $id: "_$junk_option_schema_id$_" }, {}, root)).toBe(false);
    const branch: RJSFSchema = { type: "object", required: ["kind"], properties: { kind: { const: "a" } } };
    expect(validator.isValid(branch, { kind: "a" }, root)).toBe(true);
    expect(validator.isValid(branch, { kind: "b" }, root)).toBe(false);
    expect(validator.isValid(branch, {}, root)).toBe(false);
  });

  it("applies transformErrors and customValidate as RJSF's own validators do", () => {
    const entry = registry.entry("ilm-8588/session-record")!;
    const validator = createIlmValidator(entry);
    const root = entry.template.schema as RJSFSchema;
    const result = validator.validateFormData(
      { clientRef: "Client 1", sessionNo: 1, sessionDate: "2026-03-10", duration: 60 },
      root,
      (_data, errors) => {
        (errors as unknown as Record<string, { addError(message: string): void }>).clientRef?.addError("Write the goal");
        return errors;
      },
    );
    expect(result.errors.map((error) => error.message)).toContain("Write the goal");
    expect((result.errorSchema as Record<string, { __errors?: string[] }>).clientRef?.__errors).toContain("Write the goal");
    const transformed = validator.validateFormData({}, root, undefined, (errors) => errors.slice(0, 1));
    expect(transformed.errors).toHaveLength(1);
  });
});

describe("the templates", () => {
  it("use no oneOf, anyOf, if or dependencies, so RJSF never needs a sub-schema validator", () => {
    for (const template of registry.listAllVersions()) {
      expect(JSON.stringify(template.schema), template.id).not.toMatch(/"(oneOf|anyOf|if|dependencies|dependentSchemas)":/);
    }
  });
});
