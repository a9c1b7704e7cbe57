/** Shared timing helpers: medians of batches, so one slow batch (GC, another process) does not decide. */

export const FAST = process.env.ILM_FORMS_BENCH_FAST === "1";

/**
 * Times a function: warms it up, then runs batches and returns the median time per call.
 *
 * @param fn - what to time
 * @param batches - how many batches
 * @param perBatch - calls per batch
 * @returns microseconds per call (median over batches)
 */
export function timePerCall(fn: () => unknown, batches: number, perBatch: number): number {
  for (let i = 0; i < Math.min(perBatch, 200); i++) fn();
  const results: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perBatch; i++) fn();
    results.push(Number(process.hrtime.bigint() - start) / 1000 / perBatch);
  }
  return median(results);
}

/**
 * Alternates two functions batch by batch so both see the same machine conditions.
 *
 * @returns microseconds per call of each (median over batches)
 */
export function compare(a: () => unknown, b: () => unknown, batches: number, perBatch: number): [number, number] {
  const ta: number[] = [];
  const tb: number[] = [];
  // Warm both up to a steady state before timing (the JIT optimises a function after many calls; a
  // large function like checkPortfolio needs more of them than a generated validator): alternate for
  // at least 100 calls each and at least half a second (a fifth in fast mode).
  const warmUntil = performance.now() + (FAST ? 200 : 500);
  for (let i = 0; i < 100 || performance.now() < warmUntil; i++) {
    a();
    b();
  }
  for (let batch = 0; batch < batches; batch++) {
    ta.push(timePerCall(a, 1, perBatch));
    tb.push(timePerCall(b, 1, perBatch));
  }
  return [median(ta), median(tb)];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `1.04x (goal ≤ 1.1x) ok` */
export function verdict(ratio: number, goal: number): string {
  return `${ratio.toFixed(2)}x (goal ≤ ${goal}x) ${ratio <= goal ? "ok" : "MISSED"}`;
}

export const us = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} ms` : `${value.toFixed(1)} µs`);
