import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's `schemas/` folder. */
export const schemasDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../schemas");
