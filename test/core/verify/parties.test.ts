import { describe, expect, test } from 'vitest';
import { FEATURES, TAG_PREDICATE } from '../../../src/core/verify';
import {
  addTitledNames,
  articleTitles,
  CorpusParties,
  partiesOf,
  partyConflict,
  type PartyIndex,
  type PartyTerm,
} from '../../../src/core/verify/parties';
import { loadDevCorpus } from '../../quality/predict';

/**
 * Terms written out: "@RUS" a country, a capitalised word a name, "~word" a predicate, "|word" a
 * word that opens a clause a word opened ("and international…").
 */
function terms(spec: string): PartyTerm[] {
  return spec.split(' ').map((w) => {
    const opensClause = w.startsWith('|');
    const predicate = w.slice(opensClause ? 1 : 0).startsWith('~');
    const term = w.slice((opensClause ? 1 : 0) + (predicate ? 1 : 0));
    const name = /^[@A-Z]/.test(term);
    return {
      term: name && !/^[@A-Z]+$/.test(term) ? term.toLowerCase() : term,
      name,
      capitalized: name,
      predicate,
      opensClause,
    };
  });
}

describe('titled people', () => {
  test('a country, a title and a name: the surname stands for the country', () => {
    const titled = new Map<string, string>();
    addTitledNames(terms('@RUS President Vladimir Putin ~said'), titled);
    addTitledNames(terms('@RUS spokesman Dmitry Peskov'), titled);
    expect(titled).toEqual(
      new Map([
        ['putin', '@RUS'],
        ['peskov', '@RUS'],
      ]),
    );
  });

  test('a predicate between the country and the name is no title', () => {
    const titled = new Map<string, string>();
    addTitledNames(terms('@RUS ~presented Donald Trump list demands'), titled);
    expect(titled.size).toBe(0);
  });

  test('more than MAX_TITLE_WORDS lower-case words is no title', () => {
    const titled = new Map<string, string>();
    addTitledNames(terms('@RUS officials lawmakers analysts experts Smith'), titled);
    expect(titled.size).toBe(0);
  });

  test('a title does not reach across a clause a word opens', () => {
    // "…troops in Ukraine and international recognition of President Vladimir Putin's claim"
    const titled = new Map<string, string>();
    addTitledNames(
      terms('troops @UKR |international recognition President Vladimir Putin'),
      titled,
    );
    addTitledNames(terms('@UKR |President Zelenskiy'), titled);
    expect(titled.size).toBe(0);
    // A clause opened by punctuation is an apposition: "Ukraine's leader, Volodymyr Zelenskiy".
    addTitledNames(terms('@UKR leader Volodymyr Zelenskiy'), titled);
    expect(titled.get('zelenskiy')).toBe('@UKR');
  });

  test('a name keeps the first country it is titled with', () => {
    const titled = articleTitles([terms('@UKR President Zelenskiy'), terms('@RUS foe Zelenskiy')]);
    expect(titled.get('zelenskiy')).toBe('@UKR');
  });
});

describe('parties and their conflict', () => {
  const titled = new Map([['putin', '@RUS']]);

  test('countries, acronyms and titled people are parties; other names are not', () => {
    expect(partiesOf(terms('Putin ~met NATO chief Rutte @USA'), titled)).toEqual(
      new Set(['@RUS', 'NATO', '@USA']),
    );
  });

  test('each side naming a party the other lacks is a conflict', () => {
    expect(partyConflict(new Set(['@IND', '@RUS']), new Set(['@RUS', '@USA']))).toBe(1);
  });

  test('one side naming more, or either naming none, is not', () => {
    expect(partyConflict(new Set(['@RUS', '@USA', '@UKR']), new Set(['@RUS', '@USA']))).toBe(0);
    expect(partyConflict(new Set(), new Set(['@RUS']))).toBe(0);
    expect(partyConflict(new Set(['@RUS']), new Set(['@RUS']))).toBe(0);
  });
});

describe('the parties of corpus units', () => {
  /** An index of reports given as units of terms (see `terms`), read as CorpusParties reads it. */
  function fakeIndex(reports: string[][]): PartyIndex & { reads: number } {
    const vocabulary: PartyTerm[] = [];
    const units: { report: number; ids: number[]; tags: number[] }[] = [];
    reports.forEach((unitSpecs, report) => {
      for (const spec of unitSpecs) {
        const parsed = terms(spec);
        units.push({
          report,
          ids: parsed.map((t) => vocabulary.push(t) - 1),
          tags: parsed.map((t) => (t.predicate ? TAG_PREDICATE : 0)),
        });
      }
    });
    return {
      reads: 0,
      unitReport: (doc) => units[doc]!.report,
      reportUnits(doc) {
        const report = units[doc]!.report;
        const first = units.findIndex((u) => u.report === report);
        return [first, first + units.filter((u) => u.report === report).length];
      },
      unitTermsView(doc) {
        this.reads++;
        return units[doc]!.ids;
      },
      unitTags: (doc) => units[doc]!.tags,
      isName: (id) => vocabulary[id]!.name && !vocabulary[id]!.term.startsWith('@'),
      isPlace: (id) => vocabulary[id]!.term.startsWith('@'),
      term: (id) => vocabulary[id]!.term,
    };
  }

  const index = fakeIndex([
    ['@RUS President Vladimir Putin ~said', 'Putin commitment ~remains uncertain'],
    ['Putin commitment ~remains uncertain'],
  ]);

  test('a person titled elsewhere in the report stands for its country', () => {
    const parties = new CorpusParties(index, 100);
    expect(parties.conflictWith(new Set(['@IND']), 1)).toBe(1);
    expect(parties.conflictWith(new Set(['@RUS']), 1)).toBe(0);
  });

  test('an untitled person names no party', () => {
    expect(new CorpusParties(index, 100).conflictWith(new Set(['@IND']), 2)).toBe(0);
  });

  describe('a unit that names no party', () => {
    const retold = fakeIndex([
      ['discussions ~took place three weeks'],
      ['@RUS and @USA officials ~discussed terms'],
      ['@USA and @RUS negotiators ~met @SAU'],
      ['officials ~talked'],
    ]);
    // Unit 0 is retold by units 1, 2 and 3; unit 3 names no one either.
    const links = (doc: number) =>
      doc === 0
        ? [
            { report: 1, sentence: 1 },
            { report: 2, sentence: 2 },
            { report: 3, sentence: 3 },
          ]
        : [];

    test('takes the parties every sentence that retells it names', () => {
      const parties = new CorpusParties(retold, 100, links);
      expect(parties.conflictWith(new Set(['@UKR', '@USA']), 0)).toBe(1);
      expect(parties.conflictWith(new Set(['@RUS', '@USA']), 0)).toBe(0);
      // Saudi Arabia is named by one retelling only, so it is not the unit's: a page naming
      // Russia, the United States and Ukraine names all the unit's parties.
      expect(parties.conflictWith(new Set(['@RUS', '@USA', '@UKR']), 0)).toBe(0);
    });

    test('not those of the page’s own report', () => {
      const parties = new CorpusParties(retold, 100, (doc) =>
        links(doc).filter((l) => l.report !== 2),
      );
      expect(parties.conflictWith(new Set(['@USA', '@SAU']), 0, 1)).toBe(0);
      expect(parties.conflictWith(new Set(['@UKR']), 0, 1)).toBe(0);
    });

    test('names none without links', () => {
      expect(new CorpusParties(retold, 100).conflictWith(new Set(['@UKR', '@USA']), 0)).toBe(0);
    });

    test('a unit naming parties is read by its own', () => {
      const parties = new CorpusParties(retold, 100, () => [{ report: 2, sentence: 2 }]);
      expect(parties.conflictWith(new Set(['@RUS', '@SAU']), 1)).toBe(1);
    });
  });

  test('a page naming no party is never read against the units', () => {
    const fresh = fakeIndex([['@RUS President Vladimir Putin ~said']]);
    expect(new CorpusParties(fresh, 100).conflictWith(new Set(), 0)).toBe(0);
    expect(fresh.reads).toBe(0);
  });
});

describe('the party conflict as the matcher reads it', () => {
  const corpus = loadDevCorpus();
  const k = FEATURES.indexOf('party_conflict');
  /** The party conflict of each candidate of the last unit of `texts`. */
  const conflicts = (texts: string[]): number[] => {
    const judged = corpus.matcher.judgeUnits(texts);
    return judged[judged.length - 1]!.candidates.map((c) => c.features[k]!);
  };

  test('the reports’ sentence about other parties is in conflict with the reports', () => {
    const found = conflicts([
      'Indian and Chinese officials discussed the terms during in-person and virtual talks over the past three weeks.',
    ]);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toContain(1);
  });

  test('a report sentence that names no party is read by the reports that retell it', () => {
    // CNews: "Discussions on these terms have taken place over the past three weeks…"; the
    // reports that retell it name Russia and the United States.
    const unnamed = corpus.compiled.sentences.findIndex((s) =>
      s.text.startsWith('Discussions on these terms'),
    );
    expect(unnamed).toBeGreaterThanOrEqual(0);
    const conflictOf = (text: string): number | undefined =>
      corpus.matcher.judgeUnits([text])[0]!.candidates.find((c) => c.sentence === unnamed)
        ?.features[k];
    expect(
      conflictOf(
        'Ukrainian and U.S. officers have spoken over the past three weeks, in person and by video.',
      ),
    ).toBe(1);
    expect(
      conflictOf(
        'Russian and American negotiators have spent three weeks going over the terms, in person and by video.',
      ),
    ).toBe(0);
  });
});
