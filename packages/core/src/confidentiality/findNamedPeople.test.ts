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

  it("flags a person's name typed into a client reference, where any name counts (even one that begins the text)", () => {
    const log = (clientRef: string) => ({ id: "log", template: "ilm-8588/hours-log", data: { clientRef } });
    expect(findNamedPeople(log("Client 3"), { registry })).toEqual([]);
    expect(findNamedPeople(log("Sarah Jones"), { registry })).toEqual([
      {
        documentId: "log",
        path: "/clientRef",
        field: "Client ref/ID",
        name: "Sarah",
        message: "“Sarah” in “Client ref/ID” looks like a person’s name: a client reference names no one; write it as “Client 1”, “Client 2” and so on.",
      },
    ]);
    expect(findNamedPeople(log("Grace"), { registry }).map((w) => w.name)).toEqual(["Grace"]);
    const supervision = { id: "sup", template: "ilm-8588/supervision-record", data: { clientsDiscussed: ["Client 1", "Tom"] } };
    expect(findNamedPeople(supervision, { registry }).map((w) => [w.path, w.name])).toEqual([["/clientsDiscussed/1", "Tom"]]);
  });
});

describe("names the learner typed reach a regular expression only as plain words (ASVS 1.2.9)", () => {
  // The matcher compiles the learner's known names into one regular expression. A name with a
  // metacharacter in it must never reach it: "(" would throw, ".*" or "a|" would match any text.
  const HOSTILE = [".*", "A.*", "Ann|.", "(", "Zed)", "[a-z]+", "Bob\\", "Ann$", "^", "Sam?", "Tim{0}", "Kay+", "(?=)", "Lee|", "\\w+", "Ann\u2028", "Ann\u0000"];

  it("finds no name in ordinary text and does not throw when the known names are full of metacharacters", () => {
    const text = "Client 1 used GROW; the plan (step 2) costs £5.* [draft] a|b ok? ^$ \\w+";
    expect(namesIn(text, new Set(HOSTILE))).toEqual([]);
    // Through the public path: names from the learner's person-name fields, split into words.
    expect(findNamedPeople(record(text), { registry, knownNames: HOSTILE.map((h) => `Priya ${h}`) })).toEqual([]);
    // The metacharacters are text: a plain known word next to them is still found, once.
    expect(namesIn("We met Zorba (Zed) at 10.", new Set([...HOSTILE, "Zorba"]))).toEqual(["Zorba"]);
  });
});
