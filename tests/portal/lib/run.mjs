// Running commands with a time limit, and counting checks: the portal test's small toolbox.
import { spawn } from "node:child_process";

/**
 * Runs a command and resolves with its output; rejects on a non-zero exit or when the time is up.
 *
 * @param command - the program
 * @param args - its arguments
 * @param options - `cwd`, `timeoutMs` (default 300 s), `env`
 * @returns stdout and stderr together
 */
export function run(command, args, { cwd, timeoutMs = 300_000, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")}: no answer after ${timeoutMs / 1000} s\n${output.slice(-2000)}`));
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) exited with ${code}\n${output.slice(-4000)}`));
    });
  });
}

/** The checks of one run: each passes or fails with its reason; figures are printed beside them. */
export function createTally() {
  const checks = [];
  return {
    checks,
    /**
     * Runs one check: a thrown error fails it (and is printed), anything else passes it.
     *
     * @param name - what is checked, in words
     * @param body - the check
     * @returns what the body returned (true when nothing), or undefined when it failed
     */
    async check(name, body) {
      const started = performance.now();
      try {
        const value = await body();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        checks.push({ name, ok: true });
        // A body that returns nothing still passed: callers test the result against undefined.
        console.log(`  ok     ${name} (${seconds} s)`);
        return value ?? true;
      } catch (error) {
        checks.push({ name, ok: false, reason: error instanceof Error ? error.message : String(error) });
        console.log(`  FAILED ${name}\n${indent(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
        return undefined;
      }
    },
  };
}

function indent(text) {
  return text.split("\n").slice(0, 40).map((line) => `         ${line}`).join("\n");
}

/**
 * @param condition - what must hold
 * @param message - what is wrong when it does not
 */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
