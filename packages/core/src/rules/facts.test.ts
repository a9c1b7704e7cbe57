import { describe, expect, it } from "vitest";
import { builtinRegistry } from "../registry/builtinRegistry.ts";
import { roleReaders } from "../roles/fieldsByRole.ts";
import type { KnownDocument } from "./facts.ts";
import { sessionRowsBothWays } from "./sessionRows.ts";

function known(templateId: string, data: Record<string, unknown>): KnownDocument {
  const template = builtinRegistry.get(templateId)!;
  return { document: { id: "d", template: templateId, version: template.version, data }, template, readers: roleReaders(template), valid: true, client: "Client 1", clientKey: "client 1", memo: {} };
}

describe("session rows read in one walk", () => {
  it("gives the rows of an hours log that one walk a role gives, in the same order, over rows of every kind", () => {
    const rows = [
      { sessionNo: 1, sessionDate: "2025-04-01", duration: 1.5 },
      { sessionNo: 2, duration: 1 }, // no date: after the dated rows
      { sessionDate: "not a date", duration: 0.75 }, // only a duration counts: last
      {}, // nothing: no row
      { sessionNo: 3.5, sessionDate: "2025-04-20" }, // a number that is not whole is left out
      { sessionNo: 4, sessionDate: "2025-05-02", duration: 0 }, // no hours above zero
      "not a row",
      null,
      { sessionNo: 5 },
      { duration: 2, sessionDate: "2025-06-01" },
    ];
    const { sideBySide, general } = sessionRowsBothWays(known("ilm-8588/hours-log", { clientRef: "Client 1", sessions: rows }));
    expect(sideBySide).toBeDefined();
    expect(sideBySide).toEqual(general);
    expect(general.map((r) => r.firstPath)).toEqual(["/sessions/0/sessionDate", "/sessions/4/sessionDate", "/sessions/5/sessionDate", "/sessions/9/sessionDate", "/sessions/1/sessionNo", "/sessions/8/sessionNo", "/sessions/2/duration"]);
    expect(general[0]).toMatchObject({ date: "2025-04-01", sessionNo: 1, minutes: 1.5, hoursPath: "/sessions/0/duration" });
  });

  it("gives the one row of a session record either way, and none for a document that is not an object", () => {
    const record = sessionRowsBothWays(known("ilm-8588/session-record", { sessionNo: 7, sessionDate: "2025-04-01", duration: 1 }));
    expect(record.sideBySide).toEqual(record.general);
    expect(record.general).toEqual([{ firstPath: "/sessionDate", date: "2025-04-01", sessionNo: 7, minutes: 1, hoursPath: "/duration" }]);
    const empty = sessionRowsBothWays(known("ilm-8588/session-record", [] as unknown as Record<string, unknown>));
    expect(empty).toEqual({ sideBySide: [], general: [] });
  });

  it("gives each row of a diary of many clients its own client, either way", () => {
    const sessionLog = [
      { clientRef: " Client 2 ", date: "2026-01-13", duration: 1.5 },
      { date: "2026-01-20", duration: 1 },
      { clientRef: "Client 3", duration: 2 },
    ];
    const diary = sessionRowsBothWays(known("ilm-l7-extended-diary/extended-diary", { sessions: { sessionLog } }));
    expect(diary.sideBySide).toBeDefined();
    expect(diary.sideBySide).toEqual(diary.general);
    expect(diary.general.map((r) => r.client)).toEqual(["Client 2", undefined, "Client 3"]);
  });
});
