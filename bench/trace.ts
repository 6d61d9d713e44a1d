/**
 * Reads a Chromium trace of one page load (timeline events plus V8 CPU samples) and tells how much
 * main-thread time the extension's code took, and in which tasks.
 */

/** One event of Chromium's trace-event format (the fields used here). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
}

/** What the trace says about the extension's main-thread work. */
export interface TraceFigures {
  /** Main-thread time with extension code on the stack (sampled), or null without samples. */
  extensionMs: number | null;
  /** Longest task in which extension code ran, and the extension's time in it. */
  longestTaskMs: number | null;
  longestTaskExtensionMs: number | null;
  /** Tasks of 50 ms or more that would have stayed under 50 ms without the extension's code. */
  causedLongTasks: number | null;
  /** Innermost extension function on the stack, by sampled time (callees in the browser included). */
  functions: { name: string; ms: number }[];
  /** Main-thread time of the load by kind of work, in ms (see WORK_KINDS). */
  work: Record<WorkKind, number> | null;
}

/** Kinds of main-thread work, by the trace events that mark them. */
const WORK_KINDS = {
  tasks: ['RunTask', 'ThreadControllerImpl::RunTask'],
  script: [
    'EvaluateScript',
    'FunctionCall',
    'v8.compile',
    'V8.CompileCode',
    'RunMicrotasks',
    'v8.callFunction',
  ],
  style_layout: ['UpdateLayoutTree', 'Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'Commit'],
  parse_html: ['ParseHTML'],
  gc: ['MajorGC', 'MinorGC', 'V8.GC_TIME_TO_SAFEPOINT'],
} as const;
/** A kind of main-thread work. */
export type WorkKind = keyof typeof WORK_KINDS;

/** Time covered by events of each kind on the thread, nested events of the same kind counted once. */
function workOf(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
): Record<WorkKind, number> {
  const work = {} as Record<WorkKind, number>;
  for (const [kind, names] of Object.entries(WORK_KINDS) as [WorkKind, readonly string[]][]) {
    const spans = events
      .filter(
        (e) =>
          e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && names.includes(e.name),
      )
      .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const)
      .sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = -Infinity;
    for (const [from, to] of spans) {
      if (to <= end) continue;
      total += to - Math.max(from, end);
      end = to;
    }
    work[kind] = Math.round(total / 100) / 10;
  }
  return work;
}

/** The long-task threshold of the Long Tasks API. */
const LONG_TASK_US = 50_000;
const EXTENSION_URL = 'chrome-extension://';

/** The renderer main thread that loaded `url`: the one whose events name it most often. */
function pageThread(
  events: readonly TraceEvent[],
  url: string,
): { pid: number; tid: number } | null {
  const mains = new Set(
    events
      .filter(
        (e) =>
          e.ph === 'M' &&
          e.name === 'thread_name' &&
          (e.args?.name as string | undefined) === 'CrRendererMain',
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const votes = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    const data = (e.args?.data ?? e.args?.beginData) as Record<string, unknown> | undefined;
    const named = data?.url ?? data?.documentLoaderURL;
    if (typeof named === 'string' && named.startsWith(url))
      votes.set(key, (votes.get(key) ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const [pid, tid] = best[0].split(':').map(Number) as [number, number];
  return { pid, tid };
}

/** Top-level tasks of a thread (tasks nested in another task are part of it). */
function tasksOf(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
): { start: number; end: number }[] {
  const tasks = events
    .filter(
      (e) =>
        e.pid === thread.pid &&
        e.tid === thread.tid &&
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        typeof e.dur === 'number',
    )
    .map((e) => ({ start: e.ts, end: e.ts + (e.dur ?? 0) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const top: { start: number; end: number }[] = [];
  for (const t of tasks) {
    const last = top[top.length - 1];
    if (last && t.start < last.end) continue;
    top.push(t);
  }
  return top;
}

/** V8 samples of the thread: time, duration and the innermost extension frame (if any) of each. */
function samplesOf(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
): { at: number; dur: number; ext: string | null }[] | null {
  const profile = events.find(
    (e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid,
  );
  if (!profile) return null;
  const nodes = new Map<number, ProfileNode>();
  const ids: number[] = [];
  const deltas: number[] = [];
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== profile.pid || e.id !== profile.id) continue;
    const data = e.args?.data as
      | { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] }
      | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    ids.push(...(data?.cpuProfile?.samples ?? []));
    deltas.push(...(data?.timeDeltas ?? []));
  }
  const innermost = new Map<number, string | null>();
  const extFrame = (id: number): string | null => {
    if (innermost.has(id)) return innermost.get(id) ?? null;
    const node = nodes.get(id);
    let found: string | null = null;
    if (node) {
      const frame = node.callFrame;
      const url = frame.url ?? '';
      if (url.startsWith(EXTENSION_URL)) {
        const file = url.slice(url.lastIndexOf('/') + 1);
        found = `${frame.functionName || '(anonymous)'} (${file}:${(frame.lineNumber ?? 0) + 1}:${(frame.columnNumber ?? 0) + 1})`;
      } else if (node.parent !== undefined) found = extFrame(node.parent);
    }
    innermost.set(id, found);
    return found;
  };
  const start = ((profile.args?.data as { startTime?: number } | undefined)?.startTime ??
    profile.ts) as number;
  const samples: { at: number; dur: number; ext: string | null }[] = [];
  let t = start;
  for (let i = 0; i < ids.length; i++) {
    t += deltas[i] ?? 0;
    const next = deltas[i + 1] ?? 0;
    samples.push({ at: t, dur: next, ext: extFrame(ids[i]!) });
  }
  return samples;
}

/** Analyses the trace of one load of `url`. */
export function analyseTrace(events: readonly TraceEvent[], url: string): TraceFigures {
  const none: TraceFigures = {
    extensionMs: null,
    longestTaskMs: null,
    longestTaskExtensionMs: null,
    causedLongTasks: null,
    functions: [],
    work: null,
  };
  const thread = pageThread(events, url);
  if (!thread) return none;
  const samples = samplesOf(events, thread);
  if (!samples) return { ...none, work: workOf(events, thread) };
  const tasks = tasksOf(events, thread);

  let extensionUs = 0;
  const byFunction = new Map<string, number>();
  for (const s of samples) {
    if (s.ext === null) continue;
    extensionUs += s.dur;
    byFunction.set(s.ext, (byFunction.get(s.ext) ?? 0) + s.dur);
  }
  let longest: { dur: number; ext: number } | null = null;
  let caused = 0;
  let k = 0;
  for (const task of tasks) {
    while (k < samples.length && samples[k]!.at < task.start) k++;
    let ext = 0;
    for (let j = k; j < samples.length && samples[j]!.at < task.end; j++)
      if (samples[j]!.ext !== null) ext += samples[j]!.dur;
    const dur = task.end - task.start;
    if (ext > 0 && (!longest || dur > longest.dur)) longest = { dur, ext };
    if (dur >= LONG_TASK_US && dur - ext < LONG_TASK_US) caused++;
  }
  return {
    extensionMs: extensionUs / 1000,
    longestTaskMs: longest ? longest.dur / 1000 : 0,
    longestTaskExtensionMs: longest ? longest.ext / 1000 : 0,
    causedLongTasks: caused,
    work: workOf(events, thread),
    functions: [...byFunction]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: us / 1000 })),
  };
}
