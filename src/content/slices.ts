/**
 * Long work on the page's main thread, cut into slices. The work is written as a generator that
 * yields wherever it may pause (every few hundred nodes of a walk, between two searches); a driver
 * runs it either to the end at once (the command line, tests) or a slice at a time, handing the
 * thread back to the page between slices, so that no task of the extension's becomes a long task
 * (50 ms or more) however large the page.
 */

/** Work that may pause wherever it yields, and returns a `T` at the end. */
export type Steps<T> = Generator<void, T, void>;

/**
 * Longest a slice runs before the driver pauses. Well under the 50 ms of a long task, leaving room
 * for the one step that overruns it (a native call such as cloning or a Readability run).
 */
export const SLICE_MS = 8;

/** How the driver pauses and when it stops. */
export interface SliceOptions {
  /** Hands the thread back to the page; resolves when the work may go on. */
  pause: () => Promise<void>;
  /** Longest a slice runs (checked at each yield); default SLICE_MS. */
  sliceMs?: number;
  /** Asked after every pause: true abandons the work, and the result is null. */
  cancelled?: () => boolean;
  /** The clock, in milliseconds; default performance.now. */
  now?: () => number;
}

/** Runs `steps` to the end without pausing and returns their result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs `steps` a slice at a time: after each yield, once the slice has run `sliceMs`, pauses with
 * `options.pause`. Resolves with the result, or null when `cancelled` said so after a pause (the
 * generator is then closed, so its `finally` blocks run). An error thrown by the work rejects.
 */
export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions): Promise<T | null> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const now = options.now ?? (() => performance.now());
  const cancelled = options.cancelled ?? (() => false);
  const stop = (): null => {
    steps.return(undefined as never);
    return null;
  };
  // A first pause, so that the work never runs inside the task that asked for it.
  await options.pause();
  if (cancelled()) return stop();
  let sliceEnd = now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() >= sliceEnd) {
      await options.pause();
      if (cancelled()) return stop();
      sliceEnd = now() + sliceMs;
    }
  }
}

/** Calls `step` on each item, yielding between items: a list mapped in steps. */
export function* mapSteps<T, R>(
  items: readonly T[],
  step: (item: T, index: number) => R,
): Steps<R[]> {
  const out: R[] = [];
  for (let index = 0; index < items.length; index++) {
    out.push(step(items[index]!, index));
    yield;
  }
  return out;
}
