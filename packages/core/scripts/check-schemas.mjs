// Quick check used while authoring schemas: compiles every template in ajv strict mode
// (draft 2020-12, formats, the x-ilm annotation) and runs its examples.
// Usage: node packages/core/scripts/check-schemas.mjs [name-filter]
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, resolve, dirname, basename } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../../schemas");
const filter = process.argv[2] ?? "";
const ajv = new Ajv2020({ strict: true, allErrors: true, loadSchema: undefined });
addFormats(ajv);
ajv.addKeyword({ keyword: "x-ilm", schemaType: "object" });
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]);
for (const f of walk(root).filter((f) => f.endsWith(".schema.json"))) {
  const s = JSON.parse(readFileSync(f, "utf8"));
  ajv.addSchema({ ...s, $id: pathToFileURL(f).href });
}
let bad = 0, ok = 0;
for (const f of walk(root).filter((f) => f.includes("/templates/") && f.endsWith(".schema.json") && f.includes(filter))) {
  let validate;
  try { validate = ajv.getSchema(pathToFileURL(f).href); } catch (e) { console.log("COMPILE FAIL", f, e.message); bad++; continue; }
  const walkProps = (s, p) => { if (!s || typeof s !== "object") return; for (const [k, v] of Object.entries(s.properties ?? {})) { if (!v.title) { console.log("NO TITLE", f, p + "/" + k); bad++; } walkProps(v, p + "/" + k); } if (s.items) walkProps(s.items, p + "/items"); };
  walkProps(s = JSON.parse(readFileSync(f, "utf8")), "");
  var s;
  const ex = join(dirname(dirname(f)), "examples", basename(f).replace(".schema.json", ".json"));
  if (!existsSync(ex)) { console.log("NO EXAMPLES", ex); bad++; continue; }
  const { valid = [], invalid = [] } = JSON.parse(readFileSync(ex, "utf8"));
  if (!valid.length || invalid.length < 2) { console.log("TOO FEW EXAMPLES", ex); bad++; }
  valid.forEach((d, i) => { if (!validate(d)) { console.log("VALID EXAMPLE REJECTED", ex, i, JSON.stringify(validate.errors)); bad++; } else ok++; });
  invalid.forEach((c, i) => {
    if (validate(c.document)) { console.log("INVALID EXAMPLE ACCEPTED", ex, i, c.why); bad++; return; }
    const hit = validate.errors.some((e) => e.keyword === c.keyword && (e.instancePath === c.path || e.instancePath + "/" + (e.params.missingProperty ?? e.params.additionalProperty) === c.path));
    if (!hit) { console.log("INVALID EXAMPLE REJECTED FOR ANOTHER REASON", ex, i, c.why, JSON.stringify(validate.errors)); bad++; } else ok++;
  });
}
console.log(`${ok} ok, ${bad} problems`);
process.exit(bad ? 1 : 0);
