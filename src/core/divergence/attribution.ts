/**
 * The `attribution` kind: the sources each sentence names (found by the provenance module's
 * attribution extraction), reduced to what a reader would compare — which outlet, which person,
 * what kind and how many unnamed sources ("two people familiar with the matter" is not "sources
 * familiar with the matter"; "individuals with knowledge of the matter" is) — and compared.
 */
import { findAttributions, outletKey, type Attribution } from '../provenance/attributions';
import type { Difference, Span } from './types';
import { readNumberWords } from '../numbers';
import { isContent, perText, sameWord, wordsOf, type Word } from './words';

/** Nouns for unnamed sources that say nothing of who they are: one class. */
const PEOPLE = new Set(['sources', 'source', 'people', 'persons', 'individuals', 'insiders']);
/** Words in an unnamed source's phrase that say which side it is on ("U.S.", "Western", "former"). */
const QUALIFIER_WORDS = new Set(['former', 'senior', 'western', 'european']);
const NOT_QUALIFIERS = new Set(['some', 'several', 'the', 'many', 'multiple', 'two', 'according']);
/** Nouns naming who unnamed sources are. */
const SOURCE_NOUNS = new Set([
  'officials',
  'diplomats',
  'lawmakers',
  'analysts',
  'experts',
  'aides',
  'negotiators',
  'investigators',
  'ministers',
  'observers',
  'witnesses',
  'residents',
  'staffers',
  'advisers',
  'advisors',
]);
/** Words after which an unnamed source's phrase says how it knows, not who it is. */
const PHRASE_ENDS = new Set([
  'familiar',
  'with',
  'who',
  'briefed',
  'close',
  'in',
  'at',
  'of',
  'on',
  'from',
  'knowledgeable',
  'speaking',
  'aware',
  'said',
  'say',
  'told',
]);

/** What a source is, for comparing: `outlet:reuters`, `person:trump`, `anonymous:people|us|2`. */
interface Source {
  attribution: Attribution;
  key: string;
  /** Unnamed sources: their nouns and qualifiers, to look for on the other side. */
  nouns: string[];
  qualifiers: string[];
  /** People: the surname word. */
  surname: Word | null;
}

function sourceOf(attribution: Attribution): Source {
  const words = wordsOf(attribution.source);
  switch (attribution.kind) {
    case 'outlet':
      return base(attribution, `outlet:${outletKey(attribution.source)}`);
    case 'document':
      return base(attribution, 'document');
    case 'person': {
      const surname = words[words.length - 1] ?? null;
      return { ...base(attribution, `person:${surname?.key ?? ''}`), surname };
    }
    case 'anonymous': {
      const nouns = new Set<string>();
      const qualifiers = new Set<string>();
      let count = '';
      for (const word of words) {
        // Only the words up to the nouns say who the sources are; the rest ("familiar with the
        // matter", "who have been briefed") says how they know.
        if (nouns.size > 0 && PHRASE_ENDS.has(word.lower)) break;
        const spelled = readNumberWords([word.lower], 0);
        if (/^\d+$/.test(word.key)) count = word.key;
        else if (spelled) count = String(spelled.value);
        else if (PEOPLE.has(word.lower)) nouns.add('people');
        else if (
          SOURCE_NOUNS.has(word.lower) ||
          (/s$/.test(word.lower) && !word.cap && word.lower.length > 3)
        )
          nouns.add(word.key);
        else if ((word.cap || QUALIFIER_WORDS.has(word.lower)) && !NOT_QUALIFIERS.has(word.lower))
          qualifiers.add(word.key);
      }
      const key = `anonymous:${[...nouns].sort().join('+')}|${[...qualifiers].sort().join('+')}|${count}`;
      return { ...base(attribution, key), nouns: [...nouns], qualifiers: [...qualifiers] };
    }
  }
}

function base(attribution: Attribution, key: string): Source {
  return { attribution, key, nouns: [], qualifiers: [], surname: null };
}

/** The sources a sentence names (remembered, as its words are: see perText). */
export const sourcesOf = perText((sentence): Source[] => findAttributions(sentence).map(sourceOf));

/**
 * Whether the other sentence names `source` without attributing to it: the same person as a
 * subject ("Zelenskiy has signaled" against "Zelenskiy has said"), or the same unnamed sources'
 * noun with no other qualifiers ("officials have pointed to" against "officials have said").
 */
function namedOn(source: Source, words: readonly Word[]): boolean {
  if (source.surname) return words.some((w) => w.cap && sameWord(w, source.surname!));
  if (source.nouns.length === 0) return false;
  return words.some((w, i) => {
    const noun = PEOPLE.has(w.lower) ? 'people' : w.key;
    if (NOT_QUALIFIERS.has(w.lower)) return false;
    if (!source.nouns.includes(noun)) return false;
    const before = words
      .slice(Math.max(0, i - 3), i)
      .filter((b) => b.cap || QUALIFIER_WORDS.has(b.lower));
    const theirs = before.map((b) => b.key).filter((k) => !NOT_QUALIFIERS.has(k));
    // Qualifiers on both sides that disagree ("Western" / "U.S.") name other sources.
    return (
      theirs.length === 0 ||
      source.qualifiers.length === 0 ||
      theirs.some((k) => source.qualifiers.includes(k))
    );
  });
}

/** Reporting verbs after a pronoun that make it a source ("They described", "he said"). */
const REPORTING = new Set(
  `said say says told tell warn warned described describe believe believed fear feared suspect
  suspected added add noted note stated state argued argue claimed claim insisted insist`.split(
    /\s+/,
  ),
);

/**
 * Whether a sentence attributes to a source it names only by a pronoun ("They described…"): the
 * source is in an earlier sentence, so it cannot be compared, nor said to be missing.
 */
export function pronounSource(words: readonly Word[]): boolean {
  return words.some(
    (w, i) =>
      ['they', 'he', 'she'].includes(w.lower) &&
      [words[i + 1], words[i + 2]].some((v) => v !== undefined && REPORTING.has(v.lower)),
  );
}

/** Most content words after a person's attribution that say what the person said. */
const SAID_WINDOW = 6;
/** Of those, how many the other sentence must share for the person's words to be its claim too. */
const SAID_SHARED = 2;

/**
 * Whether what a person is said to have said is part of the claim the other sentence tells: a
 * long sentence may report someone's words in a clause the other sentence does not retell.
 */
function saidIsShared(sentence: string, source: Source, other: readonly Word[]): boolean {
  const words = wordsOf(sentence);
  const after = words
    .filter((w) => w.start >= source.attribution.end && isContent(w))
    .slice(0, SAID_WINDOW);
  const shared = after.filter((w) => other.some((o) => sameWord(o, w))).length;
  return shared >= Math.min(SAID_SHARED, after.length);
}

/** "the report": a report named earlier, which may be the outlet's the other side names. */
function backReference(source: Source): boolean {
  return source.attribution.kind === 'document' && /^the\s/i.test(source.attribution.source);
}

/** One span covering `attributions` when they are next to each other, else the first one's. */
function spanOf(attributions: readonly Attribution[]): Span {
  const sorted = [...attributions].sort((a, b) => a.start - b.start);
  const start = sorted[0]!.start;
  let end = sorted[0]!.end;
  for (const a of sorted.slice(1)) {
    if (a.start > end + 1) break;
    end = Math.max(end, a.end);
  }
  return { start, end };
}

/** The `attribution` difference between two sentences, if their sources differ. */
export function attributionDifferences(
  page: string,
  pageWords: readonly Word[],
  report: string,
  reportWords: readonly Word[],
): Difference[] {
  const pageSources = sourcesOf(page);
  const reportSources = sourcesOf(report);
  const pageKeys = new Set(pageSources.map((s) => s.key));
  const reportKeys = new Set(reportSources.map((s) => s.key));
  let pageOnly = pageSources.filter((s) => !reportKeys.has(s.key));
  let reportOnly = reportSources.filter((s) => !pageKeys.has(s.key));
  // A person's words in a clause the other side does not retell are not this claim's source.
  const personAnchored = (s: Source, text: string, other: readonly Word[]) =>
    s.attribution.kind !== 'person' || (!namedOn(s, other) && saidIsShared(text, s, other));
  pageOnly = pageOnly.filter((s) => personAnchored(s, page, reportWords));
  reportOnly = reportOnly.filter((s) => personAnchored(s, report, pageWords));
  // A source only one side attributes to, but which the other side names all the same, is told
  // the other side's way rather than dropped.
  if (reportOnly.length === 0) pageOnly = pageOnly.filter((s) => !namedOn(s, reportWords));
  if (pageOnly.length === 0) reportOnly = reportOnly.filter((s) => !namedOn(s, pageWords));
  // A pronoun source on one side may be anyone; a source missing against it is not checkable.
  if (reportOnly.length === 0 && pronounSource(reportWords)) pageOnly = [];
  if (pageOnly.length === 0 && pronounSource(pageWords)) reportOnly = [];
  // "the report" against a named outlet's or document's report: likely the same report.
  const isReport = (s: Source) =>
    s.attribution.kind === 'outlet' || s.attribution.kind === 'document';
  if (
    (pageOnly.length > 0 && pageOnly.every(backReference) && reportOnly.every(isReport)) ||
    (reportOnly.length > 0 && reportOnly.every(backReference) && pageOnly.every(isReport))
  ) {
    return [];
  }
  if (pageOnly.length === 0 && reportOnly.length === 0) return [];
  const side = (text: string, sources: Source[]) => {
    if (sources.length === 0) return { words: '', span: null };
    const span = spanOf(sources.map((s) => s.attribution));
    return { words: text.slice(span.start, span.end), span };
  };
  const p = side(page, pageOnly);
  const r = side(report, reportOnly);
  return [
    { kind: 'attribution', page: p.words, report: r.words, pageSpan: p.span, reportSpan: r.span },
  ];
}
