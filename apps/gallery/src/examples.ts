/** The examples of every template, read from `schemas/<qualification>/examples/<name>.json` at build time. */
interface ExampleFile {
  valid?: Record<string, unknown>[];
  invalid?: { why: string; path: string; keyword: string; document: Record<string, unknown> }[];
}

const files = import.meta.glob<ExampleFile>("../../../schemas/*/examples/*.json", { eager: true, import: "default" });

/** Examples by template id (`ilm-8588/session-record`). */
export const examplesByTemplate: ReadonlyMap<string, ExampleFile> = new Map(
  Object.entries(files).map(([path, file]) => {
    const match = /schemas\/([^/]+)\/examples\/([^/]+)\.json$/.exec(path);
    return [match ? `${match[1]}/${match[2]}` : path, file];
  }),
);
