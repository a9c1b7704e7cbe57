import { registry } from "@ilm-forms/core";
import Form from "@rjsf/core/lib/components/Form.js";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ilmTheme } from "../theme/ilmTheme.ts";
import { createIlmValidator } from "../validator/createIlmValidator.ts";
import { loadWordCounting } from "../wordCount/lazyWordCount.tsx";
import { formSchemaOf } from "./formSchema.ts";

/** One form as RJSF renders it with our theme, from the schema given. */
function markup(entry: { id: string; version: string; ui?: unknown }, schema: object): string {
  const full = registry.entry(entry.id, entry.version)!;
  const html = renderToStaticMarkup(
    <Form
      schema={schema as RJSFSchema}
      uiSchema={entry.ui as UiSchema}
      formData={{}}
      validator={createIlmValidator(full)}
      templates={ilmTheme.templates}
      widgets={ilmTheme.widgets}
      fields={ilmTheme.fields}
      formContext={{ warningsById: new Map(), idPrefix: "root", submitCount: 0 }}
      noHtml5Validate
      showErrorList="top"
    />,
  );
  expect(html).toContain("<form");
  return html;
}

describe("formSchemaOf: the schema RJSF renders from, its local $refs resolved once", () => {
  beforeAll(async () => {
    await loadWordCounting();
  });

  for (const template of registry.listAllVersions()) {
    it(`${template.id}@${template.version}: no $ref, $defs or $schema left, and the same form as from the template's own schema`, () => {
      const view = formSchemaOf(template.schema);
      expect(view).not.toBe(template.schema);
      const text = JSON.stringify(view);
      expect(text).not.toContain('"$ref"');
      expect(view).not.toHaveProperty("$defs");
      expect(view).not.toHaveProperty("$schema");
      expect(markup(template, view)).toBe(markup(template, template.schema));
    });
  }

  it("gives the same view each time for one schema (resolved once per template)", () => {
    const schema = registry.entry("ilm-8588/session-record")!.template.schema;
    expect(formSchemaOf(schema)).toBe(formSchemaOf(schema));
  });

  it("puts the referring schema's own keywords over the referenced one's, as RJSF does, and resolves nested references", () => {
    const schema = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      properties: { a: { $ref: "#/$defs/text", title: "Own title" }, b: { type: "array", items: { $ref: "#/$defs/pair" } } },
      $defs: { text: { type: "string", title: "Text", maxLength: 5 }, pair: { type: "object", properties: { x: { $ref: "#/$defs/text" } } } },
    };
    expect(formSchemaOf(schema)).toEqual({
      type: "object",
      properties: { a: { type: "string", title: "Own title", maxLength: 5 }, b: { type: "array", items: { type: "object", properties: { x: { type: "string", title: "Text", maxLength: 5 } } } } },
    });
  });

  it("leaves data alone: a $ref inside const, enum, default or an x- annotation is not a reference", () => {
    const schema = { type: "object", properties: { a: { const: { $ref: "#/nowhere" }, default: { $ref: "#/nowhere" }, "x-ilm": { $ref: "#/nowhere" } } } };
    expect(formSchemaOf(schema)).toEqual(schema);
  });

  it("keeps the schema itself (RJSF resolves as before) for an $id, a remote or unknown reference, a circle, or a reference to a reference", () => {
    const cases = [
      { $id: "https://example.org/s", type: "object", properties: { a: { $ref: "#/$defs/t" } }, $defs: { t: { type: "string" } } },
      { type: "object", properties: { a: { $ref: "other.json#/t" } } },
      { type: "object", properties: { a: { $ref: "#/$defs/missing" } }, $defs: {} },
      { type: "object", properties: { a: { $ref: "#/$defs/node" } }, $defs: { node: { type: "object", properties: { next: { $ref: "#/$defs/node" } } } } },
      { type: "object", properties: { a: { $ref: "#/$defs/alias" } }, $defs: { alias: { $ref: "#/$defs/t" }, t: { type: "string" } } },
    ];
    for (const schema of cases) expect(formSchemaOf(schema)).toBe(schema);
  });
});
