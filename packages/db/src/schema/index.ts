export * from "./centres.ts";
export * from "./people.ts";
export * from "./learners.ts";
export * from "./documents.ts";
export * from "./assessment.ts";
export * from "./auth.ts";
export * from "./audit.ts";
export * from "./attachments.ts";
