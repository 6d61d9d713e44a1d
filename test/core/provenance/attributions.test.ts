import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readLabelled } from '../../quality/attribution-score';
import {
  findAttributions,
  isOutletName,
  mayNameOutlet,
  outletKey,
  PATTERNS,
  type AttributionKind,
} from '../../../src/core/provenance/attributions';

/** The kinds and sources found, in text order. */
function sources(text: string): [AttributionKind, string][] {
  return findAttributions(text).map((a) => [a.kind, a.source]);
}

describe('mayNameOutlet', () => {
  test('true for every text an outlet is found in, false for one with no outlet word', () => {
    const texts = [...readLabelled('labelled'), ...readLabelled('heldout')].map((s) => s.text);
    const withOutlet = texts.filter((t) => findAttributions(t).some((a) => a.kind === 'outlet'));
    expect(withOutlet.length).toBeGreaterThan(20);
    for (const text of withOutlet) expect(mayNameOutlet(text)).toBe(true);
    expect(mayNameOutlet('Putin visited a command post in Kursk on Wednesday.')).toBe(false);
    expect(mayNameOutlet('The Wall Street Journal reported on Friday that…')).toBe(true);
  });
});

describe('findAttributions', () => {
  test.each<[string, string, [AttributionKind, string][]]>([
    [
      "a person titled with a country's possessive",
      "Ukraine's President Volodymyr Zelenskyy said Thursday that Russia was dragging out the war.",
      [['person', 'Volodymyr Zelenskyy']],
    ],
    [
      'unnamed people telling an agency',
      'The deal is close, two people familiar with the matter told Reuters.',
      [
        ['anonymous', 'two people familiar with the matter'],
        ['outlet', 'Reuters'],
      ],
    ],
    [
      'according to a report from an agency',
      'Russia made the offer, according to a report from Reuters.',
      [['outlet', 'Reuters']],
    ],
    [
      'an agency dateline',
      'KYIV (AP) — Air raid sirens sounded across Ukraine.',
      [['outlet', 'AP']],
    ],
    [
      'a byline with an agency mark',
      'By Erin Banco and Jonathan Landay (Reuters)\nRussia has presented a list.',
      [['outlet', 'Reuters']],
    ],
    ['a broadcaster reporting', 'Fox News reported the plan on Monday.', [['outlet', 'Fox News']]],
    [
      'officials said',
      'The talks will resume on Friday, officials said.',
      [['anonymous', 'officials']],
    ],
    [
      'an official granted anonymity',
      'A senior official, who spoke on condition of anonymity, said the list was broad.',
      [['anonymous', 'A senior official']],
    ],
    [
      'documents reviewed by an outlet',
      'The offer was made in 2021, according to documents reviewed by Reuters.',
      [
        ['document', 'documents'],
        ['outlet', 'Reuters'],
      ],
    ],
    [
      'a person quoted after the quotation',
      '“The demands remain unchanged,” said Angela Stent, a senior fellow at Brookings.',
      [['person', 'Angela Stent']],
    ],
    [
      'a titled person before the verb',
      'Secretary of State Marco Rubio told reporters the offer stood.',
      [['person', 'Marco Rubio']],
    ],
    [
      'a surname after the full name',
      'Volodymyr Zelenskiy met the envoy. Zelenskiy said the meeting was constructive.',
      [['person', 'Zelenskiy']],
    ],
    [
      'the text calling a name a newspaper',
      'The talks stalled, the newspaper Kommersant reported.',
      [['outlet', 'Kommersant']],
    ],
    [
      'an outlet citing unnamed sources',
      'The Washington Post, citing U.S. officials, reported that the missiles had moved.',
      [
        ['outlet', 'The Washington Post'],
        ['anonymous', 'U.S. officials'],
      ],
    ],
    [
      'officials of two countries, not of the second alone',
      'US and Russian officials have said that a draft from 2022 could be a starting point.',
      [['anonymous', 'US and Russian officials']],
    ],
    [
      'according to officials of two countries',
      'The talks will resume next week, according to American and Ukrainian officials.',
      [['anonymous', 'American and Ukrainian officials']],
    ],
    [
      'officials of three countries',
      'American, British and French officials said the talks would resume.',
      [['anonymous', 'American, British and French officials']],
    ],
    [
      'according to a list of officials',
      'The talks will resume, according to American, British and French officials.',
      [['anonymous', 'American, British and French officials']],
    ],
    [
      'according to a list of unnamed sources',
      'The talks will resume, according to officials, lawmakers and experts.',
      [['anonymous', 'officials, lawmakers and experts']],
    ],
    [
      'according to a source, then the sentence’s subject after the comma',
      'According to the sources, Russian and American officials have engaged in talks.',
      [['anonymous', 'the sources']],
    ],
    [
      'a list of unnamed sources with a place',
      'Some officials, legislators and experts in Washington fear that Putin would use a lull.',
      [['anonymous', 'Some officials, legislators and experts in Washington']],
    ],
    [
      'a person and officials: the person is an actor, not part of the source',
      'Trump and Russian officials said the talks would resume.',
      [['anonymous', 'Russian officials']],
    ],
    [
      '"per" an outlet',
      'Russia handed Trump a list of demands to end the war in Ukraine, per Reuters.',
      [['outlet', 'Reuters']],
    ],
  ])('%s', (_name, text, expected) => {
    expect(sources(text)).toEqual(expected);
  });

  test.each([
    ['"per" a unit', 'Prices rose 5 per cent, and the army lost 300 men per day.'],
    ['an institution speaking', 'The Kremlin said the list had not been published.'],
    ['a country speaking', 'Ukraine says it shot down 40 drones overnight.'],
    ['actors, not sources', 'Russian and U.S. officials discussed the terms in Riyadh.'],
    ['a photo credit', 'Officials met in Jeddah. (Saul Loeb/Pool Photo via AP)'],
    ['reportedly', 'Russia has reportedly presented a list of demands.'],
    ['a noun, not a verb', 'However, reports suggest the troops will withdraw.'],
    ['reporters', 'The minister declined to comment when asked by reporters.'],
    [
      'the subject of "are said to"',
      'Negotiators from both sides are said to have worked through the terms.',
    ],
    ['a passive "reported to"', 'The plan was reported to Congress last week.'],
    [
      'officials in an object, and a verb after "and" that is the subject’s',
      'Zelenskiy called the talks between American and Ukrainian officials in Saudi Arabia constructive and said a truce could follow.',
    ],
  ])('no source: %s', (_name, text) => {
    expect(sources(text)).toEqual([]);
  });

  test('spans are the words of the attribution, in text order', () => {
    const text = 'Moscow has sent a list, sources told Reuters. “It is broad,” said Angela Stent.';
    const found = findAttributions(text);
    expect(found.map((a) => a.text)).toEqual(['sources told', 'told Reuters', 'said Angela Stent']);
    for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.text);
    const starts = found.map((a) => a.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  test('offsets are UTF-16 offsets, past astral characters', () => {
    const text = '🇺🇦 The strike hit a depot, officials said.';
    const [found] = findAttributions(text);
    expect(text.slice(found!.start, found!.end)).toBe('officials said');
  });

  test('never throws and keeps offsets inside the text for arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        for (const a of findAttributions(text)) {
          expect(a.start).toBeGreaterThanOrEqual(0);
          expect(a.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(a.start, a.end)).toBe(a.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('keeps offsets inside the text where sources are joined by "and" and commas', () => {
    // Pieces of lists of sources after "according to" and before a verb, and of their near misses.
    const pieces = [
      'according to',
      'According to',
      'American',
      'U.S.',
      'British',
      'and',
      'or',
      ',',
      'officials',
      'two people',
      'the sources',
      'Reuters',
      'Trump',
      'said',
      'are said to',
      'have met',
      'in Jeddah',
      '.',
    ];
    const texts = fc
      .array(fc.constantFrom(...pieces), { maxLength: 16 })
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(texts, (text) => {
        for (const a of findAttributions(text)) {
          expect(a.start).toBeGreaterThanOrEqual(0);
          expect(a.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(a.start, a.end)).toBe(a.text);
          expect(a.text).toContain(a.source.split(/\s/)[0]!);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('outlet names', () => {
  test.each([
    ['Reuters', true],
    ['The New York Times', true],
    ['The Times of London', true],
    ['Bloomberg News', true],
    ['The Kyiv Independent', true],
    ['Times Square', false],
    ['International Energy Agency', false],
    ['Xinhua News Agency', true],
    ['Council on Foreign Relations', false],
  ])('%s → %s', (name, outlet) => {
    expect(isOutletName(name)).toBe(outlet);
  });

  test('one key for the names of one agency', () => {
    expect(outletKey('The Associated Press')).toBe(outletKey('AP'));
    expect(outletKey('Reuters')).toBe(outletKey('reuters'));
    // Names that are also properties of every object are names like any other.
    expect(outletKey('Constructor')).toBe('constructor');
    expect(outletKey('toString')).toBe('tostring');
  });
});

test('an article before "report" is no outlet', () => {
  expect(findAttributions('A report. An report says.')).toEqual([]);
});

describe('the words some patterns are tried only with', () => {
  /** Pieces of the two patterns' matches and of their near misses. */
  const WORDS = [
    'The memo',
    'documents',
    'a draft',
    'the report',
    'seen by',
    'reviewed by',
    'first obtained by',
    'which was read by',
    'released',
    'by',
    'Reuters',
    'the Washington Post',
    'Fox News',
    'Al Jazeera',
    'Moscow',
    'U.S. J.',
    'in a recent',
    'a new',
    'the',
    'CNN',
    'interview',
    'report',
    'tally',
    'poll',
    '’s',
    "'s",
    'correspondent',
    'reporting',
    'officials said',
    ',',
    '.',
  ];
  const texts = fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).chain((words) =>
    fc
      .array(fc.constantFrom(' ', '  ', '\n', ', ', ''), {
        minLength: words.length,
        maxLength: words.length,
      })
      .map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
  );

  test('every text a pattern matches has the words it is tried with', () => {
    // The texts made give both patterns matches to check, not only near misses.
    const sample = fc.sample(texts, { numRuns: 3000, seed: 13 });
    expect(sample.filter((t) => new RegExp(PATTERNS.documents).test(t)).length).toBeGreaterThan(5);
    expect(
      sample.filter((t) => new RegExp(PATTERNS.outletAsModifier).test(t)).length,
    ).toBeGreaterThan(5);
    fc.assert(
      fc.property(texts, (text) => {
        if (new RegExp(PATTERNS.documents).test(text))
          expect(PATTERNS.documentsSeenBy.test(text)).toBe(true);
        if (new RegExp(PATTERNS.outletAsModifier).test(text))
          expect(PATTERNS.outletAsModifierWords.test(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test('the patterns still find what they are for', () => {
    expect(sources('The memo, seen by Reuters, lists the demands.')).toContainEqual([
      'document',
      'The memo',
    ]);
    expect(sources('In a recent CNN interview, the envoy was blunt.')).toContainEqual([
      'outlet',
      'CNN',
    ]);
    expect(sources('Reuters’s tally shows 40 attacks.')).toContainEqual(['outlet', 'Reuters']);
  });
});
