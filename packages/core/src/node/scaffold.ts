import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** What a scaffold wrote, relative to the schemas folder. */
export interface ScaffoldResult {
  written: string[];
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function writeNew(schemasDir: string, path: string, text: string): void {
  const file = join(schemasDir, path);
  if (existsSync(file)) throw new Error(`${path} exists already; choose another name`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * Writes the three files of a new template as `docs/schema-authoring.md` describes them — the schema
 * (identity fields and one answer, every rule the tests check kept), its UI hints and its examples (one
 * valid, two invalid) — so that `ilm-forms lint` passes at once. The author then replaces the titles
 * with the paper form's labels and adds its fields.
 *
 * @param schemasDir - the schemas folder
 * @param id - `<scheme>/<name>`, in lower case with hyphens
 * @returns the files written
 * @throws Error when the id is not of that shape or a file exists already
 */
export function scaffoldTemplate(schemasDir: string, id: string): ScaffoldResult {
  const [scheme, name, ...rest] = id.split("/");
  if (!scheme || !name || rest.length > 0 || !NAME.test(scheme) || !NAME.test(name)) throw new Error(`"${id}" is not <scheme>/<name> in lower case with hyphens, e.g. acme-awards/team-log`);
  const schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: name.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()),
    type: "object",
    "x-ilm": {
      version: "1.0.0",
      source: "Where in the source documents the form is printed (document, version, appendix)",
      criteria: [],
      perClient: false,
      writers: ["learner", "centre_admin"],
    },
    additionalProperties: false,
    required: ["learnerName", "date"],
    properties: {
      learnerName: { $ref: "../../common/person-name.schema.json", title: "Name of learner" },
      date: { $ref: "../../common/date.schema.json", title: "Date" },
      answer: { $ref: "../../common/long-text.schema.json", title: "Answer" },
    },
  };
  const ui = { "ui:order": ["learnerName", "date", "answer"], answer: { "ui:widget": "textarea" } };
  const valid = { learnerName: "Alex Morgan", date: "2027-01-15", answer: "A complete, realistic answer." };
  const examples = {
    valid: [valid],
    invalid: [
      { why: "no date", path: "/date", keyword: "required", document: { learnerName: valid.learnerName, answer: valid.answer } },
      { why: "a date that does not exist", path: "/date", keyword: "format", document: { ...valid, date: "2027-02-30" } },
    ],
  };
  const written = [`${scheme}/templates/${name}.schema.json`, `${scheme}/templates/${name}.ui.json`, `${scheme}/examples/${name}.json`];
  for (const path of written) if (existsSync(join(schemasDir, path))) throw new Error(`${path} exists already; choose another name`);
  writeNew(schemasDir, written[0]!, json(schema));
  writeNew(schemasDir, written[1]!, json(ui));
  writeNew(schemasDir, written[2]!, json(examples));
  return { written };
}

/**
 * Adds a unit to a scheme's qualification.json (made, with its required keys, when the scheme has none):
 * one learning outcome with one criterion declared `forTheAssessor`, so that `ilm-forms lint` passes at
 * once. The author then writes the unit's outcomes, criteria and checks from the source document.
 *
 * @param schemasDir - the schemas folder
 * @param scheme - the scheme's folder name
 * @param unitId - the new unit's id (e.g. `701`)
 * @returns the file written
 * @throws Error when a name is not lower case with hyphens or the unit exists already
 */
export function scaffoldUnit(schemasDir: string, scheme: string, unitId: string): ScaffoldResult {
  if (!NAME.test(scheme)) throw new Error(`"${scheme}" is not a scheme folder name in lower case with hyphens`);
  if (!NAME.test(unitId)) throw new Error(`"${unitId}" is not a unit id in lower case with hyphens, e.g. 701`);
  const path = `${scheme}/qualification.json`;
  const file = join(schemasDir, path);
  const qualification = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as { units: Array<{ id: string }> })
    : { $schema: "../qualification.schema.json", id: scheme, title: "Title of the qualification", scheme: "pass-referral", units: [] as Array<{ id: string }> };
  if (qualification.units.some((unit) => unit.id === unitId)) {
    throw new Error(`${path} has a unit ${unitId} already; to change it, add a version of it (docs/schema-authoring.md, section 6)`);
  }
  qualification.units.push({
    id: unitId,
    version: "1.0",
    current: true,
    title: "Title of the unit",
    learningOutcomes: [
      {
        number: "1",
        title: "What the learner will do",
        criteria: [{ id: "1.1", text: "The assessment criterion as the source words it", checks: [{ kind: "forTheAssessor" }] }],
      },
    ],
  } as { id: string });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, json(qualification));
  return { written: [path] };
}
