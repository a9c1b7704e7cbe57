// The dashboard's settings, read from the environment once, here and nowhere else.

/**
 * @param {NodeJS.ProcessEnv} env
 */
export function loadConfig(env) {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databasePath: env.DATABASE_PATH ?? "data/ilm-forms.sqlite",
    /** Portals allowed to frame the dashboard (frame-ancestors), space-separated origins. */
    portalOrigins: (env.PORTAL_ORIGINS ?? "").split(/\s+/).filter(Boolean),
    cookieSecure: env.COOKIE_SECURE === "true",
    trustProxy: env.TRUST_PROXY === "true",
    maxBodyBytes: Number(env.MAX_BODY_BYTES ?? 2 * 1024 * 1024),
    seedDemo: env.SEED_DEMO !== "false",
    demoSeed: Number(env.DEMO_SEED ?? 8588),
  };
}
