// checkPortfolio on the 60-session Diploma portfolio, against validating every one of its documents
// with raw ajv (the baseline of every validation benchmark here), and beside our own validate().
import { checkPortfolio, createPortfolioChecker, generateDemoPortfolio } from "../dist/index.js";
import { compare, FAST, us, verdict } from "./measure.ts";
import { validatingAll } from "./rawAjv.ts";

export function benchPortfolio(): void {
  const { documents } = generateDemoPortfolio(60, "diploma-60-sessions");
  const { ajvAll, validateAll } = validatingAll(documents);
  const options = { today: "2027-06-01" };
  const rules = () => checkPortfolio("502", documents, { ...options, assumeValid: true });
  const batches = FAST ? 5 : 21;
  const perBatch = FAST ? 10 : 40;
  // Each ratio is taken against the baseline measured in the same alternation, batch by batch.
  const [rulesOnly, baselineRules] = compare(rules, ajvAll, batches, perBatch);
  const [full, baselineFull] = compare(() => checkPortfolio("502", documents, options), ajvAll, batches, perBatch);
  const [rulesBesideOurs, ours] = compare(rules, validateAll, batches, perBatch);
  console.log(`checkPortfolio: Diploma portfolio of ${documents.length} documents (60 sessions), Unit 502`);
  console.log(`  validate every document, raw ajv (baseline) ${us(baselineRules)} (${us(baselineFull)} beside the second pair)`);
  console.log(`  validate every document, our validate()     ${us(ours)}`);
  console.log(`  checkPortfolio, rules only (assumeValid)    ${us(rulesOnly)} (${us(rulesBesideOurs)} beside validate())`);
  console.log(`  checkPortfolio, validating each document    ${us(full)}`);
  console.log(`  checkPortfolio rules vs validating all (raw ajv): ${verdict(rulesOnly / baselineRules, 1)}`);
  console.log(`  checkPortfolio with validation vs validating all (raw ajv): ${(full / baselineFull).toFixed(2)}x`);
  console.log(`  checkPortfolio rules vs our validate() of all: ${(rulesBesideOurs / ours).toFixed(2)}x (no goal: validate() is faster than raw ajv on free text, see above)`);
  // The dashboard re-checks on every save: one document changes (a new revision: a new data object),
  // cycling through every document of the portfolio, and the incremental checker re-checks.
  const checker = createPortfolioChecker();
  const current = [...documents];
  let edit = 0;
  const recheck = () => {
    const at = (edit = (edit + 37) % current.length);
    const before = current[at]!;
    current[at] = { ...before, data: { ...before.data } };
    return checker.check("502", current, options);
  };
  const [incremental, fullBeside] = compare(recheck, () => checkPortfolio("502", documents, options), batches, perBatch);
  console.log(`  re-check after one document changes (createPortfolioChecker) ${us(incremental)} beside a full check ${us(fullBeside)}`);
  console.log(`  re-check after one change vs a full check: ${verdict(incremental / fullBeside, 0.1)}`);
}
