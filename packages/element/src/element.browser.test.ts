import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The built element (dist/ilm-form.js, as a page loads it) in a native form, served with a strict
// Content-Security-Policy. The portal test drives the packed package the same way, with a server.
const root = join(import.meta.dirname, "..");
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
let server: Server;
let url: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://test").pathname;
    const file = path === "/" ? join(root, "test-page/page.html") : path.startsWith("/dist/") ? join(root, path) : join(root, "test-page", path);
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": file.endsWith(".html") ? "text/html" : "text/javascript", "content-security-policy": CSP }).end(body);
    } catch {
      response.writeHead(path === "/favicon.ico" ? 204 : 404, { "content-security-policy": CSP }).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("<ilm-form> in a native form, in Chromium under a strict CSP", () => {
  it("keeps the form from submitting while the document is invalid, says why, and shows the errors", async () => {
    await page.goto(url);
    const element = page.locator("ilm-form");
    await element.locator("form.ilm-form").waitFor();
    await page.getByRole("button", { name: "Send" }).click();
    await element.getByRole("alert").getByRole("link", { name: "Client Ref/ID is required" }).waitFor();
    expect(await page.locator("#posted").innerText()).toBe("");
    expect(await element.evaluate((node) => (node as HTMLElement & { validationMessage: string }).validationMessage)).toMatch(/^Client Ref\/ID is required \(and \d+ more\)$/);
  });

  it("posts the document as JSON under its name once it is valid, and sends change events", async () => {
    const element = page.locator("ilm-form");
    await element.getByLabel("Client Ref/ID").fill("Client 2");
    await element.getByLabel("Session No.").fill("3");
    await element.getByLabel("Date of Session").fill("2026-03-10");
    const duration = element.getByRole("group", { name: /^Duration/ });
    await duration.getByLabel("Hours").fill("1");
    await duration.getByLabel("Minutes").fill("30");
    await expect.poll(() => element.evaluate((node) => (node as HTMLElement & { validationMessage: string }).validationMessage)).toBe("");
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => page.locator("#posted").innerText()).not.toBe("");
    expect(JSON.parse(await page.locator("#posted").innerText())).toMatchObject({ clientRef: "Client 2", sessionNo: 3, sessionDate: "2026-03-10", duration: 90 });
    expect(Number(await page.locator("#changes").innerText())).toBeGreaterThan(0);
  });

  it("shows a document set through the value property", async () => {
    const element = page.locator("ilm-form");
    await element.evaluate((node) => {
      (node as HTMLElement & { value: unknown }).value = { clientRef: "Client 5", sessionDate: "2026-04-01", duration: 120 };
    });
    await expect.poll(() => element.getByLabel("Client Ref/ID").inputValue()).toBe("Client 5");
    expect(problems).toEqual([]);
  });

  it("takes a document from its value attribute, goes back to it when the form is reset, and sends a cancelable submit event with the document", async () => {
    await page.goto(url);
    const element = page.locator("ilm-form");
    await element.locator("form.ilm-form").waitFor();
    const stored = { clientRef: "Client 8", sessionNo: 4, sessionDate: "2026-05-06", duration: 75, goal: "From the attribute" };
    await element.evaluate((node, json) => node.setAttribute("value", json), JSON.stringify(stored));
    await expect.poll(() => element.getByLabel("Client Ref/ID").inputValue()).toBe("Client 8");
    expect(await element.evaluate((node) => (node as HTMLElement & { value: Record<string, unknown> }).value)).toMatchObject(stored);

    await element.getByLabel("Client Ref/ID").fill("Client 9");
    await expect.poll(() => element.evaluate((node) => (node as HTMLElement & { value: { clientRef?: string } }).value.clientRef)).toBe("Client 9");
    await page.evaluate(() => (document.getElementById("portal") as HTMLFormElement).reset());
    await expect.poll(() => element.getByLabel("Client Ref/ID").inputValue()).toBe("Client 8");

    // The element's own button: a `submit` event carrying the document; a page that cancels it keeps
    // the surrounding form from being submitted.
    await page.evaluate(() => {
      const node = document.querySelector("ilm-form")!;
      node.addEventListener("submit", (event) => {
        if (!(event instanceof CustomEvent)) return;
        document.getElementById("changes")!.dataset.submitted = JSON.stringify(event.detail);
        event.preventDefault();
      });
    });
    await element.getByRole("button", { name: "Save and continue" }).click();
    await expect.poll(() => page.locator("#changes").getAttribute("data-submitted")).not.toBeNull();
    const detail = JSON.parse((await page.locator("#changes").getAttribute("data-submitted"))!) as { data: Record<string, unknown>; template: string };
    expect(detail.template).toBe("ilm-8588/session-record");
    expect(detail.data).toMatchObject({ clientRef: "Client 8", sessionNo: 4, duration: 75 });
    expect(await page.locator("#posted").innerText()).toBe("");
    expect(problems).toEqual([]);
  });
});
