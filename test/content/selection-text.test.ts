// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { readSelection } from '../../src/content/selection-text';
import { splitSentences } from '../../src/core/sentences';

const squash = (s: string): string => s.replace(/\s+/g, '');

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  document.body.innerHTML = '';
});

/** Selects from the `from`-th character of element `a`'s text to the `to`-th of `b`'s. */
function select(a: Element, from: number, b: Element, to: number): void {
  const point = (el: Element, offset: number): [Node, number] => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let left = offset;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node as Text).length;
      if (left <= length) return [node, left];
      left -= length;
    }
    throw new Error('offset past the end');
  };
  const range = document.createRange();
  range.setStart(...point(a, from));
  range.setEnd(...point(b, to));
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

const $ = (selector: string) => document.querySelector(selector)!;

describe('readSelection', () => {
  test('paragraphs become blocks, inline markup stays in the running text, white space collapses', () => {
    document.body.innerHTML = `
      <h2 id="h">Talks in Jeddah</h2>
      <p id="a">Moscow has   handed <a href="/x">the Trump
        administration</a> a list of demands.</p>
      <p id="b">Talks have run for <em>three</em> weeks.</p>`;
    select($('#h'), 0, $('#b'), 'Talks have run for three weeks.'.length);
    const selected = readSelection(document, 1_000)!;
    expect(selected.text).toBe(
      'Talks in Jeddah\n\nMoscow has handed the Trump administration a list of demands.\n\n' +
        'Talks have run for three weeks.',
    );
    expect(selected.title).toBeNull();
    expect(selected.truncated).toBe(false);
  });

  test('only the selected part of the first and last paragraph is read', () => {
    document.body.innerHTML = `<p id="a">Before. Moscow has handed over a list.</p>
      <p id="b">Talks have run for weeks. After.</p>`;
    select($('#a'), 'Before. '.length, $('#b'), 'Talks have run for weeks.'.length);
    expect(readSelection(document, 1_000)!.text).toBe(
      'Moscow has handed over a list.\n\nTalks have run for weeks.',
    );
  });

  test('every sentence maps back to a live range over the same characters', () => {
    document.body.innerHTML = `<div id="post"><p>Russia has <b>presented</b> the United States
      with a list of demands. Trump awaits an answer.</p><ul><li>A ban on NATO membership.</li>
      <li>Recognition of <i>Crimea</i>.</li></ul><p id="end">Nobody knows what comes next.</p></div>`;
    select($('#post p'), 0, $('#end'), 'Nobody knows'.length);
    const selected = readSelection(document, 1_000)!;
    const units = splitSentences(selected.text);
    expect(units.length).toBeGreaterThanOrEqual(5);
    for (const unit of units) {
      const range = selected.rangeFor(unit.start, unit.end);
      expect(range, unit.text).not.toBeNull();
      expect(squash(range!.toString())).toBe(squash(unit.text));
    }
    // Offsets in the gap between two blocks move inwards to the words around them.
    const gap = selected.text.indexOf('\n\n');
    expect(selected.rangeFor(gap, gap + 2)).toBeNull();
    expect(squash(selected.rangeFor(gap - 7, gap + 3)!.toString())).toBe(squash('answer.A'));
  });

  test('a selection inside one text node, and one that ends in hidden text', () => {
    document.body.innerHTML = `<p id="a">Before. Moscow has handed over a list. After.</p>
      <p id="b">Talks went on.<span id="h" hidden>Secret words here.</span></p><p>Later.</p>`;
    select($('#a'), 'Before. '.length, $('#a'), 'Before. Moscow has handed over a list.'.length);
    expect(readSelection(document, 1_000)!.text).toBe('Moscow has handed over a list.');
    const range = document.createRange();
    range.setStart($('#b').firstChild!, 0);
    range.setEnd($('#h').firstChild!, 6);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(readSelection(document, 1_000)!.text).toBe('Talks went on.');
  });

  test('hidden text, scripts and styles inside the selection are left out', () => {
    document.body.innerHTML = `<style>.promo { display: none; }</style>
      <p id="a">Moscow has handed over a list.</p>
      <p class="promo">Subscribe now for unlimited access.</p>
      <p hidden>Hidden paragraph.</p>
      <script>var tracking = 1;</script>
      <p id="b">Talks have run for weeks.</p>`;
    select($('#a'), 0, $('#b'), 'Talks have run for weeks.'.length);
    expect(readSelection(document, 1_000)!.text).toBe(
      'Moscow has handed over a list.\n\nTalks have run for weeks.',
    );
  });

  test('a long selection is cut at a word and says so', () => {
    document.body.innerHTML = `<p id="a">${'Moscow has handed over a list. '.repeat(20)}</p>`;
    select($('#a'), 0, $('#a'), 'Moscow has handed over a list. '.length * 20);
    const selected = readSelection(document, 100)!;
    expect(selected.truncated).toBe(true);
    expect(selected.text.length).toBeLessThanOrEqual(100);
    expect(selected.text).toMatch(/(?:^|\s)\S+$/);
    expect('Moscow has handed over a list. '.repeat(20)).toContain(selected.text);
  });

  test.each([
    ['nothing is selected', () => document.getSelection()!.removeAllRanges()],
    [
      'the selection is collapsed',
      () => {
        document.body.innerHTML = '<p id="a">Moscow has handed over a list.</p>';
        select($('#a'), 3, $('#a'), 3);
      },
    ],
    [
      'only white space is selected',
      () => {
        document.body.innerHTML = '<p id="a">Moscow</p>\n   \n<p id="b">list</p>';
        select($('#a'), 6, $('#b'), 0);
      },
    ],
    [
      'the selection is inside a text field',
      () => {
        document.body.innerHTML =
          '<div id="a"><textarea>Moscow has handed over a list.</textarea></div>';
        const range = document.createRange();
        range.selectNodeContents($('#a'));
        document.getSelection()!.addRange(range);
      },
    ],
  ])('is null when %s', (_name, arrange) => {
    arrange();
    expect(readSelection(document, 1_000)).toBeNull();
  });
});
