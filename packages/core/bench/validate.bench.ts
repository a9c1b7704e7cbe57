// validate() against raw ajv validators compiled from the same schemas, on the same documents: a large
// hours log (numbers and dates), and every document of the 60-session Diploma portfolio (free text).
import { generateDemoPortfolio, registry, validate } from "../dist/index.js";
import { compare, FAST, us, verdict } from "./measure.ts";
import { rawAjv, validatingAll } from "./rawAjv.ts";

export function benchValidate(): void {
  const raw = rawAjv();
  const template = registry.get("ilm-8588/hours-log")!;
  const hoursLog = raw("ilm-8588/hours-log");
  const rows = template.schema.properties as { sessions: { maxItems: number } };
  const document = {
    clientRef: "Client 1",
    sessions: Array.from({ length: rows.sessions.maxItems }, (_, i) => ({ sessionNo: i + 1, sessionDate: `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`, duration: 60 + (i % 4) * 15 })),
  };
  if (!validate("ilm-8588/hours-log", document).valid || !hoursLog(document)) throw new Error("benchmark document must be valid");
  const [ours, baseline] = compare(() => validate("ilm-8588/hours-log", document), () => hoursLog(document), FAST ? 5 : 15, FAST ? 300 : 2000);
  console.log(`validate(): hours log of ${document.sessions.length} rows`);
  console.log(`  validate()          ${us(ours)} per call`);
  console.log(`  raw ajv (baseline)  ${us(baseline)} per call`);
  console.log(`  validate() vs raw ajv: ${verdict(ours / baseline, 1.1)}`);

  const { documents } = generateDemoPortfolio(60, "diploma-60-sessions");
  const { ajvAll, validateAll } = validatingAll(documents, raw);
  const characters = documents.reduce((sum, d) => sum + JSON.stringify(d.data).length, 0);
  const [oursPortfolio, baselinePortfolio] = compare(validateAll, ajvAll, FAST ? 5 : 15, FAST ? 20 : 100);
  console.log(`validate(): every document of the 60-session Diploma portfolio (${documents.length} documents, ${Math.round(characters / 1000)} k characters of JSON)`);
  console.log(`  validate()          ${us(oursPortfolio)} per portfolio`);
  console.log(`  raw ajv (baseline)  ${us(baselinePortfolio)} per portfolio`);
  console.log(`  validate() vs raw ajv: ${verdict(oursPortfolio / baselinePortfolio, 1.1)}`);
}
