import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  isCallToAction,
  isQuestion,
  isTermList,
  entryLabelLength,
  matchedText,
  splitSentences,
} from '../../src/core/sentences';
import type { UnitKind } from '../../src/core/types';

const corpusDir = new URL('../../assets/corpus/', import.meta.url);
const gold = JSON.parse(
  readFileSync(new URL('../fixtures/gold/dev-claims.json', import.meta.url), 'utf8'),
) as {
  claims: { id: string; makes: Record<string, string[]>; partly: Record<string, string[]> }[];
  matches_nothing: Record<string, string[]>;
};

function texts(input: string): string[] {
  return splitSentences(input).map((u) => u.text);
}

const REPAIRS = [
  {
    name: 'U.S. before a title stays inside the sentence',
    input: 'The proposal comes as former U.S. President Donald Trump awaits a response. He waits.',
    expected: [
      'The proposal comes as former U.S. President Donald Trump awaits a response.',
      'He waits.',
    ],
  },
  {
    name: 'U.S. at the end of a sentence followed by an opener breaks',
    input:
      'Sources said the list resembles proposals made to NATO and the U.S. These included a ban.',
    expected: [
      'Sources said the list resembles proposals made to NATO and the U.S.',
      'These included a ban.',
    ],
  },
  {
    name: 'U.K. followed by "The" breaks, followed by a name does not',
    input: 'He flew to the U.K. The talks began. The U.K. Foreign Office declined to comment.',
    expected: [
      'He flew to the U.K.',
      'The talks began.',
      'The U.K. Foreign Office declined to comment.',
    ],
  },
  {
    name: 'U.N. Security Council',
    input: 'The U.N. Security Council met on Friday. It adjourned without a vote.',
    expected: ['The U.N. Security Council met on Friday.', 'It adjourned without a vote.'],
  },
  {
    name: 'Washington, D.C. at the end of a sentence',
    input:
      'The demands aim at restructuring relations with Washington, D.C. According to the report, talks continue.',
    expected: [
      'The demands aim at restructuring relations with Washington, D.C.',
      'According to the report, talks continue.',
    ],
  },
  {
    name: 'military rank before a name',
    input: 'However, retired Gen. Keith Kellogg expressed skepticism. He spoke last week.',
    expected: ['However, retired Gen. Keith Kellogg expressed skepticism.', 'He spoke last week.'],
  },
  {
    name: 'Sen. and Rep. before names',
    input: 'Sen. Lindsey Graham and Rep. Adam Smith both spoke. Neither took questions.',
    expected: ['Sen. Lindsey Graham and Rep. Adam Smith both spoke.', 'Neither took questions.'],
  },
  {
    name: 'Mr., Mrs. and Dr. before names',
    input: 'Mr. Putin met Dr. Jane Roe and Mrs. Smith in Moscow. They talked for an hour.',
    expected: ['Mr. Putin met Dr. Jane Roe and Mrs. Smith in Moscow.', 'They talked for an hour.'],
  },
  {
    name: 'St. Petersburg is a place, not a sentence end',
    input: 'The forum in St. Petersburg opened on Wednesday. Delegates arrived late.',
    expected: ['The forum in St. Petersburg opened on Wednesday.', 'Delegates arrived late.'],
  },
  {
    name: 'No. before a number',
    input: 'The prime minister returned to No. 10 Downing Street. He made no statement.',
    expected: ['The prime minister returned to No. 10 Downing Street.', 'He made no statement.'],
  },
  {
    name: 'month abbreviation before a date',
    input: 'The truce was proposed on Jan. 5 in Riyadh. Kyiv accepted.',
    expected: ['The truce was proposed on Jan. 5 in Riyadh.', 'Kyiv accepted.'],
  },
  {
    name: 'middle initial',
    input: 'The speech recalled John F. Kennedy and his Berlin visit. Crowds cheered.',
    expected: ['The speech recalled John F. Kennedy and his Berlin visit.', 'Crowds cheered.'],
  },
  {
    name: 'company suffix before a title',
    input: 'Apple Inc. Chief Executive Tim Cook said sales rose. Shares fell.',
    expected: ['Apple Inc. Chief Executive Tim Cook said sales rose.', 'Shares fell.'],
  },
  {
    name: 'vs. inside a sentence',
    input: 'The ruling in Smith vs. Jones was overturned. Lawyers appealed.',
    expected: ['The ruling in Smith vs. Jones was overturned.', 'Lawyers appealed.'],
  },
  {
    name: 'a capital letter at the end of a sentence is not circa',
    input: 'The pills contain vitamin C. It helps, doctors say.',
    expected: ['The pills contain vitamin C.', 'It helps, doctors say.'],
  },
  {
    name: 'curly quote closing after the full stop',
    input:
      'He said, \u201cI think we have to develop something entirely new.\u201d The council agreed.',
    expected: [
      'He said, \u201cI think we have to develop something entirely new.\u201d',
      'The council agreed.',
    ],
  },
  {
    name: 'quote and bracket closing after the stop',
    input: 'The official added: \u201cThe demands remain unchanged.\u201d) Talks resume Monday.',
    expected: [
      'The official added: \u201cThe demands remain unchanged.\u201d)',
      'Talks resume Monday.',
    ],
  },
  {
    name: 'exclamation inside a quote followed by the speaker',
    input:
      '\u201cWe\u2019re going to bring it to them directly!\u201d Rubio told reporters. He left.',
    expected: [
      '\u201cWe\u2019re going to bring it to them directly!\u201d Rubio told reporters.',
      'He left.',
    ],
  },
  {
    name: 'question inside a quote followed by a lower-case verb',
    input: '"Is Russia serious?" asked one diplomat. Nobody answered.',
    expected: ['"Is Russia serious?" asked one diplomat.', 'Nobody answered.'],
  },
  {
    name: 'quoted sentences break inside a long quotation',
    input: '\u201cThe demands remain unchanged. This suggests they are not interested.\u201d',
    expected: [
      '\u201cThe demands remain unchanged.',
      'This suggests they are not interested.\u201d',
    ],
  },
  {
    name: 'a lower-case word after an abbreviation carries on the sentence',
    input: 'The meeting ended at 5 p.m. on Tuesday, aides said. Talks resume today.',
    expected: ['The meeting ended at 5 p.m. on Tuesday, aides said.', 'Talks resume today.'],
  },
  {
    name: 'an ordinary abbreviation-free break',
    input: 'Russia invaded on February 24, 2022. The effort failed.',
    expected: ['Russia invaded on February 24, 2022.', 'The effort failed.'],
  },
];

describe('sentence repairs in news prose', () => {
  test.each(REPAIRS)('$name', ({ input, expected }) => {
    expect(texts(input)).toEqual(expected);
  });

  test('a paragraph far longer than the segmenter window splits the same way', () => {
    // Every case run together, many times over, so breaks and abbreviations fall at every
    // position relative to the window edges.
    const input = Array.from({ length: 40 }, () => REPAIRS.map((r) => r.input).join(' ')).join(' ');
    const expected = Array.from({ length: 40 }, () => REPAIRS.flatMap((r) => r.expected)).flat();
    expect(input.length).toBeGreaterThan(10_000);
    expect(texts(input)).toEqual(expected);
  });
});

describe('lines, headings, list items', () => {
  test.each<{ name: string; input: string; expected: [UnitKind, string][] }>([
    {
      name: 'heading between paragraphs',
      input:
        'Russia has laid out its demands.\n\nRussia Gains Ground as Talks Unfold\n\nThe Kremlin waited.',
      expected: [
        ['sentence', 'Russia has laid out its demands.'],
        ['heading', 'Russia Gains Ground as Talks Unfold'],
        ['sentence', 'The Kremlin waited.'],
      ],
    },
    {
      name: 'byline on its own line',
      input:
        'Russia has presented a list.\nBy yourNEWS Media Newsroom\nRussia has outlined demands.',
      expected: [
        ['sentence', 'Russia has presented a list.'],
        ['line', 'By yourNEWS Media Newsroom'],
        ['sentence', 'Russia has outlined demands.'],
      ],
    },
    {
      name: 'bullet list after a colon, markers stripped',
      input:
        'These past demands included:\n\n  \u2022 Blocking Ukraine from joining NATO\n  \u2022 Ensuring no foreign troops are stationed in Ukraine\n',
      expected: [
        ['sentence', 'These past demands included:'],
        ['item', 'Blocking Ukraine from joining NATO'],
        ['item', 'Ensuring no foreign troops are stationed in Ukraine'],
      ],
    },
    {
      name: 'dash, star and numbered items',
      input: '- First point here\n* Second point here\n1. Third point here.\n2) Fourth point',
      expected: [
        ['item', 'First point here'],
        ['item', 'Second point here'],
        ['item', 'Third point here.'],
        ['item', 'Fourth point'],
      ],
    },
    {
      name: 'comment-section furniture',
      input:
        'The war goes on.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nBack To Top',
      expected: [
        ['sentence', 'The war goes on.'],
        ['heading', 'Leave a Reply'],
        ['sentence', 'Your email address will not be published.'],
        ['sentence', 'Required fields are marked *'],
        ['heading', 'Back To Top'],
      ],
    },
    {
      name: 'hard-wrapped paragraph joins its lines',
      input:
        'Officials said the talks, held over three\nweeks, were constructive. Nothing was signed.',
      expected: [
        ['sentence', 'Officials said the talks, held over three\nweeks, were constructive.'],
        ['sentence', 'Nothing was signed.'],
      ],
    },
    {
      name: 'line ending in a comma continues',
      input:
        'The demands included a ban on NATO membership,\nLimits on troops and recognition of Crimea.',
      expected: [
        [
          'sentence',
          'The demands included a ban on NATO membership,\nLimits on troops and recognition of Crimea.',
        ],
      ],
    },
    {
      name: 'Windows line endings',
      input: 'Headline Here\r\n\r\nFirst sentence. Second sentence.\r\n',
      expected: [
        ['heading', 'Headline Here'],
        ['sentence', 'First sentence.'],
        ['sentence', 'Second sentence.'],
      ],
    },
  ])('$name', ({ input, expected }) => {
    const units = splitSentences(input);
    expect(units.map((u) => [u.kind, u.text])).toEqual(expected);
    for (const u of units) expect(input.slice(u.start, u.end)).toBe(u.text);
  });
});

describe('datelines of wire copy', () => {
  test.each<[string, string, string]>([
    [
      'an agency dateline',
      'MOSCOW, March 13 (Reuters) - Russia has handed over a list.',
      'MOSCOW, March 13 (Reuters) -',
    ],
    [
      'a region and an agency',
      'KYIV, Ukraine (AP) \u2014 Ukraine said it would accept.',
      'KYIV, Ukraine (AP) \u2014',
    ],
    ['a place in capitalised words', 'Kyiv (AFP) - Ukraine said it would accept.', 'Kyiv (AFP) -'],
    [
      'two places and a date',
      'KYIV/MOSCOW, March 13 (Reuters) - Both sides spoke.',
      'KYIV/MOSCOW, March 13 (Reuters) -',
    ],
    [
      'a place with a full stop',
      'ST. PETERSBURG, Russia, March 13 (Reuters) - Putin spoke.',
      'ST. PETERSBURG, Russia, March 13 (Reuters) -',
    ],
    [
      'a date and no agency',
      'MOSCOW, March 13 - Russia said it had retaken the town.',
      'MOSCOW, March 13 -',
    ],
    [
      'a date alone, where the story has no one place',
      'March 14 (Reuters) - Russia has handed over a list.',
      'March 14 (Reuters) -',
    ],
    ['an abbreviated month', 'Sept. 3 (AP) \u2014 Talks resumed.', 'Sept. 3 (AP) \u2014'],
    ['the agency alone', '(Bloomberg) -- Russia has handed over a list.', '(Bloomberg) --'],
    [
      'a place and an agency without brackets',
      'Kyiv, Ukraine CNN \u2014 Ukraine said it would accept.',
      'Kyiv, Ukraine CNN \u2014',
    ],
    [
      'a place alone before a long dash',
      'WASHINGTON \u2014 President Donald Trump said on Thursday.',
      'WASHINGTON \u2014',
    ],
    [
      'a dateline on its own line',
      'BRUSSELS, March 13 (Reuters) -\nEU leaders met.',
      'BRUSSELS, March 13 (Reuters) -',
    ],
  ])('%s is a unit of its own, before the sentence', (_name, input, dateline) => {
    const units = splitSentences(input);
    expect(units[0]).toMatchObject({ kind: 'dateline', text: dateline, start: 0 });
    expect(units[1]!.kind).toBe('sentence');
    expect(units[1]!.text).toBe(input.slice(input.indexOf(dateline) + dateline.length).trim());
  });

  test.each([
    'NATO \u2014 the Western alliance \u2014 said on Thursday it would meet.',
    'The International Atomic Energy Agency (IAEA) \u2014 the UN watchdog \u2014 said it was concerned.',
    'Russia, the sources said - and this matters - wants more.',
    'U.S. officials - who spoke on condition of anonymity - said so.',
    'Putin (pictured) - who met Trump - said so.',
    'UKRAINE \u2014 what comes next?',
    'Putin told CNN \u2014 in a rare interview \u2014 that talks went well.',
    '(Updated) the talks went on.',
    'March 14 was the day the list arrived (Reuters said) - or so it seemed.',
    // A word that only begins like a month.
    'Mayor 3 (Kyiv) - Officials met.',
  ])('not a dateline: %s', (input) => {
    expect(splitSentences(input).map((u) => u.kind)).toEqual(['sentence']);
  });

  test('only where a paragraph opens, and never in a list item', () => {
    const input =
      'Russia spoke. MOSCOW, March 13 (Reuters) - Talks went on.\n\n- MOSCOW (Reuters) - An item';
    expect(splitSentences(input).some((u) => u.kind === 'dateline')).toBe(false);
  });
});

describe('paragraphs that point to another article', () => {
  test.each([
    'Read more: Zelensky says Ukraine ready for 30-day ceasefire',
    'READ MORE: Zelensky says Ukraine ready for 30-day ceasefire. Kremlin silent.',
    'Related \u2014 Trump waits on Putin',
    'See also | The talks in Jeddah',
    'More on this story: Russia hands over demands',
    'More on Ukraine: Zelenskiy hails Jeddah talks as constructive; Kremlin cool on truce',
    "Trending: Trump says Putin talks on Ukraine ceasefire 'very productive'",
    'Most read \u2014 Kremlin weighs truce',
    "Editor's picks: What Russia wants from Washington",
  ])('%s is one unit of its own', (line) => {
    const input = `Russia spoke.\n\n${line}\n\nThe talks went on.`;
    expect(splitSentences(input).map((u) => [u.kind, u.text])).toEqual([
      ['sentence', 'Russia spoke.'],
      ['link', line],
      ['sentence', 'The talks went on.'],
    ]);
  });

  test.each([
    'Analysis: why Russia wants more',
    'Related talks were held in Riyadh on Monday.',
    'Watching the talks, officials said little.',
    'More on the talks is expected on Friday, the Kremlin said.',
    'Trending lower, the rouble lost 2% on Monday.',
  ])('not a link: %s', (line) => {
    expect(splitSentences(line).some((u) => u.kind === 'link')).toBe(false);
  });
});

describe('questions', () => {
  test.each([
    'What did Russia ask for?',
    'Is any of this new?',
    'So what should you listen for next?',
    'Will Putin accept the 30-day ceasefire that Ukraine agreed to in Saudi Arabia?',
    'Isn\u2019t that the point?',
    'Can\u2019t Washington do more?',
    '\u201cWill it stop?\u201d',
    'And why now?',
  ])('a question: %s', (text) => {
    expect(isQuestion(text)).toBe(true);
    expect(matchedText({ text, start: 0, end: text.length, kind: 'sentence' })).toBe('');
  });

  test.each([
    // A statement ending in an indirect question asserts its first part.
    'The White House is still waiting for the Kremlin to answer a simple question: will it stop shooting for thirty days?',
    'Dozens of people asked: why?',
    // A quoted question with its speaker is reported speech, a statement.
    '\u201cIs it over?\u201d Putin asked.',
    'What happened next was clear.',
    'Will Putin accept the truce',
    'Canada agreed?',
    'Whatever happens?',
  ])('not a question: %s', (text) => {
    expect(isQuestion(text)).toBe(false);
  });
});

describe('calls to action of the site', () => {
  test.each([
    "Sign up for our daily briefing on Russia's war in Ukraine.",
    'Subscribe now for unlimited access to award-winning journalism.',
    'Follow our live coverage of the talks in Riyadh.',
    'Follow us on Twitter',
    'Get the latest news on the war in Ukraine.',
    'Click here to receive live updates',
    'Share this story',
    'Learn more about our coverage of Ukraine.',
    'Please support our journalism.',
  ])('a call to action: %s', (text) => {
    expect(isCallToAction(text)).toBe(true);
    expect(matchedText({ text, start: 0, end: text.length, kind: 'sentence' })).toBe('');
  });

  test.each([
    'Support for our allies in Europe remains strong, the minister said.',
    'Follow-up talks are due in Riyadh next week.',
    'Share prices in Moscow rose on the news.',
    'Read together, the documents show a shift in the Kremlin’s demands.',
    'Get-togethers of envoys are planned in Istanbul.',
    'Visit to Washington ends without a deal',
  ])('not a call to action: %s', (text) => {
    expect(isCallToAction(text)).toBe(false);
  });
});

describe('the label of a live blog’s entry', () => {
  const read = (text: string): string =>
    matchedText({ text, start: 0, end: text.length, kind: 'sentence' });

  test.each([
    ['08:05 ET: Russia has handed the United States a list of demands.', '08:05 ET: '],
    ['10.40 GMT — Putin has yet to answer.', '10.40 GMT — '],
    ['9:15 a.m. - The Kremlin said it needed more details.', '9:15 a.m. - '],
    ['Update: Russia has handed the United States a list of demands.', 'Update: '],
    ['UPDATE 2 - Russia hands U.S. list of demands', 'UPDATE 2 - '],
    ['BREAKING: Kyiv accepts a 30-day truce.', 'BREAKING: '],
    ['Live: Russia hands Washington its terms for ending the war', 'Live: '],
    ['Exclusive: Russia hands US list of demands', 'Exclusive: '],
    ['Update, 10:40 ET: "We need more details," Peskov said.', 'Update, 10:40 ET: '],
    // A wire service's slug.
    ['UPDATE 3-Russia hands US its terms for ending Ukraine war', 'UPDATE 3-'],
    ['EXCLUSIVE-Russia hands US list of demands', 'EXCLUSIVE-'],
    // A transcript's speaker.
    ['ANCHOR: Russia has handed the United States a list of demands.', 'ANCHOR: '],
    ['STEVE INSKEEP, HOST: Moscow has sent Washington its terms.', 'STEVE INSKEEP, HOST: '],
    ['SEN. LINDSEY GRAHAM: Putin is stalling.', 'SEN. LINDSEY GRAHAM: '],
    ['SMITH (voice-over): The Kremlin says it needs more details.', 'SMITH (voice-over): '],
    ['CORRESPONDENT (Washington): What we are told is this.', 'CORRESPONDENT (Washington): '],
    ["O'BRIEN: Kyiv has already said yes.", "O'BRIEN: "],
    ['A: The list has not been made public.', 'A: '],
    // A thread's post counter.
    ['1/11 Russia has handed the United States a list of demands.', '1/11 '],
    ['(2/9) What exactly is on the list has not come out.', '(2/9) '],
    ['3/ The terms were worked through over three weeks.', '3/ '],
  ])('a label: %s', (text, label) => {
    expect(entryLabelLength(text)).toBe(label.length);
    // Blanked, so that offsets into the text stay the unit's own.
    expect(read(text)).toBe(' '.repeat(label.length) + text.slice(label.length));
  });

  test.each([
    // Not written as a label.
    'Families live: some in Kyiv, some abroad.',
    'Live updates: the talks resumed on Tuesday.',
    // A number that is not a time of day, and a clock time inside the sentence.
    'The vote was 12-3: Senators backed the bill.',
    'At 08:05 ET, Russia handed the list over.',
    // A label with no sentence after it.
    'Update:',
    // A slug is written in capitals.
    'Update 3-Russia hands US its terms',
    'Live-streamed talks ended without a deal.',
    // Capitals that are not a speaker: no colon after them, lower-case words among them, more
    // than three words, or a single letter that is no question or answer.
    'NATO and EU officials met in Brussels.',
    'US officials said: "We need an answer."',
    'NATO allies: Poland, Estonia and Latvia.',
    'RUSSIA HANDS US ITS LIST OF DEMANDS: Report',
    'B: Moscow has sent its terms.',
    // A speaker's label with nothing after it, or lower case after it.
    'ANCHOR:',
    'ANCHOR: and now the weather.',
    // A share in running text, and a counter with no sentence after it.
    '2/3 of voters backed the deal.',
    '1/11',
  ])('no label: %s', (text) => {
    expect(entryLabelLength(text)).toBe(0);
    expect(read(text)).toBe(text);
  });
});

describe('lists of terms', () => {
  test.each([
    'Tags: Russia Ukraine war, Donald Trump, Vladimir Putin, ceasefire, peace talks, Kremlin, NATO',
    'Filed under: Russia, Ukraine, Donald Trump, Vladimir Putin',
    'Russia | Ukraine | United States | NATO | Crimea',
    'Topics \u00b7 Kremlin \u00b7 White House \u00b7 Jeddah',
    'Related topics: Russia-Ukraine war; US foreign policy; sanctions',
    'JIM WATSON/AFP/Getty Images',
  ])('a list: %s', (text) => {
    expect(isTermList(text)).toBe(true);
    expect(matchedText({ text, start: 0, end: text.length, kind: 'heading' })).toBe('');
  });

  test.each([
    // A headline with a label: one entry is a clause.
    'Exclusive: Putin, Trump to talk Tuesday, Kremlin says',
    // A headline in apposition: no label, and a bare number.
    'Buzz Aldrin, 86, evacuated from South Pole',
    'Exclusive: Buzz Aldrin, 86, evacuated from South Pole',
    // Commas without a label are a sentence's.
    'Russia, Ukraine, the US',
    'Moscow wants sanctions lifted, NATO barred, Crimea recognised.',
    'Analysis: Russia wants sanctions lifted, NATO barred and Crimea recognised by the West',
    'Tags: Russia, Ukraine',
    'Russia/Ukraine talks',
  ])('not a list: %s', (text) => {
    expect(isTermList(text)).toBe(false);
  });
});

describe('corpus reports', () => {
  const files = [
    '000_46723dfe6c79f676.txt',
    '001_1f74d85761ef329b.txt',
    '002_40561f0108d56a31.txt',
    '003_992c80810b19968e.txt',
    '004_65fbd3fac8f1e1aa.txt',
  ];
  const quotes = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const claim of gold.claims) {
    for (const group of [claim.makes, claim.partly]) {
      for (const [file, list] of Object.entries(group)) quotes.get(file)?.push(...list);
    }
  }
  for (const [file, list] of Object.entries(gold.matches_nothing)) quotes.get(file)?.push(...list);

  test.each(files)('%s: every gold quote lies in one unit or spans whole units', (file) => {
    const text = readFileSync(new URL(file, corpusDir), 'utf8');
    const units = splitSentences(text);
    const list = quotes.get(file) ?? [];
    expect(list.length).toBeGreaterThan(0);
    for (const quote of list) {
      const qs = text.indexOf(quote);
      expect(qs, quote).toBeGreaterThanOrEqual(0);
      const qe = qs + quote.length;
      const overlapping = units.filter((u) => u.start < qe && u.end > qs);
      const inside =
        overlapping.length === 1 && overlapping[0]!.start <= qs && overlapping[0]!.end >= qe;
      const whole = overlapping.every((u) => u.start >= qs && u.end <= qe);
      expect(inside || whole, `${file}: ${quote}`).toBe(true);
    }
  });

  test.each(files)('%s: units are in order, trimmed and cover the text', (file) => {
    const text = readFileSync(new URL(file, corpusDir), 'utf8');
    const units = splitSentences(text);
    let at = 0;
    for (const u of units) {
      expect(
        text
          .slice(at, u.start)
          .trim()
          .replace(/^[\u2022]/u, '')
          .trim(),
      ).toBe('');
      expect(u.text).toBe(u.text.trim());
      expect(text.slice(u.start, u.end)).toBe(u.text);
      at = u.end;
    }
    expect(text.slice(at).trim()).toBe('');
  });

  test('the bylines and furniture lines are units of their own', () => {
    const text = readFileSync(new URL('001_1f74d85761ef329b.txt', corpusDir), 'utf8');
    const units = splitSentences(text);
    expect(units.find((u) => u.text === 'By yourNEWS Media Newsroom')?.kind).toBe('line');
    expect(units.at(-1)?.text).toBe('Leave a Comment');
  });
});
