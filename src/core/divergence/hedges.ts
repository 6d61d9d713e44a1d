/**
 * The `hedge` kind: one side hedges what the other states plainly ("reportedly", "are believed
 * to", "may", "it is unclear"), found from cue lists with a scope (the words the cue governs),
 * anchored to the same words on the other side; and the strength of a commitment ("has already
 * agreed to" against "has said he would accept").
 */
import type { Difference } from './types';
import { isClauseBreak, isContent, sameWord, textOf, type Word } from './words';

/**
 * Cues that say the source is unsure or second-hand: a side that names a source for the claim
 * ("…, officials said") is not stating it plainly either, so these count only against a side
 * with neither a hedge nor a source.
 */
const EVIDENTIAL = new Set([
  'reportedly',
  'allegedly',
  'purportedly',
  'apparently',
  'supposedly',
  'ostensibly',
  'seemingly',
  'unconfirmed',
  'alleged',
  'suggest',
  'suggests',
  'suggested',
]);
/** Modals that say the event may not happen: their scope is the verb that follows. */
const MODALS = new Set(['may', 'might', 'could']);
/** Words that say the whole statement is uncertain, whoever tells it. */
const UNCERTAIN = new Set([
  'unclear',
  'uncertain',
  'unknown',
  'appears',
  'appear',
  'seems',
  'seem',
]);
/**
 * Hedges too mild or too ambiguous to flag ("potential terms", "a possible starting point"), which
 * still make a side hedged when the other side has a stronger hedge.
 */
const MILD = new Set([
  'possible',
  'potential',
  'possibly',
  'probably',
  'perhaps',
  'likely',
  'unlikely',
  'doubt',
  'doubts',
  'doubtful',
]);
/** Words after an uncertainty word that open what is uncertain ("unclear whether…"). */
const OPENERS = new Set(['whether', 'if', 'what', 'how', 'who', 'when', 'where', 'why', 'that']);
/** Of the words a statement-wide hedge governs, how many the other side must tell. */
const SHARED_SCOPE = 2;
/** Participles that hedge before "to" ("are believed to include", "is expected to"). */
const BELIEF = new Set(['believed', 'thought', 'expected', 'understood', 'rumoured', 'rumored']);
/**
 * Verbs of saying that hedge in the passive before "to" ("are said to have met", "is reported to
 * be"): someone unnamed says so.
 */
const PASSIVE_SAYING = new Set(['said', 'reported', 'alleged', 'claimed']);
/** Forms of "be" that make a participle before "to" a hedge of the statement. */
const BE = ['is', 'are', 'was', 'were', 'be', 'been'];
/** Adjectives made hedges by a negation before them ("not clear", "not known"). */
const NEGATED_CERTAINTY = new Set(['clear', 'known', 'certain', 'confirmed']);
/** Modals that state plainly; shown as the other side's words when they stand in a hedge's place. */
const PLAIN_MODALS = new Set(['will', 'would', 'shall', 'must', 'can']);
/** Content words after a cue that say what it hedges. */
const SCOPE = 4;
/** Words around a shared word on the other side searched for its own hedge. */
const CLAUSE_BEFORE = 10;
const CLAUSE_AFTER = 4;

/**
 * A hedge cue in a sentence: words[from..to]. `evidential` cues are about the source, `modal`
 * ones about the verb that follows, the others about the whole statement; `mild` ones are never
 * flagged themselves.
 */
interface Cue {
  from: number;
  to: number;
  evidential: boolean;
  modal: boolean;
  mild: boolean;
}

function cue(from: number, to: number, kind: 'evidential' | 'modal' | 'wide' | 'mild'): Cue {
  return {
    from,
    to,
    evidential: kind === 'evidential',
    modal: kind === 'modal',
    mild: kind === 'mild',
  };
}

/** Every hedge cue of a sentence. */
export function cuesOf(words: readonly Word[]): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (EVIDENTIAL.has(w.lower)) cues.push(cue(i, i, 'evidential'));
    else if (MODALS.has(w.lower)) {
      // "May" capitalised mid-sentence is the month.
      if (w.lower === 'may' && w.cap && i > 0) continue;
      cues.push(cue(i, i, 'modal'));
    } else if (UNCERTAIN.has(w.lower)) cues.push(cue(i, i, 'wide'));
    else if (MILD.has(w.lower)) cues.push(cue(i, i, 'mild'));
    else if (BELIEF.has(w.lower) && next?.lower === 'to') {
      const aux = words[i - 1];
      const from = aux && BE.includes(aux.lower) ? i - 1 : i;
      cues.push(cue(from, i + 1, 'evidential'));
    } else if (
      PASSIVE_SAYING.has(w.lower) &&
      next?.lower === 'to' &&
      i > 0 &&
      BE.includes(words[i - 1]!.lower)
    ) {
      cues.push(cue(i - 1, i + 1, 'evidential'));
    } else if (NEGATED_CERTAINTY.has(w.lower) && i > 0) {
      const before = words[i - 1]!;
      const farFrom = before.lower === 'from' && words[i - 2]?.lower === 'far';
      if (before.lower === 'not' || before.negated || farFrom) {
        cues.push(cue(farFrom ? i - 2 : i - 1, i, 'wide'));
      }
    }
  }
  return cues;
}

/** The clause around word `at`: up to a clause break, or a comma before a conjunction. */
function clauseAround(words: readonly Word[], at: number): { from: number; to: number } {
  let from = at;
  while (from > 0 && at - from < CLAUSE_BEFORE && !opensClause(words, from)) from--;
  let to = at;
  while (to + 1 < words.length && to - at < CLAUSE_AFTER && !opensClause(words, to + 1)) to++;
  return { from, to };
}

function opensClause(words: readonly Word[], i: number): boolean {
  const word = words[i]!;
  if (isClauseBreak(word.gap)) return true;
  return (
    /,/.test(word.gap) && ['and', 'but', 'while', 'which', 'who', 'although'].includes(word.lower)
  );
}

/** The verb a modal governs: the next word that is not "be", "have" or an adverb. */
function modalVerb(words: readonly Word[], cue: Cue): Word | null {
  for (let i = cue.to + 1; i < words.length && i <= cue.to + 3; i++) {
    const word = words[i]!;
    if (isClauseBreak(word.gap)) return null;
    if (['be', 'have', 'been', 'also', 'still', 'even', 'not', 'well', 'then'].includes(word.lower))
      continue;
    return isContent(word) ? word : null;
  }
  return null;
}

/**
 * The content words a statement-wide cue governs: for "reportedly" and "are believed to", the rest
 * of the clause; for "unclear" and its kind, what follows "whether" (or "what", "that"), else the
 * subject before it ("the details remain unclear").
 */
function governed(words: readonly Word[], cue: Cue): Word[] {
  const after: Word[] = [];
  for (let i = cue.to + 1; i < words.length; i++) {
    if (isClauseBreak(words[i]!.gap)) break;
    if (isContent(words[i]!)) after.push(words[i]!);
  }
  if (cue.evidential) return after;
  const opener = words[cue.to + 1];
  if (opener && OPENERS.has(opener.lower)) return after.slice(0, SCOPE);
  const before: Word[] = [];
  for (let i = cue.from - 1; i >= 0 && before.length < SCOPE; i--) {
    if (isClauseBreak(words[i + 1]!.gap)) break;
    if (isContent(words[i]!)) before.push(words[i]!);
  }
  return before;
}

/** Whether the other side names a source of its own for what it says. */
export type SourceCheck = (side: 'page' | 'report') => boolean;

/** The `hedge` differences between two sentences. */
export function hedgeDifferences(
  page: string,
  pageWords: readonly Word[],
  report: string,
  reportWords: readonly Word[],
  attributed: SourceCheck,
): Difference[] {
  const differences: Difference[] = [];
  const pageCues = cuesOf(pageWords);
  const reportCues = cuesOf(reportWords);
  const oneWay = (
    aText: string,
    aWords: readonly Word[],
    aCues: Cue[],
    bText: string,
    bWords: readonly Word[],
    bCues: Cue[],
    bSide: 'page' | 'report',
  ): { a: Cue; bWords: string; bSpan: { start: number; end: number } | null }[] => {
    const found: { a: Cue; bWords: string; bSpan: { start: number; end: number } | null }[] = [];
    const wideOnB = bCues.some((c) => !c.modal && !c.mild);
    for (const c of aCues) {
      if (c.mild) continue;
      if (c.evidential && attributed(bSide)) continue;
      let anchor: Word | undefined;
      if (c.modal) {
        // A modal hedges its verb: the other side must tell that verb, with no hedge of its own
        // in that clause and none over the whole statement.
        const verb = modalVerb(aWords, c);
        anchor = verb ? bWords.find((b) => sameWord(b, verb)) : undefined;
        if (!anchor || wideOnB) continue;
        const clause = clauseAround(bWords, anchor.index);
        if (bCues.some((o) => o.to >= clause.from && o.from <= clause.to)) continue;
      } else {
        // A statement-wide hedge: the other side tells the same statement and hedges none of it.
        const scope = governed(aWords, c);
        const told = scope.filter((w) => bWords.some((b) => sameWord(w, b)));
        if (told.length < SHARED_SCOPE || !told.some((w) => !w.cap) || bCues.length > 0) continue;
        anchor = bWords.find((b) => sameWord(b, told[0]!))!;
      }
      // Where the other side has a plain modal in the hedge's place ("will use"), show it.
      let modal: Word | undefined;
      for (let k = anchor.index - 1; k >= 0 && k >= anchor.index - 2; k--) {
        if (PLAIN_MODALS.has(bWords[k]!.lower)) modal = bWords[k];
      }
      found.push({
        a: c,
        bWords: modal ? modal.text : '',
        bSpan: modal ? { start: modal.start, end: modal.end } : null,
      });
    }
    return found;
  };
  for (const f of oneWay(page, pageWords, pageCues, report, reportWords, reportCues, 'report')) {
    differences.push({
      kind: 'hedge',
      page: textOf(page, pageWords, f.a.from, f.a.to),
      report: f.bWords,
      pageSpan: { start: pageWords[f.a.from]!.start, end: pageWords[f.a.to]!.end },
      reportSpan: f.bSpan,
    });
  }
  for (const f of oneWay(report, reportWords, reportCues, page, pageWords, pageCues, 'page')) {
    differences.push({
      kind: 'hedge',
      page: f.bWords,
      report: textOf(report, reportWords, f.a.from, f.a.to),
      pageSpan: f.bSpan,
      reportSpan: { start: reportWords[f.a.from]!.start, end: reportWords[f.a.to]!.end },
    });
  }
  differences.push(...commitmentDifferences(page, pageWords, report, reportWords));
  // One flag per cue word: "may" against "will" in two places of one clause is one difference.
  const seen = new Set<string>();
  return differences.filter((d) => {
    const key = `${d.page.toLowerCase()}|${d.report.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Verbs of accepting a proposal, by stem. */
const ACCEPTING = new Set(['agre', 'accept', 'approv', 'endors']);
/** Words before such a verb that make it an intention, not an act ("would accept", "willing to"). */
const INTENTION = new Set([
  'would',
  'will',
  'could',
  'may',
  'might',
  'willing',
  'willingness',
  'ready',
  'prepared',
  'consider',
  'whether',
  'if',
]);
/** Most words between a person's name and what the person accepts. */
const SUBJECT_SPAN = 8;

/** An act of accepting in a sentence: who, whether done or intended, and its words. */
interface Commitment {
  subject: Word;
  done: boolean;
  from: number;
  to: number;
}

function commitmentsOf(words: readonly Word[]): Commitment[] {
  const found: Commitment[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const yes = w.lower === 'yes' && ['said', 'say', 'says'].includes(words[i - 1]?.lower ?? '');
    if (!ACCEPTING.has(w.key) && !yes) continue;
    let from = yes ? i - 1 : i;
    let intended = false;
    for (let k = from - 1; k >= 0 && k >= from - 3; k--) {
      if (isClauseBreak(words[k + 1]!.gap)) break;
      if (INTENTION.has(words[k]!.lower)) {
        intended = true;
        from = k;
        break;
      }
    }
    const past = /(?:ed|yes)$/.test(w.lower);
    if (!intended && !past) continue;
    // The perfect's auxiliary and "already" belong to the act ("has already agreed").
    while (from > 0 && ['has', 'have', 'had', 'already'].includes(words[from - 1]!.lower)) from--;
    let subject: Word | undefined;
    for (let k = from - 1; k >= 0 && k >= from - SUBJECT_SPAN; k--) {
      const word = words[k]!;
      if (word.cap && k > 0 && !/^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/.test(word.lower)) {
        subject = word;
        break;
      }
    }
    if (subject) found.push({ subject, done: !intended, from, to: i });
  }
  return found;
}

/** Acts of accepting by the same person, done on one side and only intended on the other. */
function commitmentDifferences(
  page: string,
  pageWords: readonly Word[],
  report: string,
  reportWords: readonly Word[],
): Difference[] {
  const differences: Difference[] = [];
  const reportActs = commitmentsOf(reportWords);
  for (const p of commitmentsOf(pageWords)) {
    const r = reportActs.find((o) => sameWord(o.subject, p.subject));
    if (!r || r.done === p.done) continue;
    differences.push({
      kind: 'hedge',
      page: textOf(page, pageWords, p.from, p.to),
      report: textOf(report, reportWords, r.from, r.to),
      pageSpan: { start: pageWords[p.from]!.start, end: pageWords[p.to]!.end },
      reportSpan: { start: reportWords[r.from]!.start, end: reportWords[r.to]!.end },
    });
  }
  return differences;
}
