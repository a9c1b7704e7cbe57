// Node-only entry: reading schemas from disk and compiling validators at run time.
export { loadTemplates } from "./node/loadTemplates.ts";
export type { SchemaSources } from "./node/loadTemplates.ts";
export { compileTemplate } from "./compile/compileTemplate.ts";
export { createAjv } from "./compile/createAjv.ts";
export { lintSchemas } from "./node/lintSchemas.ts";
export type { LintReport } from "./node/lintSchemas.ts";
export { scaffoldTemplate, scaffoldUnit } from "./node/scaffold.ts";
export type { ScaffoldResult } from "./node/scaffold.ts";
