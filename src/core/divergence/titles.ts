/**
 * The `title` and `entity` kinds: the titles and roles written next to a person's name ("former
 * U.S. President Donald Trump", "Putin, a former KGB officer", "Ukraine's president, Volodymyr
 * Zelenskyy"), compared for the same person on both sides; and a different person named in the
 * same role.
 */
import type { Difference } from './types';
import { sameWord, textOf, type Word } from './words';

/** Role words, each with the name it is compared under ("Gen." is "general"). */
const ROLES = new Map<string, string>(
  Object.entries({
    president: 'president',
    presidents: 'president',
    premier: 'premier',
    minister: 'minister',
    chancellor: 'chancellor',
    secretary: 'secretary',
    king: 'king',
    queen: 'queen',
    prince: 'prince',
    general: 'general',
    gen: 'general',
    colonel: 'colonel',
    col: 'colonel',
    admiral: 'admiral',
    adm: 'admiral',
    commander: 'commander',
    envoy: 'envoy',
    ambassador: 'ambassador',
    adviser: 'adviser',
    advisor: 'adviser',
    aide: 'aide',
    spokesman: 'spokesperson',
    spokeswoman: 'spokesperson',
    spokesperson: 'spokesperson',
    senator: 'senator',
    sen: 'senator',
    governor: 'governor',
    gov: 'governor',
    mayor: 'mayor',
    director: 'director',
    chairman: 'chair',
    chairwoman: 'chair',
    chair: 'chair',
    chief: 'chief',
    leader: 'leader',
    officer: 'officer',
    official: 'official',
    analyst: 'analyst',
    fellow: 'fellow',
    negotiator: 'negotiator',
    diplomat: 'diplomat',
    lawmaker: 'lawmaker',
    judge: 'judge',
    prosecutor: 'prosecutor',
    ceo: 'chief executive',
    founder: 'founder',
    head: 'head',
    speaker: 'speaker',
    pope: 'pope',
    cardinal: 'cardinal',
    editor: 'editor',
    correspondent: 'correspondent',
    economist: 'economist',
    professor: 'professor',
  }),
);
/** Words before a role that change what it says of the person ("former President"). */
const MODIFIERS = new Map<string, string>(
  Object.entries({
    former: 'former',
    ex: 'former',
    then: 'former',
    late: 'late',
    acting: 'acting',
    interim: 'acting',
    deputy: 'deputy',
    vice: 'deputy',
    assistant: 'deputy',
    retired: 'retired',
    outgoing: 'outgoing',
    incoming: 'incoming',
    elect: 'elect',
    prime: 'prime',
    foreign: 'foreign',
    defence: 'defence',
    defense: 'defence',
    interior: 'interior',
    finance: 'finance',
  }),
);
/** Words that may stand between a modifier and its role without changing it ("top envoy"). */
const FILLERS = new Set(['top', 'senior', 'special', 'chief', 'lead', 'main', 'current', 'new']);
const DETERMINERS = new Set(['a', 'an', 'the']);
/** Capitalised words that are never a person's name. */
const NOT_NAMES = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'i',
]);

/** One title written for one person. */
interface Title {
  role: string;
  modifiers: Set<string>;
  /** Country and organisation words of the title ("U.S.", "Russian", "KGB"). */
  qualifiers: Word[];
  from: number;
  to: number;
}

/** A person named in a sentence with the titles given there. */
interface Person {
  /** The last word of the name: the one outlets keep ("Trump", "Zelenskiy"). */
  surname: Word;
  from: number;
  to: number;
  titles: Title[];
}

function roleOf(word: Word): string | undefined {
  return ROLES.get(word.lower);
}

function isNameWord(word: Word | undefined): word is Word {
  return (
    word !== undefined &&
    word.cap &&
    roleOf(word) === undefined &&
    !NOT_NAMES.has(word.lower) &&
    /\p{L}/u.test(word.lower)
  );
}

/** The name run starting at `i`: capitalised words, nothing but spaces between them. */
function nameRun(words: readonly Word[], i: number): { from: number; to: number } | null {
  if (!isNameWord(words[i])) return null;
  let to = i;
  while (isNameWord(words[to + 1]) && /^\s+$/.test(words[to + 1]!.gap) && !words[to]!.possessive)
    to++;
  return { from: i, to };
}

/** The title phrase ending in the role word at `role`: its modifiers and qualifiers to the left. */
function titleEndingAt(words: readonly Word[], role: number): Title {
  const modifiers = new Set<string>();
  const qualifiers: Word[] = [];
  let from = role;
  for (let k = role - 1; k >= 0 && role - k <= 4; k--) {
    const word = words[k]!;
    if (/[,;:()]/.test(words[k + 1]!.gap)) break;
    const modifier = MODIFIERS.get(word.lower);
    if (modifier) modifiers.add(modifier);
    else if (word.cap && k > 0) qualifiers.push(word);
    else if (!FILLERS.has(word.lower)) break;
    from = k;
  }
  // "the former" and "a former": a determiner opens the phrase but is not part of the title.
  return { role: roleOf(words[role]!)!, modifiers, qualifiers, from, to: role };
}

/** Every person named with a title in a sentence. */
function peopleOf(words: readonly Word[]): Person[] {
  const people: Person[] = [];
  const add = (run: { from: number; to: number }, title: Title | null) => {
    const surname = words[run.to]!;
    let person = people.find((p) => sameWord(p.surname, surname));
    if (!person) {
      person = { surname, from: run.from, to: run.to, titles: [] };
      people.push(person);
    }
    if (title) person.titles.push(title);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!roleOf(word)) continue;
    // A role word followed by a name: "President Donald Trump", "envoy Steve Witkoff".
    const next = words[i + 1];
    if (next && /^\s+$/.test(next.gap) && !word.possessive) {
      const run = nameRun(words, i + 1);
      if (run) {
        add(run, titleEndingAt(words, i));
        i = run.to;
        continue;
      }
    }
    // An apposition before the name: "Ukraine's president, Volodymyr Zelenskyy,".
    if (next && /^,\s*$/.test(next.gap)) {
      const run = nameRun(words, i + 1);
      if (run && /^,/.test(words[run.to + 1]?.gap ?? ',')) {
        add(run, titleEndingAt(words, i));
        i = run.to;
        continue;
      }
    }
  }
  // An apposition after the name: "Putin, a former KGB officer,", "Kellogg, Trump's top envoy".
  for (let i = 0; i < words.length; i++) {
    const run = nameRun(words, i);
    if (!run) continue;
    const comma = words[run.to + 1];
    // A lone capitalised first word ("Meanwhile, President Trump") is not a name.
    const opener = run.from === 0 && run.to === 0;
    if (!opener && comma && /^,\s*$/.test(comma.gap)) {
      let k = run.to + 1;
      if (DETERMINERS.has(words[k]!.lower) || words[k]!.possessive) k++;
      for (let r = k; r < words.length && r <= k + 4; r++) {
        if (r > k && /[,;:]/.test(words[r]!.gap)) break;
        if (roleOf(words[r]!)) {
          // A role followed by a name is that name's title ("…, President Donald Trump").
          const owner = /^\s+$/.test(words[r + 1]?.gap ?? '') ? nameRun(words, r + 1) : null;
          if (!owner) add(run, titleEndingAt(words, r));
          break;
        }
      }
    }
    i = run.to;
  }
  return people.filter((p) => p.titles.length > 0);
}

function titleText(sentence: string, words: readonly Word[], title: Title): string {
  return textOf(sentence, words, title.from, title.to);
}

function sameModifiers(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((m) => b.has(m));
}

/** The `title` and `entity` differences between two sentences. */
export function titleDifferences(
  page: string,
  pageWords: readonly Word[],
  report: string,
  reportWords: readonly Word[],
): Difference[] {
  const pagePeople = peopleOf(pageWords);
  const reportPeople = peopleOf(reportWords);
  const differences: Difference[] = [];
  const span = (words: readonly Word[], t: Title) => ({
    start: words[t.from]!.start,
    end: words[t.to]!.end,
  });
  const flag = (
    kind: 'title' | 'entity',
    p: Title,
    r: Title,
    pageText?: string,
    reportText?: string,
  ) =>
    differences.push({
      kind,
      page: pageText ?? titleText(page, pageWords, p),
      report: reportText ?? titleText(report, reportWords, r),
      pageSpan: span(pageWords, p),
      reportSpan: span(reportWords, r),
    });
  const matched = new Set<Person>();
  for (const p of pagePeople) {
    const r = reportPeople.find((o) => sameWord(o.surname, p.surname));
    if (!r) continue;
    matched.add(p).add(r);
    const common = p.titles.filter((t) => r.titles.some((o) => o.role === t.role));
    if (common.length === 0) {
      flag('title', p.titles[0]!, r.titles[0]!);
      continue;
    }
    for (const t of common) {
      const o = r.titles.find((x) => x.role === t.role)!;
      if (!sameModifiers(t.modifiers, o.modifiers)) {
        flag('title', t, o);
        break;
      }
    }
  }
  // Entity: the one unmatched person of a role on each side, with the same qualifiers, and neither
  // named anywhere on the other side ("U.S. President Joe Biden" / "U.S. President Donald Trump").
  const named = (words: readonly Word[], person: Person) =>
    words.some((w) => w.cap && sameWord(w, person.surname));
  const loose = (people: Person[], other: readonly Word[]) =>
    people.filter((p) => !matched.has(p) && !named(other, p));
  const pageLoose = loose(pagePeople, reportWords);
  const reportLoose = loose(reportPeople, pageWords);
  for (const p of pageLoose) {
    for (const t of p.titles) {
      const sameRole = (people: Person[]) =>
        people.filter((x) => x.titles.some((o) => o.role === t.role));
      const candidates = sameRole(reportLoose);
      if (candidates.length !== 1 || sameRole(pageLoose).length !== 1) continue;
      const r = candidates[0]!;
      const o = r.titles.find((x) => x.role === t.role)!;
      const qualifiersAgree =
        t.qualifiers.length === o.qualifiers.length &&
        t.qualifiers.every((q) => o.qualifiers.some((x) => sameWord(q, x)));
      if (!qualifiersAgree || !sameModifiers(t.modifiers, o.modifiers)) continue;
      differences.push({
        kind: 'entity',
        page: textOf(page, pageWords, p.from, p.to),
        report: textOf(report, reportWords, r.from, r.to),
        pageSpan: { start: pageWords[p.from]!.start, end: pageWords[p.to]!.end },
        reportSpan: { start: reportWords[r.from]!.start, end: reportWords[r.to]!.end },
      });
      break;
    }
  }
  return differences;
}
