import { registry } from "@ilm-forms/core";
import { describe, expect, it } from "vitest";
import { HOSTILE_STRINGS } from "../testing/generateDocument.ts";
import { documentFacts } from "./documentFacts.ts";
import { documentFileName } from "./documentFileName.ts";

describe("documentFileName()", () => {
  it("follows <registration>_<unit>_<document>_<client>_s<NN>", () => {
    const template = registry.get("ilm-8588/session-record")!;
    const facts = documentFacts(template, { clientRef: "Client 1", sessionNo: 2, sessionDate: "2026-03-03", duration: 1 });
    expect(documentFileName({ registrationNo: "ILM123456", unit: "501", templateId: template.id, facts, extension: "pdf" })).toBe(
      "ILM123456_501_session-record_client-1_s02.pdf",
    );
  });

  it("takes the unit from the template or the document when it has one", () => {
    const matrix = registry.get("ilm-8588/evidence-matrix-503")!;
    expect(documentFileName({ registrationNo: "ILM1", templateId: matrix.id, facts: documentFacts(matrix, {}), extension: "html" })).toBe("ILM1_503_evidence-matrix-503.html");
    const declaration = registry.get("ilm-8588/authenticity-declaration")!;
    const facts = documentFacts(declaration, { unit: "502", registrationNo: "ILM777", date: "2026-10-01" });
    expect(documentFileName({ templateId: declaration.id, facts, extension: "pdf" })).toBe("ILM777_502_authenticity-declaration_2026-10-01.pdf");
  });

  it("never yields a path, a hidden file or a control character, whatever the data", () => {
    const hostile = [...HOSTILE_STRINGS, "../../etc/passwd", "..\\..\\win.ini", "/abs/path", ".hidden", "a/b\\c:d*e?f\"g<h>i|j", "\u0000\u001f", "x".repeat(500)];
    for (const value of hostile) {
      const name = documentFileName({ registrationNo: value, unit: value, templateId: `x/${value}`, facts: { clientRef: value, date: value }, extension: "pdf" });
      expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*\.pdf$/);
      expect(name.length).toBeLessThanOrEqual(150);
      expect(name).not.toContain("..");
    }
  });

  it("names a document with no facts at all", () => {
    expect(documentFileName({ templateId: "ilm-8588/pdp", extension: "pdf" })).toBe("unregistered_pdp.pdf");
  });
});

describe("documentFacts()", () => {
  it("reads the unit a document is for from the field of the role unit-ref, not from a field's name", () => {
    const introduction = registry.get("ilm-8588/portfolio-introduction")!;
    expect(documentFacts(introduction, { learnerName: "Alex Morgan", unit: "503", date: "2027-05-01" }).unit).toBe("503");
    const properties = introduction.schema.properties as Record<string, Record<string, unknown>>;
    const { "x-ilm": _role, ...unitWithoutRole } = properties.unit!;
    const unannotated = { ...introduction, schema: { ...introduction.schema, properties: { ...properties, unit: unitWithoutRole } } };
    expect(documentFacts(unannotated, { unit: "503" }, new Set(["501"])).unit).toBe("501");
  });
});
