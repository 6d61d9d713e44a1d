// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { changedChars, watchChanges } from '../../src/content/change-watch';

type Env = Window & typeof globalThis;

afterEach(() => {
  document.body.innerHTML = '';
});

function record(partial: Partial<MutationRecord>): MutationRecord {
  return {
    type: 'childList',
    target: document.body,
    addedNodes: [] as unknown as NodeList,
    removedNodes: [] as unknown as NodeList,
    oldValue: null,
    ...partial,
  } as MutationRecord;
}

/** A watch over the document, with fake timers (the test restores real ones). */
function watchWithFakeTimers() {
  vi.useFakeTimers();
  const onChange = vi.fn();
  const watch = watchChanges({
    doc: document,
    win: window as unknown as Env,
    onChange,
    ignore: () => false,
  });
  return { onChange, watch };
}

function nodes(...list: Node[]): NodeList {
  return list as unknown as NodeList;
}

test.each([
  [
    'a ticking clock',
    [
      record({
        type: 'characterData',
        target: document.createTextNode('12:01'),
        oldValue: '12:00',
      }),
    ],
    false,
  ],
  ['an image added', [record({ addedNodes: nodes(document.createElement('img')) })], false],
  [
    'a new article body',
    [
      record({
        addedNodes: nodes(
          Object.assign(document.createElement('p'), {
            textContent:
              'Moscow has presented the United States with a list of demands for ending the war.',
          }),
        ),
      }),
    ],
    true,
  ],
  [
    'an old article removed',
    [
      record({
        removedNodes: nodes(
          Object.assign(document.createElement('div'), { textContent: 'x'.repeat(500) }),
        ),
      }),
    ],
    true,
  ],
])('%s counts as a text change: %s', (_name, records, big) => {
  expect(changedChars(records, () => false) >= 80).toBe(big);
});

test('the extension’s own nodes never count', () => {
  const own = Object.assign(document.createElement('div'), { textContent: 'y'.repeat(500) });
  expect(changedChars([record({ addedNodes: nodes(own) })], (node) => node === own)).toBe(0);
});

test('a burst of changes is reported once, after it settles', async () => {
  const { onChange, watch } = watchWithFakeTimers();
  for (let i = 0; i < 5; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i} of an article the site just rendered, long enough to count as article text.`;
    document.body.append(p);
    await vi.advanceTimersByTimeAsync(200);
  }
  expect(onChange).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(onChange).toHaveBeenCalledTimes(1);
  expect(onChange).toHaveBeenCalledWith('mutation');
  watch.stop();
  vi.useRealTimers();
});

test('changes made quietly by the extension are not reported', async () => {
  const { onChange, watch } = watchWithFakeTimers();
  watch.quietly(() => {
    const p = document.createElement('p');
    p.textContent = 'z'.repeat(300);
    document.body.append(p);
  });
  await vi.advanceTimersByTimeAsync(6_000);
  expect(onChange).not.toHaveBeenCalled();
  // The same change made by the page is reported.
  const p = document.createElement('p');
  p.textContent = 'z'.repeat(300);
  document.body.append(p);
  await vi.advanceTimersByTimeAsync(6_000);
  expect(onChange).toHaveBeenCalledTimes(1);
  watch.stop();
  vi.useRealTimers();
});

test('an in-page navigation is reported, a fragment change is not', async () => {
  const { onChange, watch } = watchWithFakeTimers();
  history.pushState({}, '', '#section-2');
  await vi.advanceTimersByTimeAsync(2_000);
  expect(onChange).not.toHaveBeenCalled();
  history.pushState({}, '', '/another-story');
  await vi.advanceTimersByTimeAsync(2_000);
  expect(onChange).toHaveBeenCalledWith('navigation');
  watch.stop();
  vi.useRealTimers();
});
