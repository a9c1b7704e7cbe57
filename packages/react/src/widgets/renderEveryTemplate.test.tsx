import { registry } from "@ilm-forms/core";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { IlmForm } from "../form/IlmForm.tsx";
import { preloadTemplate } from "../form/loadTemplate.ts";

describe("IlmForm by id, before its template is loaded", () => {
  it("renders the loading line, then the whole form once preloadTemplate has resolved", async () => {
    const form = <IlmForm template="ilm-8588/supervision-record" draftKey={false} />;
    expect(renderToStaticMarkup(form)).toContain("Loading the form");
    await preloadTemplate("ilm-8588/supervision-record");
    expect(renderToStaticMarkup(form)).toContain("<form");
  });

  it("refuses an unknown version without loading anything", async () => {
    await expect(preloadTemplate("ilm-8588/session-record", "0.0.1")).rejects.toThrow("There is no template ilm-8588/session-record version 0.0.1");
  });
});

describe("IlmForm on the server", () => {
  beforeAll(async () => {
    await Promise.all(registry.listAllVersions().map((template) => preloadTemplate(template.id, template.version)));
  });

  for (const template of registry.list()) {
    it(`renders ${template.id} with labels bound to controls`, () => {
      const html = renderToStaticMarkup(<IlmForm template={template.id} draftKey={false} />);
      expect(html).toContain("<form");
      expect(html).toContain(template.title.replaceAll("&", "&amp;").replaceAll("'", "&#x27;").replaceAll('"', "&quot;"));
      expect(html).not.toContain("No id for");
      const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]));
      for (const [, target] of html.matchAll(/<label[^>]* for="([^"]+)"/g)) expect(ids.has(target), `label for ${target}`).toBe(true);
    });
  }

  it("says so when the template does not exist", () => {
    expect(renderToStaticMarkup(<IlmForm template="ilm-8588/nothing" />)).toContain("There is no template ilm-8588/nothing");
  });

  it("prints the contract's review clause with the number box in its blank", () => {
    const html = renderToStaticMarkup(<IlmForm template="ilm-8588/contract" draftKey={false} value={{ agreement: { reviewAfterSessions: 6 } }} />);
    expect(html).toMatch(/To review the contract after<\/label> <span class="ilm-clause__slot">.*value="6".*<\/span> <label for="root_agreement_reviewAndNoFaultEnding">sessions and have/);
  });
});

describe("paper-form text (x-ilm.paperOnly)", () => {
  beforeAll(async () => {
    await Promise.all(["ilm-8588/session-record", "ilm-8588/diary-cover"].map((id) => preloadTemplate(id)));
  });

  it("is left out of the screen's hint and kept only for print", () => {
    const html = renderToStaticMarkup(<IlmForm template="ilm-8588/session-record" draftKey={false} />);
    const phrase = "This page will require photocopying and completion for each session with an individual";
    expect(html).toContain(`<div class="ilm-hint ilm-print-only">${phrase}</div>`);
    expect(html.split(phrase).length).toBe(2);
    const cover = renderToStaticMarkup(<IlmForm template="ilm-8588/diary-cover" draftKey={false} />);
    expect(cover).toContain("This diary will help you to plan");
    expect(cover.match(/<div class="ilm-hint ilm-hint--lines"[^>]*>[^<]*<\/div>/)?.[0]).not.toContain("Please make a copy");
    expect(cover).toContain('<div class="ilm-hint ilm-print-only">(Please make a copy of the template for each individual as required)</div>');
  });
});
