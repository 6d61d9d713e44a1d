import { describe, expect, test } from 'vitest';
import { mapSteps, runInSlices, runToEnd, type Steps } from '../../src/content/slices';

/**
 * Work of `costs.length` steps on a fake clock: step i advances the clock by costs[i] ms and then
 * yields; the result is the number of steps done. `log` records 'step' and 'pause' in order.
 */
function fakeWork(costs: number[], clock: { t: number }, log: string[]): Steps<number> {
  return (function* () {
    for (const cost of costs) {
      clock.t += cost;
      log.push('step');
      yield;
    }
    return costs.length;
  })();
}

async function sliced(costs: number[], sliceMs: number, cancelAfterPauses = Infinity) {
  const clock = { t: 0 };
  const log: string[] = [];
  let pauses = 0;
  const result = await runInSlices(fakeWork(costs, clock, log), {
    pause: async () => {
      pauses++;
      log.push('pause');
    },
    sliceMs,
    now: () => clock.t,
    cancelled: () => pauses > cancelAfterPauses,
  });
  return { result, log: log.join(' ') };
}

describe('runInSlices', () => {
  test.each([
    // name, step costs (ms), slice (ms), expected order of steps and pauses
    ['no steps: one pause, then done', [], 8, 'pause'],
    ['cheap steps share one slice', [1, 1, 1], 8, 'pause step step step'],
    ['a pause once the slice is used up', [5, 5, 5, 5], 8, 'pause step step pause step step pause'],
    ['a step longer than a slice still ends it', [20, 1], 8, 'pause step pause step'],
    [
      'a zero slice pauses after every step',
      [0, 0, 0],
      0,
      'pause step pause step pause step pause',
    ],
  ])('%s', async (_name, costs, sliceMs, order) => {
    const { result, log } = await sliced(costs, sliceMs);
    expect(result).toBe(costs.length);
    expect(log).toBe(order);
  });

  test.each([
    ['before the first step', 0, ''],
    ['after two slices', 2, 'step step step step'],
  ])('cancelled %s: null, and no step after the pause that saw it', async (_name, after, steps) => {
    const { result, log } = await sliced([5, 5, 5, 5, 5, 5, 5, 5], 8, after);
    expect(result).toBeNull();
    expect(log.replace(/ ?pause/g, '').trim()).toBe(steps);
  });

  test('a cancelled run closes the work, so its clean-up runs', async () => {
    let cleaned = false;
    const work = (function* (): Steps<string> {
      try {
        for (;;) yield;
      } finally {
        cleaned = true;
      }
    })();
    let pauses = 0;
    const result = await runInSlices(work, {
      pause: async () => {
        pauses++;
      },
      sliceMs: 0,
      cancelled: () => pauses > 3,
    });
    expect(result).toBeNull();
    expect(cleaned).toBe(true);
  });

  test('an error thrown by the work rejects', async () => {
    const work = (function* (): Steps<number> {
      yield;
      throw new Error('broken page');
    })();
    await expect(runInSlices(work, { pause: async () => undefined })).rejects.toThrow(
      'broken page',
    );
  });
});

describe('runToEnd and mapSteps', () => {
  test.each([
    ['an empty list', [] as string[], []],
    ['one item', ['Kyiv'], [4]],
    ['several items, in order', ['Moscow', 'Washington', 'Riyadh'], [6, 10, 6]],
  ])('%s: mapped in steps, the same as at once', (_name, items, lengths) => {
    expect(runToEnd(mapSteps(items, (item) => item.length))).toEqual(lengths);
  });

  test('mapSteps yields once per item, so a slice can end between any two', () => {
    const steps = mapSteps(['a', 'b', 'c'], (item, index) => `${index}:${item}`);
    let yields = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) yields++;
    expect(yields).toBe(3);
  });
});
