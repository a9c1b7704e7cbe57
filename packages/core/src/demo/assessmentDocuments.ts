import { criteriaEvidenced } from "../evidence/criteriaEvidenced.ts";
import { unitCriteria } from "../qualification/findUnit.ts";
import type { Qualification, Unit } from "../qualification/types.ts";
import { authenticityDeclarationTemplate } from "../qualification/unitChoices.ts";
import type { PortfolioDocument, UnitRegistration } from "../portfolio/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import type { JsonSchema, Template } from "../registry/types.ts";
import { valuesByRole } from "../roles/fieldsByRole.ts";
import { addDays } from "./dates.ts";
import { DEMO_ASSESSOR } from "./evidenceStatements.ts";
import { fillFromSchema, type DemoPerson } from "./fillFromSchema.ts";

/** The demo centre and its internal quality assurer (fixed: no draw on the seeded generator). */
export const DEMO_CENTRE = { name: "Northfield Training Centre", number: "123456", iqa: "Sam Okafor" };

/** What `withAssessment` needs of a portfolio. */
export interface AssessablePortfolio {
  learner: { name: string; registrationNo: string };
  registration: UnitRegistration[];
  documents: PortfolioDocument[];
}

export interface AssessmentOptions {
  /** The date the learner completes the portfolio; 28 days after its last session when omitted. */
  date?: string;
}

/**
 * A demo portfolio with its assessment added: for every registered unit an authenticity declaration,
 * an introduction to its evidence where the portfolio has none and a template introduces that unit,
 * the unit's own templates the portfolio lacks (an assignment), the unit's evidence matrix (filled
 * with references to the documents that evidence each criterion) and its marked result sheet, and a
 * professional discussion of the last registered unit. Every template is found through the registry
 * and the qualification data (the qualification's declaration template, `generatedFrom` of the
 * matrices and result sheets, a template's criteria, writers and `criteriaFrom`) and filled from its
 * schema; no template id or unit is named. Nothing is drawn at random and the documents already there
 * are left as they are, so the rest of the portfolio stays byte-identical.
 *
 * @param portfolio - the learner, their registrations and documents
 * @param registry - where the templates and the qualification data are found
 * @param options - the date of completion (otherwise from the portfolio's own session dates)
 * @returns the same portfolio with the assessment documents after its own
 */
export function withAssessment<P extends AssessablePortfolio>(portfolio: P, registry: Registry, options: AssessmentOptions = {}): P {
  return { ...portfolio, documents: [...portfolio.documents, ...assessmentDocuments(portfolio, registry, options)] };
}

function assessmentDocuments(portfolio: AssessablePortfolio, registry: Registry, options: AssessmentOptions): PortfolioDocument[] {
  const { learner, registration } = portfolio;
  const completed = options.date ?? completionDate(portfolio.documents, registry);
  const people = {
    learner: { name: learner.name, signsAs: "Learner" },
    assessor: { name: DEMO_ASSESSOR, signsAs: "Assessor", signsOn: addDays(completed, 14) },
    qa: { name: DEMO_CENTRE.iqa, signsAs: "Internal Quality Assurer", signsOn: addDays(completed, 21) },
  };
  const units = registration.map((r) => {
    const qualification = registry.qualification(r.qualification);
    const unit = qualification && registry.unit(r.qualification, r.unit, r.version);
    if (!qualification || !unit) throw new Error(`There is no unit ${r.unit} of ${r.qualification} to assess`);
    return { qualification, unit };
  });
  const documents = [...portfolio.documents];
  const added: PortfolioDocument[] = [];
  const add = (template: Template, id: string, data: Record<string, unknown>) => {
    const document: PortfolioDocument = { id, template: template.id, ...(registry.get(template.id) === template ? {} : { version: template.version }), data };
    documents.push(document);
    added.push(document);
  };
  const fill = (template: Template, writer: DemoPerson, extra: { unit?: string; criteriaRows?: string[][]; known?: Record<string, unknown> }) =>
    fillFromSchema(template.schema, {
      person: (key) => (key.startsWith("assessor") ? people.assessor : key.startsWith("qa") ? people.qa : key.startsWith("learner") ? people.learner : writer),
      date: writer === people.learner ? completed : (writer.signsOn ?? completed),
      unit: extra.unit,
      criteriaRows: extra.criteriaRows,
      known: (key) => ({ registrationNo: learner.registrationNo, learnerRegistrationNo: learner.registrationNo, centreName: DEMO_CENTRE.name, centreNumber: DEMO_CENTRE.number, ...extra.known })[key],
      text: demoText,
    });

  for (const { qualification, unit } of units) {
    const declaration = authenticityDeclarationTemplate(qualification);
    const template = declaration === undefined ? undefined : registry.get(declaration);
    if (template) add(template, `${nameOf(template)}-${unit.id}`, fill(template, people.learner, { unit: unit.id }));
  }
  for (const { qualification, unit } of units) {
    for (const template of introductions(registry, qualification, unit)) {
      if (!documents.some((d) => d.template === template.id && unitOf(template, d) === unit.id)) add(template, `${nameOf(template)}-${unit.id}`, fill(template, people.learner, { unit: unit.id }));
    }
    for (const template of ownTemplates(registry, qualification, unit)) {
      if (!documents.some((d) => d.template === template.id)) add(template, nameOf(template), fill(template, people.learner, { unit: unit.id }));
    }
  }
  const discussed = units[units.length - 1];
  if (discussed) {
    for (const template of registry.list().filter((t) => inQualification(t, discussed.qualification) && t.annotations.criteriaFrom === "document")) {
      const criteriaRows = discussed.unit.learningOutcomes.map((lo) => lo.criteria.map((c) => `${discussed.unit.id}:${c.id}`));
      add(template, `${nameOf(template)}-${discussed.unit.id}`, fill(template, people.assessor, { unit: discussed.unit.id, criteriaRows }));
    }
  }
  for (const { qualification, unit } of units) {
    const matrix = generated(registry, qualification, unit, "evidence-matrix");
    if (matrix) add(matrix, nameOf(matrix), fill(matrix, people.learner, { known: { sections: evidenceSections(matrix.schema, documents, registry) } }));
  }
  for (const { qualification, unit } of units) {
    const sheet = generated(registry, qualification, unit, "result-sheet");
    if (sheet) add(sheet, nameOf(sheet), fill(sheet, people.assessor, { known: marksOf(qualification, unit) }));
  }
  return added;
}

/** The template's name within its qualification's folder (its id after the folder). */
const nameOf = (template: Template): string => template.id.slice(template.id.indexOf("/") + 1);

const inQualification = (template: Template, qualification: Qualification): boolean => template.id.startsWith(`${qualification.id}/`);

/** The templates a learner writes that evidence this unit alone (an assignment), generated ones aside. */
function ownTemplates(registry: Registry, qualification: Qualification, unit: Unit): Template[] {
  return registry.list().filter((t) => {
    const criteria = t.annotations.criteria ?? [];
    return inQualification(t, qualification) && !t.annotations.generatedFrom && t.annotations.writers?.includes("learner") && criteria.length > 0 && criteria.every((c) => c.startsWith(`${unit.id}:`));
  });
}

/** The templates that introduce a unit's evidence (`x-ilm.portfolioPart` `introduction`) and can speak to this unit. */
function introductions(registry: Registry, qualification: Qualification, unit: Unit): Template[] {
  return registry.list().filter((t) => inQualification(t, qualification) && t.annotations.portfolioPart === "introduction" && (t.annotations.criteria ?? []).some((c) => c.startsWith(`${unit.id}:`)));
}

/** The unit a document says it is for (its `unit-ref` field). */
const unitOf = (template: Template, document: PortfolioDocument): unknown => valuesByRole(template, document.data, "unit-ref")[0]?.value;

/** The unit version's generated evidence matrix or result sheet, if it has one. */
function generated(registry: Registry, qualification: Qualification, unit: Unit, kind: "evidence-matrix" | "result-sheet"): Template | undefined {
  return registry.listAllVersions().find((t) => {
    const from = t.annotations.generatedFrom;
    return from?.qualification === qualification.id && from.unit === unit.id && from.unitVersion === unit.version && from.kind === kind;
  });
}

/** A marks unit's sheet: the total of the full marks it is given, and that total as its outcome where no pass mark is declared. */
function marksOf(qualification: Qualification, unit: Unit): Record<string, unknown> {
  if (qualification.scheme !== "marks") return {};
  const total = unitCriteria(unit).reduce((sum, c) => sum + (c.maxMarks ?? 0), 0);
  const words = `${total} out of ${unit.totalMarks ?? total}`;
  return { totalMarks: total, assessorDecision: words, unitOutcome: words };
}

/** The matrix's sections: under each criterion (`x-ilm.criterion`), the documents that evidence it (as many as the matrix takes). */
function evidenceSections(schema: JsonSchema, documents: PortfolioDocument[], registry: Registry): Record<string, Record<string, unknown>> {
  const sections: Record<string, Record<string, unknown>> = {};
  const properties = (node: unknown): Record<string, JsonSchema> => ((node as JsonSchema | undefined)?.properties ?? {}) as Record<string, JsonSchema>;
  for (const [number, section] of Object.entries(properties(properties(schema).sections))) {
    sections[number] = {};
    for (const [id, criterion] of Object.entries(properties(section))) {
      const key = (criterion["x-ilm"] as { criterion?: string } | undefined)?.criterion;
      sections[number][id] = documents
        .flatMap((document) => {
          const template = registry.get(document.template, document.version);
          return template && key !== undefined && criteriaEvidenced(template, document.data).includes(key) ? [{ title: evidenceTitle(template, document), reference: document.id }] : [];
        })
        .slice(0, typeof criterion.maxItems === "number" ? criterion.maxItems : undefined);
    }
  }
  return sections;
}

/** The template's title with the client and session it is about, where it says. */
function evidenceTitle(template: Template, document: PortfolioDocument): string {
  const detail = [
    ...valuesByRole(template, document.data, "client-ref").slice(0, 1).map((v) => String(v.value)),
    ...valuesByRole(template, document.data, "session-no").slice(0, 1).map((v) => `session ${String(v.value)}`),
  ];
  return detail.length > 0 ? `${template.title} (${detail.join(", ")})` : template.title;
}

/** 28 days after the portfolio's last session (a date of the role `session-date`). */
function completionDate(documents: PortfolioDocument[], registry: Registry): string {
  let last: string | undefined;
  for (const document of documents) {
    const template = registry.get(document.template, document.version);
    if (!template) continue;
    for (const { value } of valuesByRole(template, document.data, "session-date")) if (typeof value === "string" && (last === undefined || value > last)) last = value;
  }
  if (last === undefined) throw new Error("The portfolio has no session date to date its assessment from: give options.date");
  return addDays(last, 28);
}

/** Demo wording for a free-text field, by its key and where it is. */
function demoText(key: string, path: readonly string[]): string | undefined {
  const criterion = path[path.length - 2];
  switch (key) {
    case "feedback":
      return `AC ${String(criterion)}: the evidence is sufficient, correct and appropriate; see the references in the evidence matrix.`;
    case "comments":
      return `Learning outcome ${String(path[1])}: see the feedback on each criterion.`;
    case "qaComments":
      return undefined;
    case "references":
      return "Whitmore, J. (2017) Coaching for Performance. 5th edn. London: Nicholas Brealey.";
    case "recording":
      return "Recording of the professional discussion, kept on the centre's evidence drive.";
    case "summary":
      return "The learner explained how their evidence meets these criteria and answered the assessor's questions about it.";
    default:
      return "A demo answer: in a real portfolio the learner writes this part in their own words, referenced where the task asks.";
  }
}
