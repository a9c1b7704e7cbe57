// pnpm --filter @ilm-forms/core bench   (ILM_FORMS_BENCH_FAST=1 for a short run)
import { benchPortfolio } from "./portfolio.bench.ts";
import { benchStartup } from "./startup.bench.ts";
import { benchValidate } from "./validate.bench.ts";

console.log(`@ilm-forms/core benchmarks (Node ${process.version}${process.env.ILM_FORMS_BENCH_FAST === "1" ? ", fast mode" : ""})\n`);
benchValidate();
console.log("");
benchStartup();
console.log("");
benchPortfolio();
