/** Timing and summary helpers shared by the benchmarks. */

/** Median of a non-empty list (mean of the two middle values for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Processor time since `from` (user and system, every thread of the process), in ms: less moved
 * than wall time by other work on the machine.
 */
export function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

/** Value at quantile q (0..1) by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  ] as number;
}

/** How many repeated runs a measurement takes, and when it may stop early. */
export interface RepeatPlan {
  warmup: number;
  runs: number;
  /** Stop once this much time went into measured runs (at least `minRuns` are always made). */
  budgetMs: number;
  minRuns: number;
}

/**
 * Runs `work` repeatedly after a warm-up (so the JIT has compiled the hot paths) and returns the
 * duration of each measured run in milliseconds.
 */
export function timeRuns(work: () => void, plan: RepeatPlan): number[] {
  for (let i = 0; i < plan.warmup; i++) work();
  const times: number[] = [];
  let spent = 0;
  for (let i = 0; i < plan.runs; i++) {
    const t0 = performance.now();
    work();
    const dt = performance.now() - t0;
    times.push(dt);
    spent += dt;
    if (times.length >= plan.minRuns && spent > plan.budgetMs) break;
  }
  return times;
}

/** Rounds for display and JSON: figures carry no more digits than the measurement supports. */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Collects garbage until the heap settles, when Node runs with --expose-gc; heap figures need it.
 * A synchronous gc() can leave a large heap's garbage counted (V8 finishes sweeping and frees
 * some memory on later turns of the event loop): one gc() after compiling the 10,000-report corpus
 * still counted about 130 MB of the compile's garbage, which the next collection freed. So it
 * collects with turns of the event loop in between, until two readings agree.
 */
export async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc)
    throw new Error('run with node --expose-gc: heap figures need explicit garbage collection');
  let previous = Number.NaN;
  for (let pass = 0; pass < 10; pass++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = heapBytes();
    if (Math.abs(now - previous) < 2 ** 20) return;
    previous = now;
  }
}

/** Bytes the engine's data occupy: V8 heap plus typed-array backing stores, which live outside it. */
export function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
