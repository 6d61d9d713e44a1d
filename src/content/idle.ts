/**
 * Running work when the page is idle and in short slices, so the extension never causes a long
 * task (50 ms or more) on the page's main thread.
 */
import { mapSteps, runInSlices } from './slices';

// Idle callbacks may never come on a busy or hidden page; after this long the work runs anyway.
const IDLE_TIMEOUT_MS = 1_000;

type IdleWindow = Pick<Window, 'setTimeout' | 'clearTimeout'> & {
  requestIdleCallback?: Window['requestIdleCallback'];
  cancelIdleCallback?: Window['cancelIdleCallback'];
};

/** Calls `task` once the page is idle (or after a second at most); returns a cancel function. */
export function whenIdle(win: IdleWindow, task: () => void): () => void {
  if (typeof win.requestIdleCallback === 'function') {
    const handle = win.requestIdleCallback(() => task(), { timeout: IDLE_TIMEOUT_MS });
    return () => win.cancelIdleCallback?.(handle);
  }
  const handle = win.setTimeout(task, 1);
  return () => win.clearTimeout(handle);
}

/** Resolves once the page is idle. */
export function idle(win: IdleWindow): Promise<void> {
  return new Promise((resolve) => whenIdle(win, resolve));
}

/**
 * Maps `items` with `step` in slices of about 8 ms, yielding to the page between slices.
 * `cancelled` is asked between slices so superseded work stops early (then null is returned).
 */
export async function mapInSlices<T, R>(
  win: IdleWindow,
  items: readonly T[],
  step: (item: T, index: number) => R,
  cancelled: () => boolean = () => false,
): Promise<R[] | null> {
  if (items.length === 0) return [];
  return runInSlices(mapSteps(items, step), { pause: () => idle(win), cancelled });
}
