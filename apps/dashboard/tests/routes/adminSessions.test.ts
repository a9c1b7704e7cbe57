import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as admin from "../../app/routes/admin._index.tsx";
import * as learnerHome from "../../app/routes/learner._index.tsx";
import { rows } from "../support/database.ts";
import { createHarness, settle, type RouteHarness } from "../support/routeContext.ts";

// A centre admin signs a person out everywhere (a lost laptop, a computer left signed in): the
// person's sessions end, audited, and they sign in again with their own password.

let h: RouteHarness;
const args = (request: Request) => ({ request, context: h.context, params: {} });
const status = (result: unknown) => (result instanceof Response ? result.status : undefined);

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

describe("signing a person out everywhere", () => {
  it("ends the learner's sessions from the admin's page, not the admin's own, and nobody else may", async () => {
    const adminCookie = await h.cookieFor("admin@demo.ilm-forms.test");
    const learnerCookie = await h.cookieFor("learner4@demo.ilm-forms.test");
    const page = (await admin.loader(args(h.request("/admin", { cookie: adminCookie })))) as unknown as { members: { rows: { userId: string; email: string; self: boolean }[] } };
    const learner = page.members.rows.find((m) => m.email === "learner4@demo.ilm-forms.test")!;
    const self = page.members.rows.find((m) => m.self)!;
    expect(status(await settle(() => learnerHome.loader(args(h.request("/learner", { cookie: learnerCookie })))))).toBeUndefined();

    // A learner may not; the admin is sent to their account page for their own sessions.
    expect(status(await settle(() => admin.action(args(h.request("/admin", { cookie: learnerCookie, form: { intent: "end-sessions", userId: learner.userId } })))))).toBe(404);
    expect(await admin.action(args(h.request("/admin", { cookie: adminCookie, form: { intent: "end-sessions", userId: self.userId } })))).toMatchObject({ errors: [{ message: "End your own other sessions under Your account" }] });

    expect(await admin.action(args(h.request("/admin", { cookie: adminCookie, form: { intent: "end-sessions", userId: learner.userId } })))).toEqual({ done: "1 session ended: the person signs in again with their password." });
    const after = await settle(() => learnerHome.loader(args(h.request("/learner", { cookie: learnerCookie }))));
    expect(status(after)).toBe(302);
    expect((after as Response).headers.get("Location")).toMatch(/^\/sign-in/);
    expect(await rows(h.database, "select seq from audit_log where action = 'member.sessions-end' and entity_id = ?", learner.userId)).toHaveLength(1);
    // The admin is still signed in; the learner signs in again.
    expect(status(await settle(() => admin.loader(args(h.request("/admin", { cookie: adminCookie })))))).toBeUndefined();
    await expect(h.cookieFor("learner4@demo.ilm-forms.test")).resolves.toContain("ilm_session=");
  });
});

describe("the sign-in page after a session ended", () => {
  it("says the person was signed out when their browser still holds an ended session's cookie, and not otherwise", async () => {
    const signInRoute = await import("../../app/routes/sign-in.tsx");
    const cookie = await h.cookieFor("learner5@demo.ilm-forms.test");
    const adminCookie = await h.cookieFor("admin@demo.ilm-forms.test");
    const page = (await admin.loader(args(h.request("/admin", { cookie: adminCookie })))) as unknown as { members: { rows: { userId: string; email: string }[] } };
    const learner = page.members.rows.find((m) => m.email === "learner5@demo.ilm-forms.test")!;
    // Signed in: the page sends the person home; without a cookie: no notice.
    expect(status(await settle(() => signInRoute.loader(args(h.request("/sign-in", { cookie })))))).toBe(302);
    expect(await signInRoute.loader(args(h.request("/sign-in")))).toEqual({ reset: false, ended: false });
    await admin.action(args(h.request("/admin", { cookie: adminCookie, form: { intent: "end-sessions", userId: learner.userId } })));
    expect(await signInRoute.loader(args(h.request("/sign-in?redirectTo=%2Flearner", { cookie })))).toEqual({ reset: false, ended: true });
  });
});
