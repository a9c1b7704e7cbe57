import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as admin from "../../app/routes/admin._index.tsx";
import { createHarness, type RouteHarness } from "../support/routeContext.ts";

// The admin's page lists people, assignments and registrations 25 a page each, every list paging on
// its own, and reads the registrations of the whole centre at once rather than once per learner.

let h: RouteHarness;
const args = (request: Request) => ({ request, context: h.context, params: {} });
type Paged<T> = { rows: T[]; page: number; pages: number; total: number; param: string };
type Page = {
  members: Paged<{ email: string }>;
  registered: Paged<{ id: string; learner: string }>;
  assignments: Paged<{ id: string }>;
  learners: { id: string; name: string }[];
  assessors: { userId: string }[];
  registrations: { value: string }[];
};

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

describe("the admin's long lists", () => {
  it("pages people, assignments and registrations 25 at a time, each list on its own, and keeps every learner in the pickers", async () => {
    const cookie = await h.cookieFor("admin@demo.ilm-forms.test");
    const post = (form: Record<string, string>) => admin.action(args(h.request("/admin", { cookie, form })));
    const load = async (query = "") => (await admin.loader(args(h.request(`/admin${query}`, { cookie })))) as unknown as Page;
    const before = await load();
    for (let n = 1; n <= 30; n++) {
      const added = await post({ intent: "add-member", name: `Paged Learner ${String(n).padStart(2, "0")}`, email: `paged${n}@example.org`, password: "a long enough password", role: "learner" });
      expect(added).toMatchObject({ done: expect.any(String) });
    }
    const grown = await load();
    const newcomers = grown.learners.filter((l) => l.name.startsWith("Paged Learner"));
    expect(newcomers).toHaveLength(30);
    for (const learner of newcomers) {
      expect(await post({ intent: "register", learner: learner.id, unit: grown.registrations[0]!.value })).toEqual({ done: "The learner was registered." });
      expect(await post({ intent: "assign", assessor: grown.assessors[0]!.userId, learner: learner.id })).toMatchObject({ done: expect.any(String) });
    }

    const first = await load();
    expect(first.members).toMatchObject({ page: 1, total: before.members.total + 30, param: "people-page" });
    expect(first.members.rows).toHaveLength(25);
    expect(first.registered.total).toBe(before.registered.total + 30);
    expect(first.registered.rows).toHaveLength(25);
    expect(first.assignments.total).toBe(before.assignments.total + 30);
    expect(first.learners.length).toBe(before.learners.length + 30);

    // Each list pages on its own; together the pages hold every row once.
    const second = await load("?people-page=2&registrations-page=2");
    expect(second.members.page).toBe(2);
    expect(second.registered.page).toBe(2);
    expect(second.assignments.page).toBe(1);
    const people = [];
    for (let page = 1; page <= first.members.pages; page++) people.push(...(await load(`?people-page=${page}`)).members.rows.map((m) => m.email));
    expect(new Set(people).size).toBe(first.members.total);
    const registered = [];
    for (let page = 1; page <= first.registered.pages; page++) registered.push(...(await load(`?registrations-page=${page}`)).registered.rows.map((r) => r.id));
    expect(new Set(registered).size).toBe(first.registered.total);
    // A page out of range, or not a number, is the first page.
    expect((await load("?people-page=99")).members.page).toBe(1);
    expect((await load("?registrations-page=x")).registered.page).toBe(1);
  });
});
