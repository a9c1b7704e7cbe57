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
  RegistryEntry,
  Template,
  TemplateAnnotations,
  UiSchema,
} from "./registry/types.ts";
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
export type { PortfolioDocument, UnitRegistration } from "./portfolio/types.ts";
export type { Criterion, Descriptors, LearningOutcome, Qualification, Route, Thresholds, Unit } from "./qualification/types.ts";
