// The dashboard's HTTP server: security headers, CSRF cookie, body limits, then Remix.
// Opens (creates, migrates and, when empty, seeds) the database before it listens: SQLite, or
// PostgreSQL when DATABASE_URL names one (then several processes may serve the same data).
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import express from "express";
import { dataVersion } from "@ilm-forms/db";
import { loadConfig } from "./server/config.js";
import { openAppDatabase } from "./server/database.js";
import { apiAttachmentRoutes } from "./server/apiAttachments.js";
import { apiTokenLimits } from "./server/apiLimits.js";
import { attachmentDownload, attachmentUpload } from "./server/attachments.js";
import { csrfCookie } from "./server/csrf.js";
import { remixHandler } from "./server/remixHandler.js";
import { boundedBody } from "./server/requestBody.js";
import { hostGuard, requestGuards } from "./server/requestGuards.js";
import { securityHeaders } from "./server/securityHeaders.js";

const config = loadConfig(process.env);
const dev = process.argv.includes("--dev");
const { database, demo } = await openAppDatabase(config);

const vite = dev
  ? await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }))
  : undefined;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", config.trustProxy);

app.use((req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
});
app.use(securityHeaders(config, { dev }));
app.use(hostGuard(config));
// For a load balancer: 200 when this process can read the database, 503 when it cannot.
app.get("/healthz", async (req, res) => {
  try {
    await dataVersion(database.db);
    res.status(200).type("application/json").send(JSON.stringify({ ok: true, database: database.engine }));
  } catch {
    res.status(503).type("application/json").send(JSON.stringify({ ok: false, database: database.engine }));
  }
});
app.use(csrfCookie(config));
// Page actions that are not forms or come from another site, then one streamed limit for every body.
app.use(requestGuards(config));
// Evidence files: uploads stream past the page limit up to the file limit (decision 032).
app.post("/attachments", attachmentUpload(config, database));
app.get("/attachments/:id", attachmentDownload(database, config));
// The portal API's limits per token, before its routes (decision 072).
app.use("/api/v1", apiTokenLimits(config, database));
apiAttachmentRoutes(config, database)(app);
app.use(boundedBody(config));

if (vite) app.use(vite.middlewares);
else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // Only the few files at the top of build/client: a catch-all static handler would look on disk for
  // every page address before Remix answers it.
  for (const file of readdirSync("build/client", { withFileTypes: true }).filter((entry) => entry.isFile())) {
    app.get(`/${file.name}`, (req, res) => res.sendFile(file.name, { root: "build/client", maxAge: "1h" }));
  }
}

app.all(
  "*",
  remixHandler({
    build: vite ? () => vite.ssrLoadModule("virtual:remix/server-build") : await import("./build/server/index.js"),
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce,
      csrfToken: res.locals.csrfToken,
      database,
      config,
      // Secure cookies when configured, or when this request came over HTTPS (through a trusted proxy).
      secureCookies: config.cookieSecure || req.secure,
      clientIp: req.ip ?? "unknown",
    }),
  }),
);

const listener = app.listen(config.port, config.host, () => {
  const address = listener.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`ilm-forms dashboard on http://localhost:${port} (database: ${config.databaseUrl ? `PostgreSQL ${new URL(config.databaseUrl).host}` : config.databasePath})`);
  if (demo) {
    console.log("Demo sign-ins for the demo centre:");
    for (const person of demo.signIns) console.log(`  ${person.role.padEnd(13)} ${person.email.padEnd(36)} ${person.password}`);
  }
});
