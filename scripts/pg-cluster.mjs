// A throwaway PostgreSQL cluster for a test run: initdb in a temporary folder, started on a free
// local port, stopped and removed at the end. Debian's server refuses to run as root, so as root
// the cluster runs as the `postgres` user (runuser). Used by the vitest global setups of the
// packages whose suites run on PostgreSQL, and by `node scripts/pg-cluster.mjs` by hand.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

/** The folder holding initdb and pg_ctl, installing Debian's PostgreSQL when missing. */
export function postgresBin() {
  return execFileSync("bash", [join(root, "scripts", "ensure-postgresql.sh")], { encoding: "utf8" }).trim().split("\n").pop();
}

/** A free TCP port on 127.0.0.1, as the kernel hands it out. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a cluster (C collation, as SQLite compares text: byte by byte) and answers its URL.
 *
 * @returns {Promise<{ url: string, port: number, dir: string, stop: () => void }>}
 */
export async function startCluster() {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), "ilm-pg-"));
  chmodSync(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool, args) => {
    const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]] : [join(bin, tool), args];
    const result = spawnSync(command, argv, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  run("initdb", ["-D", join(dir, "data"), "-A", "trust", "-U", "ilm", "-E", "UTF8", "--locale=C", "--no-sync"]);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      run("pg_ctl", [
        "-D", join(dir, "data"), "-w", "-t", "30", "-l", join(dir, "log"),
        "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
        "start",
      ]);
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgres://ilm@127.0.0.1:${port}/postgres`, port, dir, stop };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const cluster = await startCluster();
  console.log(cluster.url);
  const end = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", end);
  process.on("SIGTERM", end);
  setInterval(() => {}, 1 << 30);
}
