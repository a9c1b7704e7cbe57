import { accessSync, constants } from "node:fs";

/** The flags Debian's Chromium needs here (as root, on a closed network). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Thrown when PDF output is asked for and no Chromium can be found. */
export class ChromiumNotFoundError extends Error {
  constructor(path: string) {
    super(
      `PDF output needs Chromium, and none was found at ${path}. Install it (Debian: apt-get install chromium) ` +
        `or set CHROMIUM_PATH to its executable. HTML output works without it.`,
    );
    this.name = "ChromiumNotFoundError";
  }
}

/**
 * Where Chromium is: `CHROMIUM_PATH`, else `/usr/bin/chromium`. No browser is ever downloaded.
 *
 * @param explicit - a path given by the caller, preferred over the environment
 * @returns the executable's path
 * @throws ChromiumNotFoundError when the file is missing or not executable
 */
export function findChromium(explicit?: string): string {
  const path = explicit ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new ChromiumNotFoundError(path);
  }
  return path;
}
