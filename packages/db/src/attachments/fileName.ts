/** The longest file name kept, in characters. */
export const FILE_NAME_MAX = 200;

/**
 * The name a file is shown and downloaded under: the last part of whatever path the browser sent,
 * without control characters or characters that break a header, trimmed to {@link FILE_NAME_MAX}.
 *
 * @param name - the name as uploaded
 * @returns a safe name, `file` when nothing is left
 */
export function evidenceFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = last.normalize("NFC").replace(/[\u0000-\u001f\u007f"<>|*?:]/g, "_").trim().replace(/^\.+/, "");
  return Array.from(clean).slice(0, FILE_NAME_MAX).join("") || "file";
}
