import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, seedDemoCentre, signIn, type OpenDatabase, type SeedResult } from "@ilm-forms/db";
import type { AppLoadContext } from "@remix-run/node";
import "../../app/utils/context.ts";
import { expectedCsrfToken } from "../../server/csrf.js";

/** A database file with the demo centre (and a second centre), and helpers to call loaders and actions as someone. */
export interface RouteHarness {
  database: OpenDatabase;
  demo: SeedResult;
  other: SeedResult;
  context: AppLoadContext;
  /** A Cookie header for a demo person (signs in through the real sign-in function). */
  cookieFor(email: string): Promise<string>;
  request(path: string, init?: { cookie?: string; form?: Record<string, string>; method?: string; headers?: Record<string, string>; body?: string }): Request;
  close(): void;
}

const CSRF = "A".repeat(43);

/**
 * Opens a fresh SQLite file with two demo centres.
 *
 * @returns the harness
 */
export async function createHarness(): Promise<RouteHarness> {
  const dir = mkdtempSync(join(tmpdir(), "ilm-routes-"));
  const database = openDatabase(join(dir, "routes.sqlite"));
  const demo = await seedDemoCentre(database.db, { seed: 8588 });
  const other = await seedDemoCentre(database.db, { seed: 99, centreId: "other-centre", centreName: "Other Centre", emailDomain: "other.ilm-forms.test" });
  const context: AppLoadContext = {
    cspNonce: "test-nonce",
    csrfToken: CSRF,
    database,
    config: { cookieSecure: false, maxBodyBytes: 256 * 1024, maxAttachmentBytes: 20 * 1024 * 1024, portalOrigins: [] },
    secureCookies: false,
    clientIp: "127.0.0.1",
  };
  const all = [...demo.signIns, ...other.signIns];
  return {
    database,
    demo,
    other,
    context,
    async cookieFor(email) {
      const person = all.find((p) => p.email === email);
      if (!person) throw new Error(`no demo person ${email}`);
      const result = await signIn(database.db, { email, password: person.password, ip: `10.0.0.${Math.floor(Math.random() * 250)}` });
      if (!result.ok) throw new Error(`cannot sign in ${email}`);
      return `ilm_session=${result.token}; ilm_csrf=${CSRF}`;
    },
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set("Cookie", init.cookie ?? `ilm_csrf=${CSRF}`);
      if (init.form) {
        const body = new URLSearchParams({ csrf: expectedCsrfToken(headers.get("Cookie") ?? "") ?? CSRF, ...init.form });
        headers.set("Content-Type", "application/x-www-form-urlencoded");
        return new Request(`http://localhost${path}`, { method: "POST", headers, body });
      }
      return new Request(`http://localhost${path}`, { method: init.method ?? "GET", headers, body: init.body });
    },
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Calls a loader or action and returns what it returned, or the Response it threw.
 *
 * @param run - the call
 * @returns the value or the thrown response
 */
export async function settle<T>(run: () => Promise<T> | T): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
