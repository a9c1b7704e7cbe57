import { connectDatabase, seedDemoCentre, signIn, type OpenDatabase, type Scope, type SeedResult } from "@ilm-forms/db";
import type { AppLoadContext } from "@remix-run/node";
import "../../app/utils/context.ts";
import { expectedCsrfToken } from "../../server/csrf.js";
import { freshTarget } from "./database.ts";

/** A database (a SQLite file, or a PostgreSQL database under the postgres project) with the demo centre (and a second centre), and helpers to call loaders and actions as someone. */
export interface RouteHarness {
  database: OpenDatabase;
  /** The SQLite path or PostgreSQL URL: `connectDatabase(target)` opens a second connection (another process). */
  target: string;
  demo: SeedResult;
  other: SeedResult;
  context: AppLoadContext;
  /** A Cookie header for a demo person (signs in through the real sign-in function). */
  cookieFor(email: string): Promise<string>;
  /** The scope of a demo person, signed in through the real sign-in function (to call the data layer as them). */
  scopeFor(email: string): Promise<Scope>;
  request(path: string, init?: { cookie?: string; form?: Record<string, string>; method?: string; headers?: Record<string, string>; body?: string }): Request;
  close(): Promise<void>;
}

const CSRF = "A".repeat(43);

/**
 * Opens a fresh database of the engine under test with two demo centres.
 *
 * @returns the harness
 */
export async function createHarness(): Promise<RouteHarness> {
  const { target, cleanup } = await freshTarget("routes.sqlite");
  const database = await connectDatabase(target);
  const demo = await seedDemoCentre(database.db, { seed: 8588 });
  const other = await seedDemoCentre(database.db, { seed: 99, centreId: "other-centre", centreName: "Other Centre", emailDomain: "other.ilm-forms.test" });
  const context: AppLoadContext = {
    cspNonce: "test-nonce",
    csrfToken: CSRF,
    database,
    config: { cookieSecure: false, maxBodyBytes: 256 * 1024, maxAttachmentBytes: 20 * 1024 * 1024, portalOrigins: [], printedDownloadsPer10Minutes: 60, documentSavesPer10Minutes: 200 },
    secureCookies: false,
    clientIp: "127.0.0.1",
  };
  const all = [...demo.signIns, ...other.signIns];
  const signedIn = async (email: string) => {
    const person = all.find((p) => p.email === email);
    if (!person) throw new Error(`no demo person ${email}`);
    const result = await signIn(database.db, { email, password: person.password, ip: `10.0.0.${Math.floor(Math.random() * 250)}` });
    if (!result.ok) throw new Error(`cannot sign in ${email}`);
    return result;
  };
  return {
    database,
    target,
    demo,
    other,
    context,
    async cookieFor(email) {
      return `ilm_session=${(await signedIn(email)).token}; ilm_csrf=${CSRF}`;
    },
    async scopeFor(email) {
      return (await signedIn(email)).scope;
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
    async close() {
      await database.close();
      await cleanup();
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
