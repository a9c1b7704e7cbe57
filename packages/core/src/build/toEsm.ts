/**
 * ajv's standalone code keeps `require("...")` for its runtime helpers even in ESM mode. Turns each
 * into an import, so that the validators load as ES modules in Node and in a browser bundle.
 *
 * A namespace import of a CommonJS module differs by loader: Node puts `module.exports` under
 * `default`; Vite, esbuild and webpack honour `__esModule` and expose its properties directly. The
 * helpers are all compiled TypeScript (they set `__esModule`), so that flag tells which case we are in.
 *
 * @param code - the standalone module code
 * @returns the code with imports in place of `require` calls
 */
export function toEsm(code: string): string {
  const imports = new Map<string, string>();
  const body = code.replace(/require\("([^"]+)"\)/g, (_match, specifier: string) => {
    const path = specifier.endsWith(".js") ? specifier : `${specifier}.js`;
    let name = imports.get(path);
    if (!name) {
      name = `__ajvRuntime${imports.size}`;
      imports.set(path, name);
    }
    return name;
  });
  const header = [...imports]
    .map(([path, name]) => `import * as ${name}Ns from ${JSON.stringify(path)};\nconst ${name} = ${name}Ns.default && ${name}Ns.default.__esModule ? ${name}Ns.default : ${name}Ns;`)
    .join("\n");
  return `${header}\n${body.replace(/^"use strict";/, "")}`;
}
