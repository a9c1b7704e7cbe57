import { describe, expect, it } from "vitest";
import { registry } from "../index.ts";
import { attachmentKindOf, attachmentRefusal, attachmentRule, type AttachmentRule } from "./attachmentRule.ts";

const rule: AttachmentRule = { title: "Observation/Recording", kinds: ["audio", "video", "pdf"], maxBytes: 10 * 1024 * 1024 };

describe("attachment rules of templates", () => {
  it("names the kind of each sniffed media type", () => {
    expect(["application/pdf", "image/png", "audio/mpeg", "video/mp4", "message/rfc822", "application/vnd.ms-outlook", "text/plain", "application/vnd.oasis.opendocument.text", "application/x-msdownload"].map(attachmentKindOf)).toEqual([
      "pdf",
      "image",
      "audio",
      "video",
      "email",
      "email",
      "text",
      "office",
      undefined,
    ]);
  });

  it("refuses a file of another kind or over the template's size, naming the list and the rule", () => {
    expect(attachmentRefusal(rule, { mediaType: "audio/mpeg", size: 1000 })).toBeUndefined();
    expect(attachmentRefusal(rule, { mediaType: "image/jpeg" })).toBe("Observation/Recording: attach audio recordings, video recordings or PDFs only; this file is an image.");
    expect(attachmentRefusal(rule, { size: 10 * 1024 * 1024 + 1 })).toBe("Observation/Recording: a file may be at most 10 MB.");
  });

  it("reads the rule a template declares, and none where it declares none", () => {
    expect(attachmentRule(registry.get("ilm-8588/supervisor-feedback")!)).toMatchObject({ title: "Observation/Recording", kinds: expect.arrayContaining(["audio", "video"]) });
    expect(attachmentRule(registry.get("ilm-8588/session-record")!)).toBeUndefined();
  });
});
