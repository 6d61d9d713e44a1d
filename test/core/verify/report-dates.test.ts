import { describe, expect, test } from 'vitest';
import { reportDateIds, termClass, unitTags } from '../../../src/core/verify';
import { tokenize } from '../../../src/core/tokens';

/** The terms reportDateIds finds in a sentence (each term its own id). */
function reportDates(text: string): string[] {
  const tokens = tokenize(text);
  const ids = new Map<string, number>();
  const sequence = tokens.map((t) => ids.get(t.term) ?? ids.set(t.term, ids.size).get(t.term)!);
  const terms = [...ids.keys()];
  const nameLike = new Map(tokens.map((t) => [t.term, t.name || t.kind === 'acronym']));
  const found = reportDateIds(text, tokens, sequence, unitTags(text, tokens), (id) =>
    termClass(terms[id]!, nameLike.get(terms[id]!)!),
  );
  return [...found].map((id) => terms[id]!).sort();
}

describe("times that date an outlet's report", () => {
  test('a date in the clause of an outlet that reported', () => {
    expect(
      reportDates(
        'Russia has passed the United States a list of conditions, Reuters reported on March 13, citing two sources.',
      ),
    ).toEqual(['13', 'march']);
    expect(
      reportDates('According to a Reuters report on Thursday, Russia has handed over its demands.'),
    ).toEqual(['thursdai']);
    expect(
      reportDates(
        'The Wall Street Journal reported on Friday that Russia had handed over demands.',
      ),
    ).toEqual(['fridai']);
  });

  test("the claim's own time, and a person's saying, are not a report's date", () => {
    // The time stands in the reported clause.
    expect(reportDates('Reuters reported that Russia handed over its demands on Friday.')).toEqual(
      [],
    );
    // A person is no outlet: when Zelenskiy spoke is part of the claim.
    expect(reportDates('Zelenskiy said on March 11 he would accept the truce.')).toEqual([]);
    // No outlet at all.
    expect(reportDates('Putin visited a command post in Kursk on March 12.')).toEqual([]);
  });

  test("a time that also stands outside the outlet's clause is the claim's", () => {
    expect(
      reportDates('On Thursday Russia handed over its demands, Reuters reported on Thursday.'),
    ).toEqual([]);
  });
});
