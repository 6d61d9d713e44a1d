/**
 * Times that date a news outlet's report, not the claim it reports: "…against Ukraine, Reuters
 * reported on March 13, citing two sources", "According to a Reuters report on Thursday, …". A
 * report of the corpus never gives its own date, so such a time is neither a time the report
 * lacks nor a name the corpus never mentions; it says when the claim was published, not when its
 * event happened. A time in another clause ("Reuters reported that Russia on Friday handed…") is
 * the claim's.
 */
import { findAttributions, mayNameOutlet } from '../provenance/attributions';
import { REPORTING_VERBS } from '../reporting-verbs';
import type { Token } from '../tokens';
import { clauseOf } from './analyse';
import { MONTH, NUMBER, TIME } from './features';

/** A word that can tie a text to an outlet (see REPORTING_VERBS). */
const ATTRIBUTION_CUE = new RegExp(
  `\\b(?:${[...REPORTING_VERBS, 'according', 'citing', 'quoting'].join('|')})\\b`,
  'i',
);

/**
 * The ids (of `sequence`, the unit's term ids in token order) of the times that date an outlet's
 * report in a unit of text `text`, tokens `tokens` and analysis tags `tags`: days, months and the
 * numbers beside a month, each only where every occurrence stands in the clause of an outlet an
 * attribution names. `classOf` gives an id's term class.
 */
export function reportDateIds(
  text: string,
  tokens: readonly Token[],
  sequence: readonly number[],
  tags: ArrayLike<number>,
  classOf: (id: number) => number,
): Set<number> {
  const found = new Set<number>();
  const classAt = (i: number): number =>
    i >= 0 && i < sequence.length ? classOf(sequence[i]!) : -1;
  const isTime = (i: number): boolean => {
    const cls = classAt(i);
    return (
      cls === TIME ||
      cls === MONTH ||
      (cls === NUMBER && (classAt(i - 1) === MONTH || classAt(i + 1) === MONTH))
    );
  };
  // Most units name no time: no attribution is looked for.
  if (!sequence.some((_, i) => isTime(i))) return found;
  // An outlet is attributed by a verb of saying or reporting, "according to" or "citing".
  if (!ATTRIBUTION_CUE.test(text) || !mayNameOutlet(text)) return found;
  let outletClauses = 0;
  for (const attribution of findAttributions(text)) {
    if (attribution.kind !== 'outlet') continue;
    tokens.forEach((token, i) => {
      if (token.start < attribution.end && token.end > attribution.start)
        outletClauses |= 1 << clauseOf(tags[i] ?? 0);
    });
  }
  if (outletClauses === 0) return found;
  const elsewhere = new Set<number>();
  sequence.forEach((id, i) => {
    const dating = isTime(i) && (outletClauses & (1 << clauseOf(tags[i] ?? 0))) !== 0;
    if (dating) found.add(id);
    else elsewhere.add(id);
  });
  for (const id of elsewhere) found.delete(id);
  return found;
}
