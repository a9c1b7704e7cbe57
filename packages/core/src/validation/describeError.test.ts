import { describe, expect, it } from "vitest";
import { validate } from "../index.ts";

const record = { clientRef: "Client 1", sessionNo: 1, sessionDate: "2026-03-10", duration: 1 };

describe("describeError()", () => {
  it("says a duration of 0 must be at least 1 minute, naming the field by its title", () => {
    const result = validate("ilm-8588/session-record", { ...record, duration: 0 });
    expect(result.errors).toEqual([
      { path: "/duration", field: "Duration", location: "Duration", rule: "minimum", message: "Duration must be at least 1 minute" },
    ]);
  });

  it("names a missing field by its title and points at it", () => {
    const { clientRef: _omitted, ...rest } = record;
    const [error] = validate("ilm-8588/session-record", rest).errors;
    expect(error).toMatchObject({ path: "/clientRef", field: "Client Ref/ID", rule: "required", message: "Client Ref/ID is required" });
  });

  it("explains a date that does not exist", () => {
    const [error] = validate("ilm-8588/session-record", { ...record, sessionDate: "2026-02-30" }).errors;
    expect(error!.message).toBe("Date of Session must be a real date, written as YYYY-MM-DD");
  });

  it("says what type a field must hold", () => {
    const [error] = validate("ilm-8588/session-record", { ...record, sessionNo: "two" }).errors;
    expect(error!.message).toBe("Session No. must be a whole number");
  });

  it("bounds text and says by how much", () => {
    const [error] = validate("ilm-8588/session-record", { ...record, goal: "x".repeat(20001) }).errors;
    expect(error!.message).toBe("Goal for today’s meeting must be at most 20000 characters long");
  });

  it("refuses fields the template does not have", () => {
    const [error] = validate("ilm-8588/session-record", { ...record, clientName: "Sarah" }).errors;
    expect(error).toMatchObject({ path: "/clientName", rule: "additionalProperties", message: "clientName is not a field of this form" });
  });

  it("names a stray field with an empty name in words", () => {
    const [error] = validate("ilm-8588/session-record", { ...record, "": 1 }).errors;
    expect(error).toMatchObject({ path: "/", field: "A field with an empty name", message: "A field with an empty name is not a field of this form" });
  });

  it("reports every problem at once", () => {
    const result = validate("ilm-8588/session-record", { sessionNo: 0, duration: -1 });
    expect(result.errors.map((e) => e.path).sort()).toEqual(["/clientRef", "/duration", "/sessionDate", "/sessionNo"]);
  });

  it("lets a draft leave required fields empty but still checks what is filled in", () => {
    expect(validate("ilm-8588/session-record", { sessionNo: 1 }, { draft: true }).valid).toBe(true);
    expect(validate("ilm-8588/session-record", { duration: 0 }, { draft: true }).errors.map((e) => e.rule)).toEqual(["minimum"]);
  });

  it("answers an unknown template with an error, not an exception", () => {
    expect(validate("ilm-8588/nothing", {}).errors[0]!.message).toBe("There is no template ilm-8588/nothing");
  });

  it.each([null, 42, "text", [], undefined])("answers a document that is not an object (%s) with an error", (document) => {
    const result = validate("ilm-8588/session-record", document);
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.message).toMatch(/must be a group of fields/);
  });
});
