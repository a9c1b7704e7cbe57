import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";
const [src, out, w, h, y] = process.argv.slice(2);
writeFileSync("/tmp/crop.html", `<html><body style="margin:0;overflow:hidden"><img src="file://${src}" style="display:block;margin-top:-${y ?? 0}px"></body></html>`);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--allow-file-access-from-files"] });
const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) } });
await p.goto("file:///tmp/crop.html");
await p.screenshot({ path: out });
await b.close();
