// checkPortfolio on the 60-session Diploma portfolio, against validating every one of its documents.
import { checkPortfolio, generateDemoPortfolio, validate } from "../dist/index.js";
import { compare, FAST, us, verdict } from "./measure.ts";

export function benchPortfolio(): void {
  const { documents } = generateDemoPortfolio(60, "diploma-60-sessions");
  const validateAll = () => documents.every((d) => validate(d.template, d.data, { version: d.version }).valid);
  if (!validateAll()) throw new Error("benchmark portfolio must be valid");
  const options = { today: "2027-06-01" };
  const batches = FAST ? 5 : 21;
  const perBatch = FAST ? 10 : 40;
  // Each ratio is taken against the baseline measured in the same alternation, batch by batch.
  const [rulesOnly, baselineRules] = compare(() => checkPortfolio("502", documents, { ...options, assumeValid: true }), validateAll, batches, perBatch);
  const [full, baselineFull] = compare(() => checkPortfolio("502", documents, options), validateAll, batches, perBatch);
  console.log(`checkPortfolio: Diploma portfolio of ${documents.length} documents (60 sessions), Unit 502`);
  console.log(`  validate every document (baseline)        ${us(baselineRules)} (${us(baselineFull)} beside the second pair)`);
  console.log(`  checkPortfolio, rules only (assumeValid)   ${us(rulesOnly)}`);
  console.log(`  checkPortfolio, validating each document   ${us(full)}`);
  console.log(`  checkPortfolio rules vs validating all: ${verdict(rulesOnly / baselineRules, 1)}`);
  console.log(`  checkPortfolio with validation vs validating all: ${(full / baselineFull).toFixed(2)}x (includes the baseline's own work, so it cannot reach 1x)`);
}
