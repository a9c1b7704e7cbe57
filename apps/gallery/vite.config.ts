import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The gallery reads the examples straight from schemas/ (import.meta.glob), so it must see the repo root.
export default defineConfig({
  plugins: [react()],
  server: { fs: { allow: ["../.."] } },
  build: { outDir: "dist", sourcemap: false },
});
