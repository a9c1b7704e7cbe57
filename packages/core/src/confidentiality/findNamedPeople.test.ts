import { describe, expect, it } from "vitest";
import { builtinRegistry as registry } from "../registry/builtinRegistry.ts";
import { findNamedPeople, namesUsedIn } from "../builtin.ts";
import { namesIn } from "./findNamedPeople.ts";

const record = (reality: string) => ({ id: "sr-1", template: "ilm-8588/session-record", data: { clientRef: "Client 1", sessionNo: 1, sessionDate: "2026-01-05", duration: 1, reality } });

describe("findNamedPeople()", () => {
  it("warns on a common first name in free text, with the field's title and pointer", () => {
    expect(findNamedPeople(record("Sarah said the week had been hard."), { registry })).toEqual([
      {
        documentId: "sr-1",
        path: "/reality",
        field: "Reality/current situation",
        name: "Sarah",
        message: "“Sarah” in “Reality/current situation” looks like a person’s name: refer to clients by reference only (for example “Client 1”) and leave other people unnamed.",
      },
    ]);
  });

  it("leaves client references, tools in capitals and ordinary sentences alone", () => {
    expect(findNamedPeople(record("Client 1 used GROW and the Johari window. Will she delegate? May be."), { registry })).toEqual([]);
  });

  it("treats words that are also names (Will, Grace, May) as names only away from the start of a sentence", () => {
    expect(namesIn("Will the plan work? Grace under pressure matters.")).toEqual([]);
    expect(namesIn("She met Grace and Will on Monday.")).toEqual(["Grace", "Will"]);
    expect(namesIn("The review is in May this year.")).toEqual([]);
    expect(namesIn("She spoke to May Kettering about it.")).toEqual(["May"]);
  });

  it("flags a name the learner used elsewhere, even when it is not a common first name", () => {
    const documents = [
      { id: "c", template: "ilm-8588/contract", data: { clientRef: "Client 1", clientSignature: { name: "Zofia Adeyemi", date: "2026-01-02" } } },
      record("Spoke with Adeyemi about the rota."),
    ];
    const knownNames = namesUsedIn(documents, registry);
    expect(knownNames).toEqual(["Zofia Adeyemi"]);
    expect(findNamedPeople(documents, { registry, knownNames }).map((w) => [w.documentId, w.name])).toEqual([["sr-1", "Adeyemi"]]);
  });

  it("does not search name and signature fields", () => {
    const log = { id: "rl", template: "ilm-8588/reflective-log", data: { coachName: "Sarah Jones", clientRef: "Client 1", sessionDate: "2026-01-05", listening: "Well." } };
    expect(findNamedPeople(log, { registry, knownNames: ["Sarah Jones"] })).toEqual([]);
  });

  it("finds names in rows of arrays", () => {
    const needs = { id: "dn", template: "ilm-8588/development-needs", data: { clientRef: "Client 1", developmentNeeds: [{ need: "Delegating", goal: "Hand work to Priya and Tom by March." }] } };
    expect(findNamedPeople(needs, { registry }).map((w) => [w.path, w.name])).toEqual([
      ["/developmentNeeds/0/goal", "Priya"],
      ["/developmentNeeds/0/goal", "Tom"],
    ]);
  });

  it("skips documents of unknown templates", () => {
    expect(findNamedPeople({ id: "x", template: "nope/nothing", data: { text: "Sarah" } }, { registry })).toEqual([]);
  });
});
