import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { bundleSchema } from "../registry/bundleSchema.ts";
import type { JsonSchema, Template, TemplateAnnotations, UiSchema } from "../registry/types.ts";
import { generateEvidenceMatrix } from "../qualification/generateEvidenceMatrix.ts";
import { generateResultSheet, type GeneratedTemplate } from "../qualification/generateResultSheet.ts";
import type { Qualification } from "../qualification/types.ts";
import { checkQualification } from "./checkQualification.ts";

/** What a `schemas/` folder holds, loaded and bundled. */
export interface SchemaSources {
  templates: Template[];
  qualifications: Qualification[];
  /** Where each template came from, relative to the schemas folder (generated ones say so). */
  origins: Map<Template, string>;
}

/**
 * Loads every template and qualification of a `schemas/` folder: bundles each template with the
 * shared definitions it refers to, reads its UI hints, and generates the result sheets and evidence
 * matrices from the qualification data. Every qualification.json is checked against the meta-schema
 * and its units' declared checks are compiled, so a fault fails the build naming the file and path.
 *
 * @param schemasDir - the folder that holds `common/` and one folder per scheme
 * @returns the templates (authored and generated) and the qualifications
 */
export function loadTemplates(schemasDir: string): SchemaSources {
  const virtual = new Map<string, JsonSchema>();
  const read = (path: string): JsonSchema => virtual.get(path) ?? (JSON.parse(readFileSync(join(schemasDir, path), "utf8")) as JsonSchema);
  const templates: Template[] = [];
  const qualifications: Qualification[] = [];
  const origins = new Map<Template, string>();
  const qualificationFiles = new Map<Qualification, string>();

  for (const scheme of readdirSync(schemasDir, { withFileTypes: true })) {
    if (!scheme.isDirectory() || scheme.name === "common") continue;
    const schemeDir = join(schemasDir, scheme.name);
    const qualificationPath = join(schemeDir, "qualification.json");
    if (existsSync(qualificationPath)) {
      const qualification = JSON.parse(readFileSync(qualificationPath, "utf8")) as Qualification;
      if (qualification.id !== scheme.name) throw new Error(`${qualificationPath}: id "${qualification.id}" must be the folder name "${scheme.name}"`);
      qualifications.push(qualification);
      qualificationFiles.set(qualification, relative(schemasDir, qualificationPath).split(sep).join("/"));
      for (const unit of qualification.units) {
        const generated = [generateResultSheet(qualification, unit), generateEvidenceMatrix(qualification, unit)];
        for (const g of generated.filter((x): x is GeneratedTemplate => x !== undefined)) {
          const path = `${scheme.name}/templates/${g.name}@${unit.version}.schema.json`;
          virtual.set(path, g.schema);
          const template = toTemplate(scheme.name, g.name, bundleSchema(path, read), g.ui);
          templates.push(template);
          origins.set(template, `generated from ${scheme.name}/qualification.json, unit ${unit.id} version ${unit.version}`);
        }
      }
    }
    const templatesDir = join(schemeDir, "templates");
    if (!existsSync(templatesDir)) continue;
    for (const file of readdirSync(templatesDir).sort()) {
      if (!file.endsWith(".schema.json")) continue;
      const name = file.replace(/(@[^@]+)?\.schema\.json$/, "");
      const path = relative(schemasDir, join(templatesDir, file)).split(sep).join("/");
      const uiPath = join(templatesDir, file.replace(/\.schema\.json$/, ".ui.json"));
      const ui = existsSync(uiPath) ? (JSON.parse(readFileSync(uiPath, "utf8")) as UiSchema) : {};
      const template = toTemplate(scheme.name, name, bundleSchema(path, read), ui);
      templates.push(template);
      origins.set(template, path);
    }
  }
  // Rules name templates of their own folder, so they are checked once every template is loaded.
  for (const [qualification, file] of qualificationFiles) checkQualification(qualification, file, schemasDir, templates);
  return { templates, qualifications, origins };
}

function toTemplate(scheme: string, name: string, schema: JsonSchema, ui: UiSchema): Template {
  const annotations = (schema["x-ilm"] ?? {}) as TemplateAnnotations;
  if (typeof annotations.version !== "string") throw new Error(`${scheme}/${name}: x-ilm.version is missing`);
  return { id: `${scheme}/${name}`, version: annotations.version, title: String(schema.title ?? name), schema, ui, annotations };
}
