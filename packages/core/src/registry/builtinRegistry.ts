import { entries, qualifications } from "../../generated/registry.js";
import { createRegistry } from "./createRegistry.ts";

/**
 * The templates and qualifications built into the package, for the functions that default to them
 * (`checkPortfolio`, `findNamedPeople`, the demo generator). Bundlers drop it when unused.
 */
export const builtinRegistry = createRegistry(entries, qualifications);
