// The engine without data: for hosts that bring their own templates (one precompiled template
// module, or schemas compiled at run time) and want nothing else in their bundle.
export { createRegistry } from "./registry/createRegistry.ts";
export type { Registry } from "./registry/createRegistry.ts";
export { bundleSchema } from "./registry/bundleSchema.ts";
export type { SchemaReader } from "./registry/bundleSchema.ts";
export type {
  AjvError,
  CompiledValidator,
  FieldAnnotations,
  FieldRole,
  JsonSchema,
  PortfolioPartAnnotation,
  RegistryEntry,
  Template,
  TemplateAnnotations,
  UpgradeDeclaration,
  UiSchema,
  WriterRole,
} from "./registry/types.ts";
export { mayWrite, WRITER_ROLES } from "./registry/mayWrite.ts";
export { createValidate } from "./validation/createValidate.ts";
export { describeError } from "./validation/describeError.ts";
export { fieldSchemaAt } from "./validation/fieldSchemaAt.ts";
export type { FieldSchema } from "./validation/fieldSchemaAt.ts";
export { parseDocument } from "./validation/parseDocument.ts";
export type { ParseLimits, ParseResult } from "./validation/parseDocument.ts";
export type { FieldError, ValidateOptions, ValidationResult } from "./validation/types.ts";
export { findUnit, unitCriteria } from "./qualification/findUnit.ts";
export { generateResultSheet } from "./qualification/generateResultSheet.ts";
export type { GeneratedTemplate } from "./qualification/generateResultSheet.ts";
export { generateEvidenceMatrix } from "./qualification/generateEvidenceMatrix.ts";
export { authenticityDeclarationTemplate, unitChoices } from "./qualification/unitChoices.ts";
export type { UnitChoice } from "./qualification/unitChoices.ts";
export type { PortfolioDocument, SignerSignatureState, UnitRegistration } from "./portfolio/types.ts";
export { ATTACHMENT_KINDS, attachmentKindOf, attachmentRefusal, attachmentRule, kindsPhrase } from "./attachments/attachmentRule.ts";
export type { AttachmentKind, AttachmentRule } from "./attachments/attachmentRule.ts";
export type { CheckDeclaration, Criterion, Descriptors, LearningOutcome, Qualification, Route, SessionSources, Thresholds, Unit } from "./qualification/types.ts";
export { countWords } from "./wordCount/countWords.ts";
export { wordCounts } from "./wordCount/wordCounts.ts";
export type { WordCount } from "./wordCount/wordCounts.ts";
export { withWordCounts } from "./wordCount/withWordCounts.ts";
export { criteriaEvidenced } from "./evidence/criteriaEvidenced.ts";
export { evidenceByCriterion } from "./evidence/evidenceByCriterion.ts";
export type { EvidenceSource } from "./evidence/evidenceByCriterion.ts";
export { checkPortfolio, createPortfolioChecker } from "./rules/checkPortfolio.ts";
export { templatesReadBy } from "./rules/templatesReadBy.ts";
export type { CheckPortfolioOptions, PortfolioChecker } from "./rules/checkPortfolio.ts";
export type { CheckResult, Finding, FindingStatus, HoursDisagreement, InvalidDocument, Pointer, PortfolioCheck, PortfolioSummary } from "./rules/types.ts";
export { compileUnitRules, RulesError } from "./rules/compileRules.ts";
export type { CriterionRules, UnitRules } from "./rules/compileRules.ts";
export { CHECK_KINDS } from "./rules/checkKindNames.ts";
export type { Check, CheckKind, CompileContext } from "./rules/checks/context.ts";
// The findings' own wording of hours, for pages that show the same totals beside them.
export { count, hoursPhrase, hoursShortOf } from "./rules/checks/context.ts";
export type { CheckKindName } from "./rules/checks/index.ts";
export { fieldsByRole, valuesByRole } from "./roles/fieldsByRole.ts";
export { upgradeDocument, UNIT_CONVERSIONS } from "./upgrade/upgradeDocument.ts";
export type { UpgradeResult } from "./upgrade/upgradeDocument.ts";
export type { RoleField, RoleValue } from "./roles/fieldsByRole.ts";
export { unitOutcome } from "./results/unitOutcome.ts";
export type { CriterionDecision, UnitOutcome } from "./results/unitOutcome.ts";
export { qualificationOutcome } from "./results/qualificationOutcome.ts";
export type { QualificationOutcome } from "./results/qualificationOutcome.ts";
export { totalMarks } from "./results/totalMarks.ts";
export type { MarksTotal } from "./results/totalMarks.ts";
export { markedOutcome } from "./results/markedOutcome.ts";
export type { MarkedOutcome } from "./results/markedOutcome.ts";
export { DECISION_TRANSITIONS, allowedActions, provisionalDecision, transitionDecision } from "./results/decisionState.ts";
export type { Decision, DecisionAction, DecisionEvent, DecisionRole, DecisionState } from "./results/decisionState.ts";
export { findNamedPeople, namesIn, namesUsedIn } from "./confidentiality/findNamedPeople.ts";
export type { FindNamedPeopleOptions, NamedPersonWarning } from "./confidentiality/findNamedPeople.ts";
export { findNamedPeopleIn, namesUsedInKnown } from "./confidentiality/scanNames.ts";
export type { DocumentWithTemplate } from "./confidentiality/scanNames.ts";
export { generateDemoPortfolio } from "./demo/generateDemoPortfolio.ts";
export type { DemoOptions, DemoPortfolio } from "./demo/generateDemoPortfolio.ts";
export { DEMO_CENTRE, withAssessment } from "./demo/assessmentDocuments.ts";
export type { AssessablePortfolio, AssessmentOptions } from "./demo/assessmentDocuments.ts";
export { DEMO_PROFILES } from "./demo/profiles.ts";
export type { DemoProfile } from "./demo/profiles.ts";
