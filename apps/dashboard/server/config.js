// The dashboard's settings, read from the environment once, here and nowhere else.

/**
 * @param {string | undefined} value
 * @returns {false | number | string}
 */
function parseTrustProxy(value) {
  if (value === undefined || value === "" || value === "false") return false;
  if (value === "true") return 1;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * @param {NodeJS.ProcessEnv} env
 */
export function loadConfig(env) {
  const port = Number(env.PORT ?? 3000);
  // 0 asks the system for any free port; the server prints the one it got.
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0 for any free port), not ${env.PORT}`);
  // How long a session may go unused (decision 064): at most the 12-hour absolute lifetime.
  const sessionIdleMinutes = positiveInteger(env.SESSION_IDLE_MINUTES, 120, "SESSION_IDLE_MINUTES", { max: 720, unit: "minutes" });
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databasePath: env.DATABASE_PATH ?? "data/ilm-forms.sqlite",
    /** PostgreSQL (`postgres://user:password@host:5432/db`): when set, the dashboard runs on it and DATABASE_PATH is unused. */
    databaseUrl: /^postgres(ql)?:\/\//i.test(env.DATABASE_URL ?? "") ? env.DATABASE_URL : undefined,
    /** PostgreSQL connections per process (default 10): processes × pool size must stay under the server's max_connections. */
    databasePoolSize: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined,
    /** Portals allowed to frame the dashboard (frame-ancestors), space-separated origins. */
    portalOrigins: (env.PORTAL_ORIGINS ?? "").split(/\s+/).filter(Boolean),
    cookieSecure: env.COOKIE_SECURE === "true",
    /**
     * Which proxies to believe for X-Forwarded-For/-Proto/-Host: false (none, the default); "true" means
     * one, the nearest hop (the usual single reverse proxy); a number of hops; or addresses and subnets
     * as Express reads them ("loopback", "10.0.0.0/8"). Never every hop: a client writes the left-most.
     */
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    maxBodyBytes: Number(env.MAX_BODY_BYTES ?? 2 * 1024 * 1024),
    /** Evidence files (server/attachments.js): the largest file, and the most one learner may hold. */
    maxAttachmentBytes: Number(env.MAX_ATTACHMENT_BYTES ?? 20 * 1024 * 1024),
    maxLearnerAttachmentBytes: Number(env.MAX_LEARNER_ATTACHMENT_BYTES ?? 200 * 1024 * 1024),
    // The demo centre (whose passwords anyone can work out from the seed) only when asked for: the README's
    // start command asks; a production database never gets one by default.
    seedDemo: env.SEED_DEMO === "true",
    /**
     * Optional: the centre's SMTP server (`smtp://user:password@host:587`, `smtps://…`) and the sender,
     * to e-mail a signing link to the person who signs. Without them the learner passes the link on.
     */
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || undefined,
    demoSeed: Number(env.DEMO_SEED ?? 8588),
    /** A session unused for longer than this (milliseconds) is over; `SESSION_IDLE_MINUTES`, default 120. */
    sessionIdleMs: sessionIdleMinutes * 60 * 1000,
    /**
     * PDF and ZIP downloads a person may ask for in ten minutes (each PDF is printed by the server's
     * Chromium): past it, 429 until the window has room. Web-page (HTML) downloads are not counted.
     */
    printedDownloadsPer10Minutes: positiveInteger(env.PRINTED_DOWNLOADS_PER_10_MINUTES, 60, "PRINTED_DOWNLOADS_PER_10_MINUTES"),
    /**
     * Documents one person may save from the dashboard's pages in ten minutes (a new document or a
     * change; decision 072). Drafts are kept in the browser as people type and reach the server only
     * when they press Save, so 200 (one save every three seconds for ten minutes) is never reached by
     * a person at work. Past it, 429 until the window has room; the draft stays in the browser.
     */
    documentSavesPer10Minutes: positiveInteger(env.DOCUMENT_SAVES_PER_10_MINUTES, 200, "DOCUMENT_SAVES_PER_10_MINUTES"),
    /** Requests of any kind a portal may make with its API token in ten minutes (decision 072). */
    apiRequestsPer10Minutes: positiveInteger(env.API_REQUESTS_PER_10_MINUTES, 6000, "API_REQUESTS_PER_10_MINUTES"),
    /** Writes (POST, PUT, DELETE) a portal may make with its API token in ten minutes: creating, changing and removing documents and files. */
    apiWritesPer10Minutes: positiveInteger(env.API_WRITES_PER_10_MINUTES, 3000, "API_WRITES_PER_10_MINUTES"),
    /** Sessions one person may have at once; a sign-in past it ends the one used least recently (decision 064). */
    sessionsPerPerson: positiveInteger(env.SESSIONS_PER_PERSON, 10, "SESSIONS_PER_PERSON"),
  };
}

/**
 * A setting that is a whole number of at least 1 (and at most `max`), the fallback when unset or empty.
 *
 * @param {string | undefined} value
 * @param {number} fallback
 * @param {string} name
 * @param {{ max?: number, unit?: string }} [bounds] - the largest value, and what the number counts (for the message)
 */
function positiveInteger(value, fallback, name, { max, unit } = {}) {
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  if (Number.isInteger(number) && number >= 1 && (max === undefined || number <= max)) return number;
  const range = max === undefined ? "at least 1" : `${unit ? `${unit} ` : ""}from 1 to ${max}`;
  throw new Error(`${name} must be a whole number of ${range}, not ${value}`);
}
