import { describe, expect, it } from "vitest";
import { registry, validate } from "../index.ts";
import { withWordCounts } from "./withWordCounts.ts";

describe("withWordCounts()", () => {
  const assignment = registry.get("ilm-8588/assignment-500")!;

  it("writes the counted words over whatever was typed, without changing the document given", () => {
    const typed = { learnerName: "Priya Shah", registrationNo: "ILM-1", wordCount: 5000, introduction: "I coach managers in a housing association." };
    const counted = withWordCounts(assignment, typed);
    expect(counted).toEqual({ ...typed, wordCount: 7 });
    expect(typed.wordCount).toBe(5000);
  });

  it("gives a count far from the suggestion that still validates: the suggestion is guidance, never a refusal", () => {
    const counted = withWordCounts(assignment, { learnerName: "Priya Shah", registrationNo: "ILM-1", introduction: "Short." });
    expect(counted).toMatchObject({ wordCount: 1 });
    expect(validate("ilm-8588/assignment-500", counted)).toEqual({ valid: true, errors: [] });
  });

  it("returns the document itself when the template counts no words or the document is not an object", () => {
    const record = { clientRef: "Client 1" };
    expect(withWordCounts(registry.get("ilm-8588/session-record")!, record)).toBe(record);
    expect(withWordCounts(assignment, null)).toBeNull();
    expect(withWordCounts(assignment, ["a"])).toEqual(["a"]);
  });
});
