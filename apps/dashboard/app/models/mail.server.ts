import nodemailer, { type Transporter } from "nodemailer";

/** The optional SMTP setting (`SMTP_URL`, `SMTP_FROM`): without it, no e-mail is sent and links are passed on by hand. */
export interface MailConfig {
  smtpUrl?: string;
  smtpFrom?: string;
}

const transports = new Map<string, Transporter>();

/** Whether the dashboard can send e-mail. */
export function canSendMail(config: MailConfig): boolean {
  return Boolean(config.smtpUrl && config.smtpFrom);
}

/** An address worth trying: one `@`, no spaces or header-breaking characters, 254 characters at most. */
export function isEmailAddress(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return value.length <= 254 && /^[^\s@<>()[\],;:"\\\u0000-\u001f]+@[^\s@<>()[\],;:"\\\u0000-\u001f]+\.[^\s@<>()[\],;:"\\\u0000-\u001f]+$/.test(value);
}

/**
 * Sends a signing link to the person asked to sign, through the centre's SMTP server. The address is
 * used for this message only and not kept; the message names no client.
 *
 * @param config - the SMTP setting
 * @param input - the address, the link, what the signature is (`Signature of Client`), the document's title, and when the link expires
 * @returns resolves when the SMTP server accepted the message; rejects when it did not
 */
export async function sendSigningLink(config: MailConfig, input: { to: string; link: string; signature: string; document: string; expiresAt: string }): Promise<void> {
  if (!config.smtpUrl || !config.smtpFrom) throw new Error("SMTP_URL and SMTP_FROM are not set");
  let transport = transports.get(config.smtpUrl);
  if (!transport) transports.set(config.smtpUrl, (transport = nodemailer.createTransport(config.smtpUrl)));
  const as = input.signature.replace(/^Signature of /, "").toLowerCase();
  await transport.sendMail({
    from: config.smtpFrom,
    to: input.to,
    subject: `Please sign: ${input.document}`,
    text: [
      `You are asked to sign "${input.document}" as the ${as}.`,
      "",
      "Open this link, read the document, and type your name to sign it. You do not need an account.",
      "",
      input.link,
      "",
      `The link works once and expires on ${input.expiresAt.slice(0, 10)}. If you did not expect it, ignore this e-mail.`,
    ].join("\n"),
  });
}
