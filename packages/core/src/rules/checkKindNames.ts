import { checkKinds, type CheckKindName } from "./checks/index.ts";

/** The names of the check vocabulary, in the order `docs/schema-authoring.md` lists them. */
export const CHECK_KINDS = Object.keys(checkKinds) as CheckKindName[];
