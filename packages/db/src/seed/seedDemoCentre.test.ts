import { describe, expect, it } from "vitest";
import { connectDatabase } from "../client.ts";
import { signIn } from "../auth/signIn.ts";
import { listDocuments } from "../repositories/documents.ts";
import { listLearners, listRegistrations } from "../repositories/learners.ts";
import { seedDemoCentre } from "./seedDemoCentre.ts";
import { freshTarget, inSequence, rows } from "../test/database.ts";

describe("seedDemoCentre()", () => {
  it("creates a demo centre whose people can sign in, and keeps it on a second start", async () => {
    const temp = await freshTarget();
    try {
      const first = await connectDatabase(temp.target);
      const seeded = await seedDemoCentre(first.db, { seed: 42 });
      expect(seeded.created).toBe(true);
      expect(seeded.signIns.map((s) => s.role)).toEqual(["centre_admin", "assessor", "assessor", "iqa", "learner", "learner", "learner", "learner", "learner", "eqa"]);
      expect(seeded.documents).toBeGreaterThan(50);
      const admin = await signIn(first.db, { email: seeded.signIns[0]!.email, password: seeded.signIns[0]!.password, ip: "::1" });
      if (!admin.ok) throw new Error("admin cannot sign in");
      const learners = (await listLearners(first.db, admin.scope));
      expect(learners).toHaveLength(5);
      const routes = (await inSequence(learners, async (l) => (await listRegistrations(first.db, admin.scope, l.id))[0]?.route)).sort();
      expect(routes).toEqual(["certificate", "certificate", "certificate", "diploma", "diploma"]);
      const counts = await inSequence(learners, async (l) => (await listDocuments(first.db, admin.scope, l.id)).length);
      // The complete learners' portfolios hold the evidence of issue 21's templates, each written by a
      // role its template names: the observation by the learner's assessor, the rest by the learner.
      const assessorIds = new Set<string>();
      for (const s of seeded.signIns.filter((s) => s.role === "assessor")) {
        const signedIn = await signIn(first.db, { email: s.email, password: s.password, ip: "::1" });
        if (signedIn.ok) assessorIds.add(signedIn.scope.userId);
      }
      expect(assessorIds.size).toBe(2);
      const complete = (await inSequence(learners, (l) => listDocuments(first.db, admin.scope, l.id))).filter((docs) => docs.some((d) => d.templateId === "ilm-8588/journal-summary-statements"));
      expect(complete).toHaveLength(3);
      for (const docs of complete) {
        const templates = new Set(docs.map((d) => d.templateId));
        for (const t of ["session-conclusions", "communication-assessment", "tools-justification", "portfolio-introduction", "witness-testimony", "assessor-observation"]) expect(templates.has(`ilm-8588/${t}`), t).toBe(true);
        for (const d of docs) expect(assessorIds.has(d.updatedBy), d.templateId).toBe(d.templateId === "ilm-8588/assessor-observation");
        expect(docs.find((d) => d.templateId === "ilm-8588/witness-testimony")!.data.witnessSignature).toMatchObject({ role: "Witness" });
      }
      await first.close();

      const second = await connectDatabase(temp.target);
      const again = await seedDemoCentre(second.db, { seed: 42 });
      expect(again).toMatchObject({ created: false, documents: 0 });
      expect(again.signIns).toEqual(seeded.signIns);
      const learner = again.signIns.find((s) => s.role === "learner")!;
      expect((await signIn(second.db, { email: learner.email, password: learner.password, ip: "::1" })).ok).toBe(true);
      expect(await inSequence(await listLearners(second.db, admin.scope), async (l) => (await listDocuments(second.db, admin.scope, l.id)).length)).toEqual(counts);
      await second.close();
    } finally {
      await temp.cleanup();
    }
  });

  it("adds a person added to the demo later (the EQA) to a demo centre seeded before, and nothing else", async () => {
    const temp = await freshTarget();
    try {
      const database = await connectDatabase(temp.target);
      const seeded = await seedDemoCentre(database.db, { seed: 43 });
      const eqa = seeded.signIns.find((s) => s.role === "eqa")!;
      // A demo centre from before the EQA joined the demo: the same people but the EQA.
      const [user] = await rows<{ id: string }>(database.db, "select id from users where email = ?", eqa.email);
      expect(await rows(database.db, "delete from memberships where user_id = ? returning id", user!.id)).toHaveLength(1);
      expect(await rows(database.db, "delete from users where id = ? returning id", user!.id)).toHaveLength(1);
      const people = async () => (await rows<{ n: number }>(database.db, "select count(*) as n from users"))[0]!.n;
      const before = await people();
      const documents = (await rows<{ n: number }>(database.db, "select count(*) as n from documents"))[0]!.n;

      const again = await seedDemoCentre(database.db, { seed: 43 });
      expect(again).toMatchObject({ created: false, documents: 0 });
      expect(Number(await people())).toBe(Number(before) + 1);
      expect((await rows<{ n: number }>(database.db, "select count(*) as n from documents"))[0]!.n).toEqual(documents);
      const signedIn = await signIn(database.db, { email: eqa.email, password: eqa.password, ip: "::1" });
      expect(signedIn.ok && signedIn.scope.role).toBe("eqa");
      // A third start adds no one.
      await seedDemoCentre(database.db, { seed: 43 });
      expect(Number(await people())).toBe(Number(before) + 1);
      await database.close();
    } finally {
      await temp.cleanup();
    }
  });
});
