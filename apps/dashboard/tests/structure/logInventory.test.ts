import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The log inventory (docs/operations.md, "The security log"; ASVS 16.1.1, 16.2.3): every security event
// the code writes is in its table and every event of the table is written somewhere, and the server
// writes its logs only through server/log.js (stderr), never with console.* or to a file of its own.
const dashboard = join(import.meta.dirname, "../..");
const operations = readFileSync(join(dashboard, "../../docs/operations.md"), "utf8");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

const code = [...sources(join(dashboard, "app")), ...sources(join(dashboard, "server")), join(dashboard, "server.js")].map((file) => ({ file: file.slice(dashboard.length + 1), text: readFileSync(file, "utf8") }));

/** The events of the inventory's table: the first cell of each row under the header, in backticks. */
function inventory(): string[] {
  const section = operations.split(/^## /m).find((part) => part.startsWith("The security log"));
  expect(section, "docs/operations.md has a section \"The security log\"").toBeDefined();
  const body = section!.slice(section!.indexOf("| --- |"));
  return [...body.matchAll(/^\| `([a-z.-]+)` \|/gm)].map((match) => match[1]!);
}

describe("the log inventory", () => {
  it("lists every security event the code writes, and writes every event it lists (ASVS 16.1.1)", () => {
    const written = new Set(code.flatMap(({ text }) => [...text.matchAll(/securityEvent\(\s*"([a-z.-]+)"/g)].map((match) => match[1]!)));
    // Every call names its event with a literal, so this finds them all.
    expect(code.filter(({ text }) => /(?<!function )securityEvent\(\s*[^"\s]/.test(text)).map(({ file }) => file)).toEqual([]);
    const listed = inventory();
    expect(listed.length).toBeGreaterThanOrEqual(11);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...written].sort()).toEqual([...listed].sort());
  });

  it("writes logs only through server/log.js: no console.* or log file in app/ or server/, and only the start-up lines in server.js (ASVS 16.2.3)", () => {
    const offenders = code.filter(({ file, text }) => file !== "server.js" && /\bconsole\.(log|error|warn|info|debug)\(|\b(appendFile|createWriteStream)\w*\(/.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
    const serverJs = code.find(({ file }) => file === "server.js")!.text;
    expect([...serverJs.matchAll(/console\.(\w+)\(/g)].map((match) => match[1])).toEqual(["log", "log", "log"]);
    expect(code.find(({ file }) => file === "server/log.js")!.text).toMatch(/process\.stderr\.write\(/);
  });
});
