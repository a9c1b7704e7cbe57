import { dataVersion, getSession, getCentre, getOwnLearner, sessionEndReason, type Role, type Scope } from "@ilm-forms/db";
import { redirect, type AppLoadContext } from "@remix-run/node";
import { readCookie } from "../../server/csrf.js";
import { noteRequestUser, securityEvent } from "../../server/log.js";
import { createReadCache, scopeKey } from "../models/readCache.server.ts";
import "./context.ts";

export const SESSION_COOKIE = "ilm_session";

/** The signed-in person as every page sees them. */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  centreId: string;
  centreName: string;
  scope: Scope;
  /** The learner record, for a learner. */
  learnerId?: string;
  sessionToken: string;
  /** When this session signed in: a recent sign-in counts as re-authentication (decision 073). */
  signedInAt: string;
}

/** The home page of each role. */
export const ROLE_HOME: Record<Role, string> = {
  learner: "/learner",
  assessor: "/assessor",
  iqa: "/iqa",
  centre_admin: "/admin",
  eqa: "/eqa",
};

/**
 * The person signed in with this request's session cookie, or null.
 *
 * @param request - the request
 * @param context - the load context (database)
 * @returns the user, or null when there is no live session
 */
export async function getOptionalUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  // The root loader and the page's loader both ask, each with its own copy of the request (Remix
  // strips its own query parameters into a new Request per loader) but with the one load context of
  // the request: look the session up once per request, and again only after a write (an action's
  // change of the person or their session is seen by the loaders that run after it).
  const token = readCookie(request.headers.get("Cookie") ?? "", SESSION_COOKIE);
  if (!token) return null;
  const version = await dataVersion(context.database.db);
  const memo = usersByRequest.get(context);
  if (memo && memo.token === token && memo.version === version) return memo.user;
  const user = lookUpUser(token, context);
  usersByRequest.set(context, { token, version, user });
  return user;
}

/** Per request (its load context): the session's person, looked up at a database version. */
const usersByRequest = new WeakMap<AppLoadContext, { token: string; version: string; user: Promise<CurrentUser | null> }>();

async function lookUpUser(token: string, context: AppLoadContext): Promise<CurrentUser | null> {
  const { db } = context.database;
  // The session (and its expiry) is checked on every request; the centre's name and the learner
  // record are read again only when the database has changed since they were last read.
  const session = (await getSession(db, token, { idleMs: context.config.sessionIdleMs }));
  if (!session) {
    // A cookie the server no longer honours: said once per request (this lookup is memoised per request).
    securityEvent("session.ended", { reason: await sessionEndReason(db, token, { idleMs: context.config.sessionIdleMs }) });
    return null;
  }
  const { scope } = session;
  noteRequestUser(scope.userId, scope.centreId);
  const { centreName, learnerId } = await peopleCache.get(db, scopeKey(scope), async () => ({
    centreName: (await getCentre(db, scope))?.name ?? "",
    learnerId: scope.role === "learner" ? (await getOwnLearner(db, scope))?.id : undefined,
  }));
  return {
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    role: scope.role,
    centreId: scope.centreId,
    centreName,
    scope,
    learnerId,
    sessionToken: token,
    signedInAt: session.startedAt,
  };
}

const peopleCache = createReadCache<{ centreName: string; learnerId: string | undefined }>(1000);

/**
 * The signed-in person, who must hold one of `roles`: anyone else is sent to sign in (no session)
 * or answered 404 (a role that has no business here learns nothing about what exists).
 *
 * @param request - the request
 * @param context - the load context
 * @param roles - the roles allowed
 * @returns the user
 */
export async function requireUser(request: Request, context: AppLoadContext, roles: readonly Role[]): Promise<CurrentUser> {
  const user = await getOptionalUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!roles.includes(user.role)) {
    securityEvent("access.refused", { rule: "role", role: user.role });
    throw notFoundResponse();
  }
  return user;
}

/**
 * A 404 response to throw: for records that do not exist and for records of another centre alike
 * (centre scoping: the data layer finds nothing outside the person's scope). Logged as a refusal
 * (`access.refused`, rule `scope`): from here a record of another centre and one that does not
 * exist look the same.
 *
 * @returns the response
 */
export function notFound(): Response {
  securityEvent("access.refused", { rule: "scope" });
  return notFoundResponse();
}

function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, statusText: "Not Found" });
}

/**
 * The Set-Cookie value for a session token (or for clearing it).
 *
 * @param token - the token, or null to clear the cookie
 * @param context - the load context (whether cookies are Secure)
 * @param expiresAt - when the session ends
 * @returns the header value
 */
export function sessionCookie(token: string | null, context: AppLoadContext, expiresAt?: string): string {
  const secure = context.secureCookies ? "; Secure" : "";
  if (token === null) return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
  const expires = expiresAt ? `; Expires=${new Date(expiresAt).toUTCString()}` : "";
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${expires}${secure}`;
}

/**
 * Where to go after sign-in: only a path of this site, never another host. The value is parsed as a
 * URL relative to a placeholder origin; anything that resolves elsewhere (`//host`, `/\\host`,
 * `/\t/host`, `https:...`, a line break ...) or is not a plain path falls back. What is returned is
 * the parsed path re-serialised (percent-encoded), so it is always safe in a Location header.
 *
 * @param to - the requested path
 * @param fallback - where to go otherwise
 * @returns a same-site path
 */
export function safeRedirect(to: string | null | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  if (!to || to.length > 2000 || !to.startsWith("/") || /[\\\s\u0000-\u001f\u007f]/.test(to)) return fallback;
  const origin = "http://redirect.invalid";
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
