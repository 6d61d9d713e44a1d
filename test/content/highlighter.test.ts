// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  createHighlighter,
  FLASH_NAME,
  levelFor,
  registryHighlighter,
  wrappingHighlighter,
  type HighlightEntry,
} from '../../src/content/highlighter';

type Env = Window & typeof globalThis;

/** The Highlight API as the browser has it: a registry of names to sets of ranges. */
class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

/** A range over the first occurrence of `text` inside one text node of `root`. */
function rangeOf(doc: Document, text: string, root: Node = doc.body): Range {
  const walker = doc.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at !== -1) {
      const range = doc.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      return range;
    }
  }
  throw new Error(`no text node holds ${text}`);
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

test.each([
  [1, 1],
  [2, 2],
  [3, 3],
  [5, 3],
])('%i other outlets → level %i', (outlets, level) => {
  expect(levelFor(outlets)).toBe(level);
});

describe('with the Highlight API', () => {
  function setup() {
    const doc = page(
      '<p id="a">Moscow has presented a list of demands. Talks took place.</p>' +
        '<p>Trump awaits an answer. <span contenteditable="true">Draft note typed here.</span></p>',
    );
    const registry = new Map<string, FakeHighlight>();
    const highlighter = registryHighlighter(
      doc,
      window as unknown as Env,
      registry as unknown as HighlightRegistry,
      FakeHighlight as unknown as typeof Highlight,
    );
    const entries: HighlightEntry[] = [
      { range: rangeOf(doc, 'Moscow has presented a list of demands.'), level: 3, index: 0 },
      { range: rangeOf(doc, 'Talks took place.'), level: 1, index: 1 },
      { range: rangeOf(doc, 'Trump awaits an answer.'), level: 1, index: 2 },
      { range: rangeOf(doc, 'Draft note typed here.'), level: 2, index: 3 },
    ];
    return { doc, registry, highlighter, entries };
  }

  test('registers one highlight per level, leaves editable text and the DOM alone', () => {
    const { doc, registry, highlighter, entries } = setup();
    const before = doc.body.innerHTML;
    highlighter.show(entries);
    expect([...registry.keys()].sort()).toEqual(['crosscheck-1', 'crosscheck-3']);
    expect(registry.get('crosscheck-1')?.size).toBe(2);
    expect(registry.get('crosscheck-3')?.size).toBe(1);
    expect(doc.body.innerHTML).toBe(before);
  });

  test('hiding removes every highlight and showing brings them back', () => {
    const { registry, highlighter, entries } = setup();
    highlighter.show(entries);
    highlighter.setVisible(false);
    expect(registry.size).toBe(0);
    highlighter.setVisible(true);
    expect(registry.size).toBe(2);
    highlighter.clear();
    expect(registry.size).toBe(0);
  });

  test('finds the sentence at a point and its line boxes', () => {
    const { doc, highlighter, entries } = setup();
    highlighter.show(entries);
    const text = doc.getElementById('a')!.firstChild!;
    expect(highlighter.entryAt(text, 3)?.index).toBe(0);
    expect(highlighter.entryAt(text, 45)?.index).toBe(1);
    expect(highlighter.rectsOf(1)).not.toBeNull();
    expect(highlighter.rectsOf(3)).toBeNull();
  });

  test('flashes a sentence on and off, then removes the flash', () => {
    vi.useFakeTimers();
    const { registry, highlighter, entries } = setup();
    highlighter.show(entries);
    expect(highlighter.flash(2, null)).toBe(true);
    vi.advanceTimersByTime(10);
    expect(registry.get(FLASH_NAME)?.has(entries[2]!.range)).toBe(true);
    vi.advanceTimersByTime(300);
    expect(registry.has(FLASH_NAME)).toBe(false);
    vi.advanceTimersByTime(5_000);
    expect(registry.has(FLASH_NAME)).toBe(false);
    expect(highlighter.flash(42, null)).toBe(false);
  });

  test('the underline style is a constructed stylesheet, removed again for the marker style', () => {
    const { doc, highlighter } = setup();
    highlighter.setStyle('underline');
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    highlighter.setStyle('underline');
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    highlighter.setStyle('marker');
    expect(doc.adoptedStyleSheets).toHaveLength(0);
  });
});

describe('without the Highlight API (fallback)', () => {
  test('createHighlighter falls back where CSS.highlights is missing', () => {
    expect(createHighlighter(document, window as unknown as Env).changesDom).toBe(true);
  });

  test('wraps sentences across nodes in marks and unwraps them to the same text', () => {
    const doc = page(
      '<p>Russia wants <a href="#">Crimea</a> recognised. Kyiv refuses. Talks go on.</p>',
    );
    const p = doc.querySelector('p')!;
    const highlighter = wrappingHighlighter(doc, window as unknown as Env);
    const across = doc.createRange();
    across.setStart(p.firstChild!, 0);
    across.setEnd(p.lastChild!, ' recognised.'.length);
    highlighter.show([
      { range: across, level: 2, index: 0 },
      { range: rangeOf(doc, 'Talks go on.'), level: 1, index: 2 },
    ]);
    const marks = [...doc.querySelectorAll('mark.crosscheck-mark')];
    expect(marks.map((m) => [m.textContent, (m as HTMLElement).dataset.level])).toEqual([
      ['Russia wants ', '2'],
      ['Crimea', '2'],
      [' recognised.', '2'],
      ['Talks go on.', '1'],
    ]);
    expect(p.textContent).toBe('Russia wants Crimea recognised. Kyiv refuses. Talks go on.');
    expect(highlighter.entryAt(marks[1]!.firstChild!, 0)?.index).toBe(0);
    expect(highlighter.owns(marks[0]!)).toBe(true);

    highlighter.setVisible(false);
    expect(doc.querySelectorAll('mark').length).toBe(0);
    expect(p.textContent).toBe('Russia wants Crimea recognised. Kyiv refuses. Talks go on.');
    expect(p.querySelector('a')?.textContent).toBe('Crimea');
  });

  test('two sentences in one text node are both wrapped', () => {
    const doc = page('<p>One claim here. Another claim there.</p>');
    const highlighter = wrappingHighlighter(doc, window as unknown as Env);
    highlighter.show([
      { range: rangeOf(doc, 'One claim here.'), level: 1, index: 0 },
      { range: rangeOf(doc, 'Another claim there.'), level: 3, index: 1 },
    ]);
    expect([...doc.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'One claim here.',
      'Another claim there.',
    ]);
  });

  test('never wraps text in an editable area', () => {
    const doc = page('<div contenteditable="true"><p>Typed by the user.</p></div>');
    const highlighter = wrappingHighlighter(doc, window as unknown as Env);
    highlighter.show([{ range: rangeOf(doc, 'Typed by the user.'), level: 1, index: 0 }]);
    expect(doc.querySelectorAll('mark').length).toBe(0);
  });
});
