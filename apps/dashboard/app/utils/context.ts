import type { OpenDatabase } from "@ilm-forms/db";

/** What the server (server.js) gives every loader and action. */
export interface DashboardContext {
  cspNonce: string;
  csrfToken: string;
  database: OpenDatabase;
  config: {
    cookieSecure: boolean;
    maxBodyBytes: number;
    maxAttachmentBytes: number;
    portalOrigins: string[];
    /** How long a session may go unused (`SESSION_IDLE_MINUTES`); db's default (2 hours) when absent. */
    sessionIdleMs?: number;
    /** How many sessions one person may have (`SESSIONS_PER_PERSON`); db's default (10) when absent. */
    sessionsPerPerson?: number;
    /** PDF and ZIP downloads a person may ask for in ten minutes. */
    printedDownloadsPer10Minutes: number;
    /** Documents a person may save from the pages in ten minutes (`DOCUMENT_SAVES_PER_10_MINUTES`). */
    documentSavesPer10Minutes: number;
    /** The optional SMTP setting: a signing link can be e-mailed when both are set. */
    smtpUrl?: string;
    smtpFrom?: string;
  };
  /** Whether cookies are set with Secure: configured, or the request came over HTTPS. */
  secureCookies: boolean;
  clientIp: string;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends DashboardContext {}
}
