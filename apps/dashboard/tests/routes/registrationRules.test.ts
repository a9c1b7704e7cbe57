import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as admin from "../../app/routes/admin._index.tsx";
import * as learnerUnit from "../../app/routes/learner.units.$unit.tsx";
import { createHarness, settle, type RouteHarness } from "../support/routeContext.ts";
import { rows } from "../support/database.ts";

// Issue 15, section 9: moving a learner from the earlier Unit 501 rules to the current ones (or back) is an
// admin action with an audit entry, and the learner's findings change with it.

let h: RouteHarness;
const args = (request: Request, params: Record<string, string> = {}) => ({ request, context: h.context, params });
const status = (result: unknown) => (result instanceof Response ? result.status : undefined);
type AdminPage = { registered: { rows: { id: string; learner: string; unit: string; version: string; otherVersions: { value: string; label: string }[] }[] } };
type UnitPage = { unit: { version: string; thresholds: Record<string, unknown> }; check: { findings: { criterion: string; reasons: string[] }[] } };

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

describe("the admin moves a registration to another version of the unit's rules", () => {
  it("offers the unit's other versions, moves it with an audit entry, and the learner's findings follow", async () => {
    const adminCookie = await h.cookieFor("admin@demo.ilm-forms.test");
    const learnerCookie = await h.cookieFor("learner1@demo.ilm-forms.test");
    const registrationId = (await rows<{ id: string }>(h.database, "select r.id from registrations r join learners l on l.id = r.learner_id join users u on u.id = l.user_id where u.email = ? and r.unit = '501'", "learner1@demo.ilm-forms.test"))[0]!.id;
    const page = (await admin.loader(args(h.request("/admin", { cookie: adminCookie })))) as unknown as AdminPage;
    const registration = page.registered.rows.find((r) => r.id === registrationId)!;
    expect(registration.version).toBe("2.0");
    expect(registration.otherVersions.map((v) => v.value)).toEqual(["earlier"]);
    const cookie = learnerCookie;
    const before = (await learnerUnit.loader(args(h.request("/learner/units/501", { cookie }), { unit: "501" }))) as unknown as UnitPage;

    // Nobody else may do it.
    const crafted = { intent: "move-to-rules", registration: registration.id, version: "earlier" };
    expect(status(await settle(() => admin.action(args(h.request("/admin", { cookie: learnerCookie, form: crafted })))))).toBe(404);
    expect(status(await settle(async () => admin.action(args(h.request("/admin", { cookie: await h.cookieFor("admin@other.ilm-forms.test"), form: crafted }))))) ?? "answered").not.toBe(200);
    expect((await rows<{ v: string }>(h.database, "select rule_set_version as v from registrations where id = ?", registration.id))[0]!.v).toBe("2.0");

    const wrong = (await admin.action(args(h.request("/admin", { cookie: adminCookie, form: { ...crafted, version: "9.9" } })))) as { errors?: { message: string }[] };
    expect(wrong.errors?.[0]?.message).toBe("Choose a version of the unit's rules from the list");
    const moved = (await admin.action(args(h.request("/admin", { cookie: adminCookie, form: crafted })))) as { done?: string };
    expect(moved.done).toContain("now follows the chosen rules");
    expect((await rows<{ v: string }>(h.database, "select rule_set_version as v from registrations where id = ?", registration.id))[0]!.v).toBe("earlier");
    expect(await rows(h.database, "select seq from audit_log where action = 'registration.change-rules' and entity_id = ?", registration.id)).toHaveLength(1);

    {
      const after = (await learnerUnit.loader(args(h.request("/learner/units/501", { cookie }), { unit: "501" }))) as unknown as UnitPage;
      expect(before.unit.version).toBe("2.0");
      expect(after.unit.version).toBe("earlier");
      expect(JSON.stringify(after.check.findings)).not.toEqual(JSON.stringify(before.check.findings));
    }
  });
});
