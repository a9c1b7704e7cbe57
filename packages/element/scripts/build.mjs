// Builds <ilm-form> as one ES module a page loads with one script tag (dist/ilm-form.js), with React,
// React DOM, @ilm-forms/react and @rjsf/core inside, and every template in a chunk of its own
// (dist/chunks/) that the element fetches when a page first shows that template. Minified: pages
// that are not React have no bundler of their own. markdown-to-jsx is left out as in
// @ilm-forms/react/form (decision 018).
import { join } from "node:path";
import react from "@vitejs/plugin-react";
import { build } from "vite";

const root = join(import.meta.dirname, "..");

await build({
  root,
  configFile: false,
  logLevel: "warn",
  plugins: [react()],
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  resolve: { alias: [{ find: /^markdown-to-jsx\/react$/, replacement: join(root, "src", "PlainMarkdown.tsx") }] },
  build: {
    outDir: join(root, "dist"),
    emptyOutDir: true,
    minify: true,
    target: "es2022",
    sourcemap: false,
    lib: { entry: join(root, "src", "index.ts"), formats: ["es"], fileName: () => "ilm-form.js" },
    rollupOptions: { output: { chunkFileNames: "chunks/[name]-[hash].js" } },
  },
});
