import { _ } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/**
 * The one ajv configuration every template is validated with, at build time and at run time:
 * draft 2020-12, strict mode, all errors reported (a form shows every problem at once), formats
 * checked (a date must exist), and the `x-ilm` annotation keyword registered so strict mode stays on.
 *
 * @param options - `standalone: true` when the validators will be emitted as code
 * @returns a configured ajv instance
 */
export function createAjv(options: { standalone?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    code: options.standalone
      ? { source: true, esm: true, formats: _`require("ajv-formats/dist/formats").fullFormats` }
      : undefined,
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: "x-ilm", schemaType: "object" });
  return ajv;
}
