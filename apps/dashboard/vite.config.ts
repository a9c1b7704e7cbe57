import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        // Off: every page names all its routes' modules through the build's manifest file (one cached
        // asset of the 19 routes) instead of working out a partial manifest per request (decision 018).
        v3_lazyRouteDiscovery: false,
        v3_routeConfig: true,
      },
    }),
  ],
  // Workspace packages with native addons must stay outside the server bundle (STACK.md).
  ssr: { external: ["@ilm-forms/db", "@ilm-forms/docgen", "better-sqlite3", "@node-rs/argon2", "argon2", "playwright-core"] },
  server: { port: 3000 },
});
