// validate() against a raw ajv validator compiled from the same schema, on the same large hours log.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { registry, validate } from "../dist/index.js";
import { compare, FAST, us, verdict } from "./measure.ts";

export function benchValidate(): void {
  const template = registry.get("ilm-8588/hours-log")!;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: "x-ilm", schemaType: "object" });
  const raw = ajv.compile(template.schema);
  const rows = template.schema.properties as { sessions: { maxItems: number } };
  const document = {
    clientRef: "Client 1",
    sessions: Array.from({ length: rows.sessions.maxItems }, (_, i) => ({ sessionNo: i + 1, sessionDate: `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`, duration: 1 + (i % 4) * 0.25 })),
  };
  if (!validate("ilm-8588/hours-log", document).valid || !raw(document)) throw new Error("benchmark document must be valid");
  const [ours, baseline] = compare(() => validate("ilm-8588/hours-log", document), () => raw(document), FAST ? 5 : 15, FAST ? 300 : 2000);
  console.log(`validate(): hours log of ${document.sessions.length} rows`);
  console.log(`  validate()          ${us(ours)} per call`);
  console.log(`  raw ajv (baseline)  ${us(baseline)} per call`);
  console.log(`  validate() vs raw ajv: ${verdict(ours / baseline, 1.1)}`);
}
