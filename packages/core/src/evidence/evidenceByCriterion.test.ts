import { describe, expect, it } from "vitest";
import { registry } from "../index.ts";
import type { PortfolioDocument } from "../portfolio/types.ts";
import { findUnit } from "../qualification/findUnit.ts";
import { criteriaEvidenced } from "./criteriaEvidenced.ts";
import { evidenceByCriterion } from "./evidenceByCriterion.ts";

const qualification = registry.qualification("ilm-8588")!;
const unit501 = findUnit(qualification, "501")!;
const source = (d: PortfolioDocument) => ({ template: registry.get(d.template, d.version), data: d.data });

const observation: PortfolioDocument = {
  id: "observation",
  template: "ilm-8588/assessor-observation",
  data: { learnerName: "Alex Morgan", assessorName: "Sam Patel", date: "2027-03-01", unit: "501", observations: [{ criteria: ["501:3.4"] }, { criteria: ["501:2.2", "501:3.4"] }] },
};
const testimony: PortfolioDocument = { id: "testimony", template: "ilm-8588/witness-testimony", data: { learnerName: "Alex Morgan", witnessName: "Jo Reid", unit: "501", criteria: ["501:1.3"] } };
const reflectiveLog: PortfolioDocument = { id: "log", template: "ilm-8588/reflective-log", data: {} };

describe("criteriaEvidenced()", () => {
  it("narrows an observation and a testimony to the criteria their own lists name", () => {
    expect(criteriaEvidenced(registry.get(observation.template)!, observation.data)).toEqual(["501:2.2", "501:3.4"]);
    expect(criteriaEvidenced(registry.get(testimony.template)!, testimony.data)).toEqual(["501:1.3"]);
  });

  it("gives nothing for a list that names nothing, and ignores criteria the template does not name", () => {
    const template = registry.get(testimony.template)!;
    expect(criteriaEvidenced(template, { ...testimony.data, criteria: [] })).toEqual([]);
    expect(criteriaEvidenced(template, { ...testimony.data, criteria: ["500:1.1", 42] })).toEqual([]);
    expect(criteriaEvidenced(template, null)).toEqual([]);
  });

  it("keeps only the criteria of the unit a document says it is for", () => {
    const template = registry.get("ilm-8588/portfolio-introduction")!;
    const introduction = { learnerName: "Alex Morgan", unit: "503", date: "2027-05-01" };
    expect(criteriaEvidenced(template, introduction)).toEqual(["503:1.1", "503:1.2", "503:1.3", "503:2.1", "503:2.2", "503:2.3"]);
    expect(criteriaEvidenced(template, { ...introduction, unit: undefined })).toEqual(template.annotations.criteria);
    const observation501 = registry.get("ilm-8588/assessor-observation")!;
    expect(criteriaEvidenced(observation501, { ...observation.data, unit: "502" })).toEqual([]);
  });

  it("keeps x-ilm.criteria for a template with no such list", () => {
    const template = registry.get(reflectiveLog.template)!;
    expect(criteriaEvidenced(template, reflectiveLog.data)).toEqual(template.annotations.criteria);
  });
});

describe("evidenceByCriterion()", () => {
  it("lists every criterion of the unit, each with the documents that evidence it, in the order given", () => {
    const evidence = evidenceByCriterion(unit501, [observation, testimony, reflectiveLog, { id: "x", template: "ilm-8588/nothing", data: {} }], source);
    expect([...evidence.keys()]).toHaveLength(11);
    const ids = (criterion: string) => evidence.get(criterion)!.map((d) => d.id);
    expect(ids("501:3.4")).toEqual(["observation", "log"]);
    expect(ids("501:2.2")).toEqual(["observation"]);
    expect(ids("501:1.3")).toEqual(["testimony"]);
    expect(ids("501:1.1")).toEqual([]);
    expect(ids("501:3.1")).toEqual(["log"]);
  });
});

describe("a professional discussion (x-ilm.criteriaFrom: document)", () => {
  it("evidences the criteria its time-stamped entries name, of its own unit only", () => {
    const template = registry.get("ilm-8588/professional-discussion")!;
    const data = { learnerName: "Alex Morgan", assessorName: "Sam Patel", date: "2027-03-01", unit: "501", duration: 1, entries: [{ time: "01:55", criteria: ["501:2.1"] }, { time: "02:43", criteria: ["501:3.1", "501:3.2", "503:1.1"] }] };
    expect(criteriaEvidenced(template, data)).toEqual(["501:2.1", "501:3.1", "501:3.2"]);
    expect(criteriaEvidenced(template, { ...data, entries: [] })).toEqual([]);
    const byCriterion = evidenceByCriterion(unit501, [{ id: "pd", template: template.id, data } as PortfolioDocument], source);
    expect(byCriterion.get("501:2.1")?.map((d) => d.id)).toEqual(["pd"]);
    expect(byCriterion.get("501:1.1") ?? []).toEqual([]);
  });
});
