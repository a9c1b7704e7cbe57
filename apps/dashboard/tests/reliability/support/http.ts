import { expectedCsrfToken } from "../../../server/csrf.js";
/** One answer from the server, read whole. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

/** What to send. */
export interface Send {
  method?: string;
  /** Form fields; the CSRF field is added unless `csrf: false`. */
  form?: Record<string, string>;
  csrf?: boolean;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A browser-like client over real HTTP: keeps its cookies (session, CSRF), never follows redirects.
 */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {}

  /** The CSRF token the server expects in this client's forms: the session's when signed in, the CSRF cookie's otherwise. */
  get csrf(): string {
    return expectedCsrfToken([...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ")) ?? "";
  }

  /**
   * Sends one request.
   *
   * @param path - the path
   * @param send - what to send
   * @returns the answer
   */
  async request(path: string, send: Send = {}): Promise<Answer> {
    if (!this.cookies.has("ilm_csrf")) await this.fetch("/sign-in", {});
    return this.fetch(path, send);
  }

  private async fetch(path: string, send: Send): Promise<Answer> {
    const headers = new Headers({ ...this.extraHeaders, ...send.headers });
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    let body: string | undefined = send.body;
    if (send.form) {
      body = new URLSearchParams({ ...(send.csrf === false ? {} : { csrf: this.csrf }), ...send.form }).toString();
      headers.set("Content-Type", "application/x-www-form-urlencoded");
    } else if (send.json !== undefined) {
      body = JSON.stringify(send.json);
      headers.set("Content-Type", "application/json");
    }
    const response = await fetch(this.base + path, { method: send.method ?? (body !== undefined ? "POST" : "GET"), headers, body, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (/Max-Age=0/i.test(cookie) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, headers: response.headers, text: await response.text(), location: response.headers.get("Location") };
  }

  /**
   * Signs in through the sign-in form.
   *
   * @param email - the email
   * @param password - the password
   * @returns this client, signed in
   */
  async signIn(email: string, password: string): Promise<this> {
    const answer = await this.request("/sign-in", { form: { email, password } });
    if (answer.status !== 302 || !this.cookies.has("ilm_session")) throw new Error(`sign-in of ${email} failed: ${answer.status}`);
    return this;
  }
}
