import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A dashboard started for a test: its own port and its own SQLite file. */
export interface TestServer {
  url: string;
  /** The demo sign-ins the server printed, by email. */
  signIns: Map<string, { role: string; email: string; password: string }>;
  databasePath: string;
  /** The server's process id (to read its memory). */
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the built dashboard (`node server.js`, production mode) on a free port with a new database
 * filled with the demo centre, and waits until it listens.
 *
 * @param env - extra environment
 * @returns the running server
 */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "ilm-dashboard-"));
  const databasePath = join(dir, "test.sqlite");
  const child: ChildProcess = spawn(process.execPath, ["server.js"], {
    cwd: appDir,
    // DATABASE_URL only when the test asks for PostgreSQL (an outer one must not redirect a SQLite test).
    env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATABASE_PATH: databasePath, DATABASE_URL: "", SEED_DEMO: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  while (!output.includes("ilm-forms dashboard on")) {
    if (child.exitCode !== null) throw new Error(`The dashboard exited: ${output}`);
    if (Date.now() - started > 60_000) throw new Error(`The dashboard did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 200)); // the sign-in lines follow in the same callback
  // PORT=0: the system chose a free port, which the server printed (no collision between test files).
  const port = Number(/ilm-forms dashboard on http:\/\/localhost:(\d+)/.exec(output)![1]);
  const signIns = new Map<string, { role: string; email: string; password: string }>();
  for (const line of output.split("\n")) {
    const m = /^\s+(\w+)\s+(\S+@\S+)\s+(\S+)\s*$/.exec(line);
    if (m) signIns.set(m[2]!, { role: m[1]!, email: m[2]!, password: m[3]! });
  }
  return {
    url: `http://127.0.0.1:${port}`,
    signIns,
    databasePath,
    pid: child.pid!,
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
