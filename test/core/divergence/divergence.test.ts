import { describe, expect, test } from 'vitest';
import {
  changesEvent,
  differenceLabel,
  findDifferences,
  reversesStatement,
  withDifferences,
  type DifferenceKind,
  type QuantityKind,
} from '../../../src/core/divergence';
import type { ArticleReport } from '../../../src/core/types';

/** The differences as [kind, page words, report words]. */
function flags(page: string, report: string): [DifferenceKind, string, string][] {
  return findDifferences(page, report).map((d) => [d.kind, d.page, d.report]);
}

describe('a paraphrase that only changes wording has no flag', () => {
  test.each([
    [
      'month-long and 30-day are one duration',
      'Trump is waiting to learn whether Putin will accept a month-long ceasefire.',
      'Trump is awaiting a response on whether Putin will accept a proposed 30-day ceasefire.',
    ],
    [
      'thirty days and 30-day',
      'The White House asked the Kremlin to stop shooting for thirty days.',
      'The White House asked the Kremlin for a 30-day ceasefire.',
    ],
    [
      'one date written two ways',
      'Those talks failed, and the invasion began on 24 February 2022.',
      'The effort failed and Russia invaded on Feb. 24, 2022.',
    ],
    [
      'a country qualifier on a title',
      'Russian President Vladimir Putin visited the Kursk region.',
      'President Vladimir Putin visited the military command center in the Kursk region.',
    ],
    [
      "Ukraine's president and Ukrainian President",
      "Ukraine's president, Volodymyr Zelenskyy, has said he would accept the pause.",
      'Ukrainian President Volodymyr Zelenskiy has said he would accept the pause.',
    ],
    [
      'unnamed sources of one kind',
      'Russia gave the US a list of demands, according to people familiar with the matter.',
      'Russia presented the US with demands, according to individuals with knowledge of the matter.',
    ],
    [
      'both sides hedged',
      'Putin could use the truce to regroup, officials fear.',
      'Putin may use a ceasefire to regroup, officials fear.',
    ],
    [
      'a definite reference carries its details',
      'Zelenskiy has signaled a willingness to agree to such a truce.',
      'Zelenskiy has signaled a willingness to agree to a 30-day truce.',
    ],
    [
      'two figures given in the other order',
      'Its share of the market fell to 6% last year from 9% in 2022.',
      'Its market share dropped from 9% in 2022 to 6% last year.',
    ],
    [
      'may of permission',
      'Moscow wants a say over which countries may send Kyiv weapons.',
      'Moscow asked for a veto on countries that want to help Ukraine.',
    ],
    [
      'lexical and explicit negation agree',
      'Ensuring no foreign troops are stationed in Ukraine.',
      'Russia insists that foreign troops not be stationed in Ukraine.',
    ],
    [
      'the same quotation',
      'Russia wants the US to address what it calls the "root causes" of the war.',
      'Russia demanded that the US address what it called the “root causes” of the war.',
    ],
  ])('%s', (_name, page, report) => {
    expect(flags(page, report)).toEqual([]);
  });
});

describe('a checkable difference is flagged with its kind and both sides', () => {
  test.each<[string, string, string, [DifferenceKind, string, string][]]>([
    [
      'a number against a vague amount',
      'Officials discussed the terms over the past three weeks.',
      'Officials discussed the terms over the past several weeks.',
      [['number', 'three weeks', 'several weeks']],
    ],
    [
      'a percentage against a fraction',
      'The army has retaken 40% of the territory it lost.',
      'The army has retaken nearly half of the territory it lost.',
      [['number', '40%', 'nearly half']],
    ],
    [
      'a more precise date',
      'Russia invaded Ukraine in February 2022.',
      'Russia invaded Ukraine on February 24, 2022.',
      [['number', 'February 2022', 'February 24, 2022']],
    ],
    [
      'a duration dropped from the thing it measures',
      'Zelenskiy said a temporary ceasefire could open the way to a lasting agreement.',
      'Zelenskiy said a potential 30-day ceasefire could be used to broker a peace deal.',
      [['number', '', '30-day']],
    ],
    [
      'a former president',
      'President Donald Trump awaits a response from Putin.',
      'Former U.S. President Donald Trump awaits a response from Putin.',
      [['title', 'President', 'Former U.S. President']],
    ],
    [
      'another role',
      'Trump envoy Steve Witkoff praised the Istanbul talks.',
      'Trump adviser Steve Witkoff praised the Istanbul talks.',
      [['title', 'envoy', 'adviser']],
    ],
    [
      'a hedge dropped',
      'Moscow’s demands are believed to include a ban on Ukraine joining NATO.',
      'Russia’s conditions included a ban on Ukraine joining NATO.',
      [['hedge', 'are believed to', '']],
    ],
    [
      'said to, a hedge and not a source',
      'Negotiators are said to have worked through the terms over three weeks.',
      'Negotiators worked through the terms over three weeks.',
      [['hedge', 'are said to', '']],
    ],
    [
      'reportedly against a plain statement',
      'Negotiators have reportedly spent three weeks on these terms.',
      'Negotiators have spent three weeks on these terms.',
      [['hedge', 'reportedly', '']],
    ],
    [
      'may against will',
      'They warn that Putin may use a ceasefire to divide the allies.',
      'Officials fear that Putin will use the truce to divide the allies.',
      [['hedge', 'may', 'will']],
    ],
    [
      'a commitment against an intention',
      'Ukrainian President Volodymyr Zelenskiy has said he would accept the truce.',
      'Ukrainian President Volodymyr Zelenskyy has already agreed to the truce.',
      [['hedge', 'would accept', 'has already agreed']],
    ],
    [
      'told Reuters becomes sources said',
      'Russia presented a list of demands, two people familiar with the matter told Reuters.',
      'Russia presented a list of demands, according to sources.',
      [['attribution', 'two people familiar with the matter told Reuters', 'according to sources']],
    ],
    [
      'an attribution dropped',
      'Russia presented a list of demands, according to sources familiar with the matter.',
      'Russia presented a list of demands.',
      [['attribution', 'according to sources familiar with the matter', '']],
    ],
    [
      'polarity reversed',
      'The embassy did not respond to requests for comment on the plan.',
      'The embassy responded to requests for comment on the plan.',
      [['negation', 'not respond', 'responded']],
    ],
    [
      'a quote loses its marks',
      'Officials described the list as “broad” and similar to earlier demands.',
      'Officials described the list as broad and similar to earlier demands.',
      [['quote', '“broad”', 'broad']],
    ],
    [
      'quoted words differ',
      'Russia wants to solve the “causes” of the war.',
      'Russia wants the US to address the “root causes” of the war.',
      [['quote', '“causes”', '“root causes”']],
    ],
    [
      'another person in the same role',
      'U.S. President Joe Biden said on Wednesday that officials are going to Moscow.',
      'U.S. President Donald Trump said on Wednesday that officials are going to Moscow.',
      // Who said it is the source, too.
      [
        ['attribution', 'Joe Biden said', 'Donald Trump said'],
        ['entity', 'Joe Biden', 'Donald Trump'],
      ],
    ],
  ])('%s', (_name, page, report, expected) => {
    expect(flags(page, report)).toEqual(expected);
  });
});

describe('a sentence that reverses the other states the opposite claim', () => {
  test.each([
    [
      'Russia has not presented the United States with any list of demands, a spokesman said.',
      'Russia has presented the United States with a list of demands aimed at ending the war.',
    ],
    [
      'The embassy responded to requests for comment on the plan.',
      'The embassy did not respond to requests for comment on the plan.',
    ],
    ['Kyiv never agreed to the 30-day truce.', 'Kyiv agreed to the 30-day truce in Jeddah.'],
    // A denial negates the statement of its "that" clause.
    [
      'The Kremlin denied on Thursday that Russia had presented the United States with a list of demands.',
      'Russia has presented the United States with a list of demands for ending the war.',
    ],
    [
      'Moscow has presented Washington with a list of demands, officials said.',
      'Peskov denied reports that Moscow had presented Washington with any demands.',
    ],
    // A refusal negates its infinitive.
    [
      'Russia has refused to present the United States with a list of demands for ending the war.',
      'Russia has presented the United States with a list of demands for ending the war in Ukraine.',
    ],
    [
      'Moscow has yet to respond to the proposal for a 30-day truce.',
      'Moscow responded to the proposal for a 30-day truce on Thursday.',
    ],
    [
      'The Kremlin agreed to the 30-day truce.',
      'The Kremlin declined to agree to the 30-day truce, Peskov said.',
    ],
    // Verbs of opposite meaning told of one thing.
    [
      'Zelenskiy has said he would reject a 30-day ceasefire.',
      'Zelenskiy has said he would accept a 30-day ceasefire as a first step.',
    ],
    [
      'Putin has rejected the 30-day ceasefire proposal.',
      'Trump awaits a response from Putin on whether he will accept a proposed 30-day ceasefire.',
    ],
    [
      'Russia increased oil exports to India in March.',
      'Russia decreased oil exports to India in March.',
    ],
    // The other side's verb ends a relative clause: what it is about stands before its "that".
    [
      'Zelenskiy said he would not accept a 30-day ceasefire.',
      'Trump awaits an answer on a 30-day ceasefire, a move that Ukrainian President Volodymyr Zelenskiy has said he would accept as a first step.',
    ],
  ])('reversed: %s', (page, report) => {
    expect(reversesStatement(page, report)).toBe(true);
    expect(flags(page, report).some(([kind]) => kind === 'negation')).toBe(true);
  });

  test.each([
    [
      'Russia has presented the United States with a list of demands.',
      'Moscow handed Washington a list of demands.',
    ],
    // Both negate it: the same claim.
    [
      'The Kremlin has not responded to the proposal.',
      'The Kremlin did not respond to the truce proposal.',
    ],
    // The negated verb is told on the other side about something else.
    [
      'The White House has not said how it is approaching the talks.',
      'Zelensky has said he would accept the truce.',
    ],
    // Negated by meaning on the other side ("refused" near the verb).
    ['Moscow did not accept the terms.', 'Moscow refused to accept the terms.'],
    // Both refuse, in other words.
    ['Moscow has yet to accept the terms.', 'Moscow has failed to accept the terms.'],
    // A refusal of something the other side does not tell.
    [
      'Russia refused to comment on the talks.',
      'Russia has presented the United States with a list of demands.',
    ],
    // "to" then no verb: a refusal of a thing, not of a statement.
    ['Moscow refused to the end.', 'Moscow agreed to the end of the talks.'],
    // Both deny it.
    [
      'The Kremlin denied that Russia had presented a list of demands.',
      'Moscow denied that it had presented a list of demands.',
    ],
    // A denial of something the other side does not tell.
    [
      'Peskov denied that the talks had stalled.',
      'Russia has presented the United States with a list of demands.',
    ],
    // The clause's subject is not its verb: "talks" is told on the other side, "stalled" is not.
    [
      'Peskov denied that the talks with Washington had stalled.',
      'The talks with Washington resumed in Riyadh on Monday.',
    ],
    // Denying a person, not a "that" clause.
    ['Washington denied Moscow a list of demands.', 'Russia presented a list of demands.'],
    // An antonym negated says what the other side says.
    ['Kyiv did not reject the 30-day truce.', 'Kyiv accepted the 30-day truce.'],
    // Opposite verbs about two things: only a name is shared after them.
    [
      'The meeting could come before any final deal on Ukraine.',
      'US officials are going to Russia to discuss the agreement with Ukraine.',
    ],
    // A "that" after a verb of saying opens what is said, not a relative clause.
    [
      'Kyiv did not accept the 30-day ceasefire.',
      'A 30-day ceasefire was proposed, and Zelenskiy said that he would accept as soon as possible.',
    ],
    // A noun is no verb: "the rise in prices" and "prices fell".
    ['The rise in oil prices worried Kyiv.', 'Oil prices fell in March.'],
  ])('not reversed: %s', (page, report) => {
    expect(reversesStatement(page, report)).toBe(false);
  });
});

describe('an event told as done on one side and as yet to come or on a condition on the other', () => {
  const done = 'Russia has presented the United States with a list of demands for ending the war.';
  test.each([
    ['Russia plans to present the United States with a list of demands.', done],
    ['Russia is expected to present the United States with a list of demands next week.', done],
    ['Russia could present the United States with a list of demands as early as next week.', done],
    ['Russia will present the United States with a list of demands.', done],
    [
      'If Russia presents the United States with a list of demands, Washington will study it.',
      done,
    ],
    // A stem the stemmer writes otherwise than the word ("deploi" for "deployed").
    ['Russia will deploy troops to the border.', 'Russia deployed troops to the border.'],
    // The report side told on a condition, the page's as done.
    [
      'Putin accepted the 30-day ceasefire on Friday.',
      'Unless Putin accepts the 30-day ceasefire, Trump will impose new sanctions.',
    ],
    // An inverted condition against an open question.
    [
      'Should Putin accept the 30-day ceasefire, talks could begin within days.',
      'Trump is waiting to hear whether Putin will accept the 30-day ceasefire.',
    ],
    // Done against an open question.
    [
      'Putin accepted the 30-day ceasefire, the Kremlin said.',
      'Trump asked if Putin would accept the 30-day ceasefire.',
    ],
    // The same, of a pronoun that stands for the last person named before it.
    [
      'Putin agreed on Tuesday to a 30-day truce.',
      "Trump is awaiting Putin's response on whether he will agree to a 30-day truce.",
    ],
  ])('another claim: %s', (page, report) => {
    expect(changesEvent(page, report)).toBe(true);
    expect(changesEvent(report, page)).toBe(true);
  });

  test('subjects that are places are compared by the country they stand for', () => {
    const page = 'Russia plans to present the United States with a list of demands.';
    const report = 'Moscow has presented the United States with a list of demands.';
    const placeOf = (word: string) =>
      ['Russia', 'Moscow', 'Kremlin'].includes(word) ? 'RU' : null;
    expect(changesEvent(page, report)).toBe(false);
    expect(changesEvent(page, report, placeOf)).toBe(true);
    expect(changesEvent(page, report.replace('Moscow', 'Kyiv'), placeOf)).toBe(false);
  });

  test.each([
    // Both tell it as done, in other tenses.
    ['Russia presented the United States with a list of demands on Thursday.', done],
    // Both yet to come.
    [
      'Russia will present the United States with a list of demands.',
      'Russia plans to present the United States with a list of demands.',
    ],
    // Another subject: "Ukraine accepted" and "whether he will accept" tell two events.
    [
      'Ukraine accepted the 30-day ceasefire in Jeddah.',
      'Trump awaits a response from Putin on whether he will accept the 30-day ceasefire.',
    ],
    // The same verb about something else.
    ['Russia will present its case to the United Nations.', done],
    // A participle after a determiner describes a thing; "30-day" is no verb.
    [
      'Putin could accept the proposed 30-day ceasefire.',
      'Ukraine accepted the proposed 30-day ceasefire in Jeddah.',
    ],
    // A plain present ("hands", a headline's) is neither done nor to come.
    [
      'Russia hands the United States a list of demands.',
      'Russia will hand the United States a list of demands.',
    ],
    // A belief is a hedge, not a plan ("are believed to include").
    [
      "Moscow's demands are believed to include a ban on NATO membership for Ukraine.",
      "Moscow's demands included a ban on NATO membership for Ukraine.",
    ],
  ])('not another claim: %s', (page, report) => {
    expect(changesEvent(page, report)).toBe(false);
    expect(changesEvent(report, page)).toBe(false);
  });
});

describe('a sentence that shares only its condition', () => {
  const waits =
    'Trump awaits a response from Putin on whether he will accept a proposed 30-day ceasefire.';
  test.each([
    [
      'Unless Putin accepts the 30-day ceasefire, Trump will impose new sanctions on Russian oil.',
      waits,
    ],
    [
      'He said the sanctions should take effect automatically if Putin had not accepted the 30-day truce within two weeks.',
      'Trump is awaiting a response from Putin on whether he will agree to a 30-day truce.',
    ],
  ])('another claim: %s', (page, report) => {
    expect(changesEvent(page, report)).toBe(true);
    expect(changesEvent(report, page)).toBe(true);
  });

  test.each([
    // What follows the condition is shared too (the accepting is Russia's on the other side:
    // no one event of one subject, which the status would compare).
    [
      'If Putin accepts the 30-day ceasefire, Trump will wait for his answer on peace talks.',
      'Trump awaits a response from Putin on whether Russia will accept a 30-day ceasefire before peace talks.',
    ],
    // "asked if" opens a question, not a condition.
    ['Trump asked if Putin would accept the proposed ceasefire.', waits],
    // One plain word in a condition is too little to tell.
    ['If the truce holds, Russia will present a list of demands.', 'The truce held for a week.'],
  ])('not another claim: %s', (page, report) => {
    expect(changesEvent(page, report)).toBe(false);
  });
});

describe('an event told of other agents', () => {
  const countries: Record<string, string> = {
    Russia: 'RU',
    Moscow: 'RU',
    Ukraine: 'UA',
    Kyiv: 'UA',
    'The United States': 'US',
    'United States': 'US',
    Washington: 'US',
    'New Delhi': 'IN',
  };
  const placeOf = (name: string) => countries[name] ?? null;
  const done = 'Russia has presented the United States with a list of demands for ending the war.';
  test.each([
    // Another country did it.
    ['Ukraine has presented the United States with a list of demands for ending the war.', done],
    ['New Delhi has presented Moscow with a list of demands for cheaper oil.', done],
    // The roles swapped, by places and by people.
    ['The United States has presented Russia with a list of demands for ending the war.', done],
    [
      'Trump called Putin on Tuesday about the ceasefire.',
      'Putin called Trump on Tuesday about the ceasefire.',
    ],
    // Done to another party: another country, another person.
    ['Russia has presented Ukraine with a list of demands for a prisoner exchange.', done],
    [
      'Trump called Zelenskiy on Tuesday about the ceasefire.',
      'Trump called Putin on Tuesday about the ceasefire.',
    ],
  ])('another claim: %s', (page, report) => {
    expect(changesEvent(page, report, placeOf)).toBe(true);
    expect(changesEvent(report, page, placeOf)).toBe(true);
  });

  test.each([
    // One country, by two names.
    ['Moscow has presented the United States with a list of demands.', done],
    // A person may act for a country.
    ['Putin has presented the United States with a list of demands.', done],
    // A passive's subject is not its agent.
    ['The United States was presented with a list of demands by Russia.', done],
    // A demonym before a noun is no subject of a verb: "officials" is no verb.
    [
      'Indian and Russian officials discussed the terms over the past three weeks.',
      'Russian and American officials discussed the terms over the past three weeks.',
    ],
    // A pronoun names no one.
    ['They have presented the United States with a list of demands.', done],
    // One country by two names after the verb; a plain word first says nothing of whom.
    ['Russia has presented Washington with a list of demands.', done],
    ['Russia has presented a list of demands to Ukraine.', done],
    // Whom a verb of saying is said to is no part of the claim.
    [
      'The Kremlin told Reuters that the list of demands was long.',
      'The Kremlin told CNN that the list of demands was long.',
    ],
  ])('not another claim: %s', (page, report) => {
    expect(changesEvent(page, report, placeOf)).toBe(false);
    expect(changesEvent(report, page, placeOf)).toBe(false);
  });

  test('people of other countries: each side names a country the other does not', () => {
    const report = 'Russian and U.S. officials discussed the terms during in-person talks.';
    const places: Record<string, string> = {
      Russian: 'RU',
      'U.S.': 'US',
      American: 'US',
      Indian: 'IN',
      Ukrainian: 'UA',
    };
    const placeOf = (word: string) => places[word] ?? null;
    const page = (who: string) => `${who} officials discussed the terms during in-person talks.`;
    expect(changesEvent(page('Indian and Russian'), report, placeOf)).toBe(true);
    expect(changesEvent(page('American and Russian'), report, placeOf)).toBe(false);
    // One side names fewer countries: a retelling drops who was there more often than it swaps.
    expect(changesEvent(page('Russian'), report, placeOf)).toBe(false);
    // Whatever they did: the first subject of each is people of other countries.
    const engaged =
      'According to the sources, Russian and American officials have engaged in talks.';
    expect(changesEvent(page('Indian and Russian'), engaged, placeOf)).toBe(true);
    expect(changesEvent(page('U.S. and Russian'), engaged, placeOf)).toBe(false);
    // Plain words between the countries and the head ("military officers") are passed over.
    expect(changesEvent(page('Ukrainian and U.S. military'), engaged, placeOf)).toBe(true);
    expect(changesEvent(page('American and Russian senior'), engaged, placeOf)).toBe(false);
    // A passive's subject is not who acts; a possessive is an owner, not whose people they are.
    expect(
      changesEvent(
        'Ukrainian forces have been pushed back.',
        'Russian forces pushed back.',
        placeOf,
      ),
    ).toBe(false);
  });

  test('a verb in the present straight after a name; a plural noun is no verb', () => {
    const places: Record<string, string> = {
      Seoul: 'KR',
      Kremlin: 'RU',
      Russian: 'RU',
      Ukrainian: 'UA',
      American: 'US',
    };
    const placeOf = (name: string) => places[name.replace(/^The /, '')] ?? null;
    const report = 'The Kremlin remains cautious, stating that it requires more details.';
    expect(
      changesEvent(
        'Seoul remains cautious, stating that it requires more details.',
        report,
        placeOf,
      ),
    ).toBe(true);
    // "forces" and "officials" before an auxiliary or a past form are nouns, the subject.
    expect(
      changesEvent(
        'Ukrainian forces have been pushed out of most of the ground in Kursk.',
        'Russian forces have pushed Ukrainian troops out of the ground in Kursk.',
        placeOf,
      ),
    ).toBe(false);
    expect(
      changesEvent(
        'Russian and American officials have engaged in talks on the terms.',
        'American and Russian officials have discussed the terms in talks.',
        placeOf,
      ),
    ).toBe(false);
  });
});

describe('a number difference says what its value is; a date reads as a date, not a number', () => {
  test.each<[string, string, string, [QuantityKind | undefined, string][]]>([
    [
      'a weekday the other side leaves out',
      'Ukrainian President Volodymyr Zelenskiy said on Tuesday he would accept the truce.',
      'Ukrainian President Volodymyr Zelenskiy has said he would accept the truce.',
      [['date', 'Date dropped: Tuesday']],
    ],
    [
      'a weekday the other side adds',
      'Ukrainian President Volodymyr Zelenskiy has said he would accept the truce.',
      'Ukrainian President Volodymyr Zelenskiy said on Tuesday he would accept the truce.',
      [['date', 'Date added: Tuesday']],
    ],
    [
      'this week against a weekday',
      'Zelenskiy said this week he would accept the truce.',
      'Zelenskiy said on Tuesday he would accept the truce.',
      [['date', 'Date: this week → Tuesday']],
    ],
    [
      'a month against a day of it',
      'The talks in Riyadh began in March.',
      'The talks in Riyadh began on March 24.',
      [['date', 'Date: March → March 24']],
    ],
    [
      'a more precise date',
      'Russia invaded Ukraine in February 2022.',
      'Russia invaded Ukraine on February 24, 2022.',
      [['date', 'Date: February 2022 → February 24, 2022']],
    ],
    [
      'a duration',
      'Officials discussed the terms over the past three weeks.',
      'Officials discussed the terms over the past several weeks.',
      [['duration', 'Number: three weeks → several weeks']],
    ],
    [
      'a percentage',
      'The army has retaken 40% of the territory it lost.',
      'The army has retaken nearly half of the territory it lost.',
      [['percent', 'Number: 40% → nearly half']],
    ],
    [
      'a count',
      'Russia fired 40 drones at the city overnight.',
      'Russia fired dozens of drones at the city overnight.',
      [['count', 'Number: 40 drones → dozens of drones']],
    ],
    [
      'other kinds carry no quantity',
      'Trump envoy Steve Witkoff praised the Istanbul talks.',
      'Trump adviser Steve Witkoff praised the Istanbul talks.',
      [[undefined, 'Title: envoy → adviser']],
    ],
  ])('%s', (_name, page, report, expected) => {
    expect(findDifferences(page, report).map((d) => [d.quantity, differenceLabel(d)])).toEqual(
      expected,
    );
  });
});

describe("a detail of the page sentence's other claim is not a difference", () => {
  test('a title in a clause the report does not retell', () => {
    const page =
      'Former U.S. President Donald Trump awaits a response, and Ukrainian President Volodymyr Zelenskiy has said he would accept the truce as a first step.';
    const report =
      'Zelenskiy has said he would accept the truce as a first step toward peace talks.';
    expect(flags(page, report).filter(([kind]) => kind === 'title')).toEqual([]);
  });

  test("a date of another person's statement", () => {
    const page = 'Trump is still waiting to hear whether Putin will sign up to a 30-day truce.';
    const report =
      'Trump is awaiting a 30-day truce that Ukrainian President Volodymyr Zelensky said Tuesday he would accept.';
    expect(flags(page, report)).toEqual([]);
  });
});

describe('offsets', () => {
  test("each side's span is where its words are in its sentence", () => {
    const page = 'Former U.S. President Donald Trump awaited the answer for three weeks.';
    const report = 'President Donald Trump awaited the answer for several weeks.';
    for (const d of findDifferences(page, report)) {
      if (d.pageSpan) expect(page.slice(d.pageSpan.start, d.pageSpan.end)).toBe(d.page);
      if (d.reportSpan) expect(report.slice(d.reportSpan.start, d.reportSpan.end)).toBe(d.report);
    }
  });

  test('withDifferences fills every match and keeps everything else', () => {
    const report: ArticleReport = {
      self: null,
      article: { title: null, detected: true },
      sentences: [
        {
          text: 'Officials met for three weeks.',
          start: 0,
          end: 30,
          matches: [
            {
              report: 'a',
              outlet: 'A',
              url: 'https://a.example/',
              text: 'Officials met for several weeks.',
              start: 0,
              end: 32,
              score: 0.5,
              tier: 'close',
            },
          ],
        },
      ],
      summary: { sentences: 1, matched: 1, outlets: [] },
    };
    const filled = withDifferences(report);
    const match = filled.sentences[0]!.matches[0]!;
    expect(match.differences?.map((d) => d.kind)).toEqual(['number']);
    expect({ ...match, differences: undefined }).toEqual({
      ...report.sentences[0]!.matches[0]!,
      differences: undefined,
    });
  });

  test('never throws on odd text', () => {
    for (const text of [
      '',
      '“',
      '"unclosed',
      '30-',
      'May',
      '%',
      '\u0000\uffff',
      'Feb. 31, 99999',
    ]) {
      expect(() => findDifferences(text, 'Officials met for three weeks on May 5.')).not.toThrow();
      expect(() => findDifferences('Officials met for three weeks.', text)).not.toThrow();
    }
  });
});
