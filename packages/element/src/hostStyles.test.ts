import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { toHostCss } from "./hostStyles.ts";

const css = readFileSync(createRequire(import.meta.url).resolve("@ilm-forms/react/styles.css"), "utf8");

describe("toHostCss()", () => {
  it("declares every colour on :host, where a page's rule for the element overrides it", () => {
    const host = toHostCss(css);
    const block = /:host\{([^}]*)\}/.exec(host)?.[1] ?? "";
    for (const name of ["--ilm-text", "--ilm-error", "--ilm-focus", "--ilm-button"]) expect(block).toContain(`${name}:`);
    expect(/\.ilm-form-wrapper\s*\{([^}]*)\}/.exec(host)?.[1]).not.toMatch(/--ilm-[\w-]+\s*:/);
  });

  it("does the same with the minified stylesheet the element's build inlines", () => {
    const minified = ".ilm-form-wrapper{--ilm-text:#0b0c0c;--ilm-button:#00703c;color:var(--ilm-text)}.ilm-button{background:var(--ilm-button)}";
    expect(toHostCss(minified)).toBe(":host{--ilm-text:#0b0c0c;--ilm-button:#00703c;display:block}:host([hidden]){display:none}.ilm-form-wrapper{color:var(--ilm-text)}.ilm-button{background:var(--ilm-button)}");
  });
});
