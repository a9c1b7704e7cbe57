import { benchPortfolio } from "./portfolio.bench.ts";
benchPortfolio(); benchPortfolio();
