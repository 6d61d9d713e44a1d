/**
 * Attributions: the sources a news text names for its information, each with its kind and span.
 *
 * General rules of news attribution, not a list of this story's sources: reporting verbs after a
 * subject ("officials said", "Fox News reported", "Rubio told reporters") or before it ("…,” said
 * Angela Stent), "according to …", "citing …", "per …", "told <outlet>", "<document> seen by
 * <outlet>", datelines and bylines with an agency mark ("LONDON (Reuters) -"), and the shapes of
 * unnamed sourcing ("two people familiar with the matter", "a senior official, who spoke on
 * condition of anonymity"). A name is an outlet when it is a well-known news organisation, when
 * it ends in a word newspapers and broadcasters are named with ("… News", "… Times", "… Post"), or
 * when the text calls it one ("the newspaper Le Monde", "Interfax news agency").
 *
 * Named institutions that are not news organisations ("the Kremlin said", "the ministry said")
 * are none of the four kinds and are left out, as are photo credits and "reportedly".
 */
import { REPORTING_VERBS } from '../reporting-verbs';

/** What a named source is. */
export type AttributionKind = 'outlet' | 'anonymous' | 'person' | 'document';

/** One source a text names, with the words that name it. */
export interface Attribution {
  /** The source: an outlet's or person's name, or the phrase for unnamed sources or documents. */
  source: string;
  kind: AttributionKind;
  /** The words of the attribution (the source and the verb or preposition tying it to the text). */
  text: string;
  /** UTF-16 offsets of `text` in the text searched. */
  start: number;
  end: number;
}

/**
 * News organisations known by a name that carries no newspaper word (lower case, without a
 * leading "the"). Agencies and broadcasters that wire copy and its rewrites cite most.
 */
const KNOWN_OUTLETS = new Set([
  'reuters',
  'ap',
  'associated press',
  'afp',
  'agence france-presse',
  'agence france presse',
  'bloomberg',
  'cnn',
  'bbc',
  'nbc',
  'cbs',
  'abc',
  'msnbc',
  'npr',
  'pbs',
  'cnbc',
  'axios',
  'politico',
  'semafor',
  'al jazeera',
  'tass',
  'ria',
  'ria novosti',
  'interfax',
  'xinhua',
  'kyodo',
  'yonhap',
  'dpa',
  'ansa',
  'efe',
  'anadolu',
  'ukrinform',
  'unian',
  'meduza',
  'kommersant',
  'vedomosti',
  'izvestia',
  'the information',
  'information',
  'guardian',
  'economist',
  'newsweek',
  'propublica',
  'huffpost',
  'nhk',
  'sky',
  'itv',
  'cbc',
  'rte',
  'zdf',
  'ard',
  'spiegel',
  'der spiegel',
  'le monde',
  'le figaro',
  'el país',
  'el pais',
  'haaretz',
  'nikkei',
  'handelsblatt',
  'bild',
  'la repubblica',
  'corriere della sera',
  'fox',
]);

/**
 * Outlets known by two names, for counting who cites whom (a Map: an outlet may be called
 * anything, "Constructor" too, and must not find an object's built-in properties).
 */
const OUTLET_ALIASES: ReadonlyMap<string, string> = new Map([
  ['ap', 'associated press'],
  ['afp', 'agence france-presse'],
  ['agence france presse', 'agence france-presse'],
  ['information', 'the information'],
  ['spiegel', 'der spiegel'],
]);

/** Last words of the names newspapers, agencies and broadcasters go by. */
const NEWS_WORDS = new Set([
  'News',
  'Times',
  'Post',
  'Journal',
  'Herald',
  'Tribune',
  'Gazette',
  'Telegraph',
  'Guardian',
  'Press',
  'Wire',
  'Newswire',
  'Radio',
  'Television',
  'TV',
  'Broadcasting',
  'Chronicle',
  'Observer',
  'Courier',
  'Ledger',
  'Examiner',
  'Standard',
  'Express',
  'Mirror',
  'Dispatch',
  'Bulletin',
  'Monitor',
  'Magazine',
  'Daily',
  'Weekly',
  'Newsroom',
  'Independent',
  'Inquirer',
  'Sentinel',
  'Star',
  'Globe',
  'Insider',
  'Intercept',
]);

/** Words the text uses to call a name a news organisation ("the newspaper Le Monde"). */
const OUTLET_DESCRIPTOR =
  '(?:news\\s+agency|press\\s+agency|newspaper|daily|broadcaster|tabloid|magazine|news\\s+outlet|news\\s+site|news\\s+channel|television|TV\\s+channel|network|wire\\s+service|outlet)';

/**
 * Whether a text may name an outlet at all: a word of a well-known outlet's name, a word
 * newspapers and broadcasters are named with, or a word calling a name one. Without one, no
 * attribution to an outlet is found, and callers that want only those need not look.
 */
export function mayNameOutlet(text: string): boolean {
  return KNOWN_OUTLET_HINT.test(text) || NEWS_WORD_HINT.test(text);
}

const escaped = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word of a well-known outlet's name, in any case ("Reuters", "AP"). */
const KNOWN_OUTLET_HINT = new RegExp(
  `\\b(?:${[...new Set([...KNOWN_OUTLETS].map((name) => name.split(' ')[0]!))].map(escaped).join('|')})\\b`,
  'i',
);
/** A newspaper word as a name writes it ("Post", not "command post"), or a word calling one. */
const NEWS_WORD_HINT = new RegExp(
  `\\b(?:${[...NEWS_WORDS].map(escaped).join('|')})\\b|${OUTLET_DESCRIPTOR}`,
);

/** Words that make a name an institution's, never a person's. */
const ORG_WORDS = new Set([
  'Ministry',
  'Department',
  'Council',
  'House',
  'Kremlin',
  'Pentagon',
  'Institution',
  'Institute',
  'Commission',
  'Office',
  'Agency',
  'Committee',
  'Union',
  'Bank',
  'Fund',
  'Party',
  'Government',
  'Administration',
  'Army',
  'Navy',
  'Forces',
  'Force',
  'University',
  'Court',
  'Parliament',
  'Congress',
  'Senate',
  'Embassy',
  'Company',
  'Corp',
  'Inc',
  'Group',
  'Organization',
  'Organisation',
  'Service',
  'Authority',
  'Police',
  'Guard',
  'Board',
  'Federation',
  'Association',
  'League',
  'Vatican',
  'Foundation',
  'Center',
  'Centre',
  'Bureau',
  'Corporation',
  'Cabinet',
  'Command',
  'Treasury',
  'Nations',
  'Ministry’s',
  "Ministry's",
  'NATO',
  'EU',
  'UN',
  'Hamas',
  'Hezbollah',
]);

/**
 * Places and bodies that speak in the news under one word ("Ukraine says", "Moscow said"); a
 * single word before a reporting verb is a person's name unless it is one of these (or another
 * capitalised word that is no name, such as a sentence's first word).
 */
const STATE_NAMES = new Set(
  (
    'Russia Ukraine Kyiv Kiev Moscow Washington Beijing China America Britain London Paris ' +
    'France Germany Berlin Israel Iran Tehran Turkey Ankara Japan Tokyo India Delhi Pakistan ' +
    'Brussels Europe Poland Warsaw Syria Damascus Gaza Taiwan Taipei Korea Pyongyang Seoul Egypt ' +
    'Cairo Qatar Doha Riyadh Jeddah Canada Ottawa Mexico Brazil Italy Rome Spain Madrid Minsk ' +
    'Belarus Georgia Tbilisi Baghdad Iraq Kabul Afghanistan Venezuela Cuba Nato Congress ' +
    'Parliament Police Authorities Officials Sources Analysts Experts Diplomats Observers Witnesses ' +
    'Insiders People Lawmakers Aides Residents It He She They We I You This That These Those There ' +
    'Here Who What Some Many Several Both Each Others Everyone Nobody Critics Supporters Investors ' +
    'Economists Traders Markets Data Figures Polls Reports Documents Statistics'
  ).split(' '),
);

/** Titles and ranks written before a name ("Secretary of State Marco Rubio"). */
const TITLES = new Set(
  (
    'President Vice Prime Minister Secretary State Defense Defence Foreign Interior Finance ' +
    'Chancellor Gen. General Lt. Col. Adm. Admiral Sen. Senator Rep. Representative Mr. Mrs. Ms. ' +
    'Mr Mrs Ms Dr. Dr Prof. Professor King Queen Prince Princess Pope Spokesman Spokeswoman ' +
    'Spokesperson Ambassador Envoy Governor Gov. Mayor Deputy Former Chief Executive CEO Director ' +
    'Chairman Chairwoman Chair Speaker Leader Commander Judge Justice Attorney Officer Head ' +
    'Special Sheikh Crown Premier Secretary-General Emir Sultan Archbishop Cardinal Bishop Rabbi ' +
    'of the The Middle East U.S. US UK EU UN Senior Top Retired'
  ).split(' '),
);

/** Words that open a sentence or clause and are no part of a name before them. */
const LEADING_FUNCTION_WORDS = new Set(
  'A An But And Yet So Also Meanwhile However Earlier Later Then Now Still Instead Separately Despite Although While After Before When As In On At By For If'.split(
    ' ',
  ),
);

/** Demonyms and adjectives of place written before a title ("Ukrainian President …"). */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i|ch|ic)$/u;

/**
 * A capitalised word, an acronym with dots ("U.S."), an initial ("J.") or an abbreviated title
 * ("Gen."); other words end before a full stop, so a name never runs into the next sentence.
 */
const CAP =
  "(?:\\p{Lu}(?:\\.\\p{Lu})+\\.?|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Adm|Sen|Rep|Gov|Prof|St|Jr|Sr)\\.|\\p{Lu}\\.(?=\\s\\p{Lu})|\\p{Lu}[\\p{L}\\p{M}'’-]*)";
/**
 * A name: capitalised words on one line, with the small words names have inside ("Council on…"
 * stops, "Secretary of State" does not).
 */
const NAME = `${CAP}(?:[^\\S\\n]+(?:(?:of|de|du|da|al|bin|van|von|der|del|la|le)[^\\S\\n]+)?${CAP}){0,6}`;

/** Verbs that tie a statement, a belief or a report to its source, as alternatives. */
const VERBS = REPORTING_VERBS.join('|');
/** Words that may stand between a subject and its reporting verb ("has also said"). */
const AUX =
  '(?:\\s+(?:have|has|had|also|previously|earlier|later|privately|publicly|separately|would|will|did|do|does|now|long|repeatedly|both|first|have\\s+long|had\\s+earlier))*';

/**
 * Before a reporting verb: not a form of "be", nor a conjunction. "Negotiators are said to have
 * met" and "the plan was reported to Congress" make the subject what is spoken of, not who speaks
 * (the first is a hedge, see src/core/divergence/hedges.ts); in "Zelenskiy called the talks
 * between US and Ukrainian officials in Jeddah constructive and said…" the verb after "and" is
 * the sentence's subject's, not the officials'.
 */
const NOT_PASSIVE_OR_JOINED = '(?<!\\b(?:is|are|was|were|be|been|being|and|but|or)\\s+)';

/** Heads of phrases for unnamed sources that are anonymous with any reporting verb. */
const STRONG_HEADS = 'sources?|people|persons?|insiders?|individuals?|someone';
/** Heads that are anonymous in the plural ("officials said") or with a word on anonymity. */
const PLURAL_HEADS =
  'officials|diplomats|aides|directors|managers|board members|analysts|experts|observers|lawmakers|legislators|witnesses|authorities|negotiators|residents|advisers|advisors|investigators|executives|employees|staffers|economists|critics';
const SINGULAR_HEADS =
  'official|diplomat|aide|director|manager|analyst|expert|spokes(?:person|man|woman)|negotiator|adviser|advisor|investigator|executive|employee|staffer|member';

/** Words that may stand before the head of an unnamed source's phrase. */
const ANON_MODIFIER = `(?:${capitalisable(
  'two|three|four|five|six|several|some|many|multiple|numerous|other|a|an|one|the|those|these|' +
    'few|both|its|their|his|her|own|senior|junior|former|current|unnamed|anonymous|government|' +
    'administration|military|intelligence|security|diplomatic|western|european|local|industry|' +
    'company|party|police|regional|federal|state|defense|defence|foreign|top|high-ranking|' +
    "official|informed|knowledgeable|well-placed|outside|congressional|independent|people's",
)}|\\p{Lu}(?:\\.\\p{Lu})+\\.?|\\p{Lu}\\p{Ll}+|\\p{Lu}{2,})`;
/**
 * A word of a country or region that may be joined to another by "and" or "or" before the head
 * ("US and Russian officials", "American and Ukrainian negotiators"): an acronym, or a
 * capitalised word with the ending of a proper adjective. An outlet's or a person's name
 * ("Reuters and two officials", "Trump and Russian officials") is not one: those are two sources,
 * or an actor and a source.
 */
const JOINED_ADJECTIVE =
  '(?:\\p{Lu}(?:\\.\\p{Lu})+\\.?|\\p{Lu}{2,}|\\p{Lu}\\p{Ll}*(?:an|ese|ish|ic|i|ch|ern))';
/**
 * Modifiers, the first perhaps a list of such words ("US and Russian", "American, British and
 * French").
 */
const ANON_MODIFIERS = `(?:${JOINED_ADJECTIVE}(?:,\\s+${JOINED_ADJECTIVE}){0,4},?\\s+(?:and|or)\\s+)?${ANON_MODIFIER}`;
const anonNoun = (heads: string): string =>
  `(?:${ANON_MODIFIERS}\\s+){0,4}(?:${capitalisable(heads)})`;
/** An unnamed source's phrase, lists included ("Some US officials, lawmakers and experts"). */
const ANON_NP = `${anonNoun(`${STRONG_HEADS}|${PLURAL_HEADS}|${SINGULAR_HEADS}`)}(?:,\\s+${anonNoun(`${STRONG_HEADS}|${PLURAL_HEADS}`)})*(?:,?\\s+(?:and|or)\\s+${anonNoun(`${STRONG_HEADS}|${PLURAL_HEADS}`)})?`;
/** What makes a phrase an unnamed source however it is worded ("familiar with the matter"). */
const ANON_QUALIFIER =
  '(?:familiar\\s+with|acquainted\\s+with|briefed\\s+on|with\\s+(?:direct\\s+|first-?hand\\s+|close\\s+|detailed\\s+)?knowledge\\s+of|close\\s+to|involved\\s+in|aware\\s+of|(?:polled|surveyed|interviewed|contacted)\\s+by|who\\s+(?:have|has|had)\\s+(?:seen|read|reviewed))';
/** A qualifying phrase after the head: the qualifier or a preposition, and its object. */
const QUALIFIER_WORDS = `(?:\\s+(?:${ANON_QUALIFIER}|in|at|inside|within|to|from|for|on|who)(?:\\s+(?!(?:${VERBS})\\b)[^\\s,.;:!?“”"()]+){1,7})?`;
/** A clause in commas after the source ("…, who spoke on condition of anonymity, said"). */
const COMMA_CLAUSE = '(?:,\\s+(?:[^,.;:!?“”"]|(?<=\\p{Lu})\\.){3,140},)?';
/** Words in a clause that say the source asked not to be named. */
const ANONYMITY =
  /anonymity|not\s+to\s+be\s+(?:named|identified)|not\s+authori[sz]ed|declined\s+to\s+be\s+(?:named|identified)|on\s+background|unnamed|anonymous/i;
const STRONG_QUALIFIER = new RegExp(ANON_QUALIFIER, 'i');

/** Document phrases: the head noun, with up to three words before it and "of …" after it. */
const DOC_HEAD =
  'documents?|memos?|memorandum|filings?|drafts?|letters?|reports?|records?|transcripts?|e-?mails?|cables?|minutes|papers|statements?|assessments?|dossiers?|contracts?|presentations?|recordings?';
const DOC_NP = `(?<![\\p{L}])(?:(?:a|an|the)\\s+)?(?:(?!(?:according|to|citing|by|of|in|on|at|for|with|from|and|or|that|which)\\b)[\\p{L}.'’-]+\\s+){0,3}?(?:${capitalisable(DOC_HEAD)})(?:\\s+of\\s+(?:the\\s+|a\\s+)?[\\p{L}-]+)?`;
const DOC_VERBS = '(?:seen|reviewed|obtained|viewed|verified|examined|read|published|released)';

/** Longest object of "according to"/"citing" looked at: a clause, never a page. */
const MAX_OBJECT_CHARS = 240;

/** Makes each alternative of `alternatives` match with a capital first letter too. */
function capitalisable(alternatives: string): string {
  return alternatives
    .split('|')
    .map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`)
    .join('|');
}

/** A name without a leading "the" or a trailing possessive. */
function bareName(name: string): string {
  return name
    .replace(/^the\s+/i, '')
    .replace(/(\p{Ll})\.$/u, '$1')
    .replace(/['’]s$/, '')
    .trim();
}

/** An outlet's name as the text writes it ("The Washington Post"), without a possessive. */
function outletName(name: string): string {
  return name
    .replace(/^the\s+/, '')
    .replace(/(\p{Ll})\.$/u, '$1')
    .replace(/['’]s$/, '')
    .trim();
}

/** Whether `name` is a news organisation's. */
export function isOutletName(name: string): boolean {
  const bare = bareName(name);
  if (bare === '') return false;
  const lower = bare.toLowerCase();
  if (KNOWN_OUTLETS.has(lower)) return true;
  const words = bare.split(/\s+/);
  // "Bloomberg News", "CNN International": a known outlet and more.
  if (KNOWN_OUTLETS.has(words[0]!.toLowerCase()) && words.length <= 3) return true;
  if (words.length >= 2 && KNOWN_OUTLETS.has(`${words[0]} ${words[1]}`.toLowerCase())) return true;
  // "The Times of London": the newspaper word before "of".
  const head = bare.split(/\s+of\s+/)[0]!.split(/\s+/);
  const last = head[head.length - 1]!;
  if (last === 'Agency') return /(?:News|Press)\s+Agency$/.test(bare.split(/\s+of\s+/)[0]!);
  // "Times Square" is a place: a lone newspaper word opens no longer name, except before "of".
  const ofName = /\s+of\s+/.test(bare);
  return NEWS_WORDS.has(last) && (ofName || !(head.length === 1 && words.length > 1));
}

/** The key an outlet is counted under ("AP" and "The Associated Press" are one). */
export function outletKey(name: string): string {
  const lower = bareName(name).toLowerCase().replace(/\s+/g, ' ');
  return OUTLET_ALIASES.get(lower) ?? lower;
}

/** A person's name out of a capitalised run, titles and leading function words dropped, or null. */
function personName(run: string, knownSurnames: ReadonlySet<string>): string | null {
  let words = run.split(/\s+/).filter((w) => w !== '');
  while (words.length > 0 && LEADING_FUNCTION_WORDS.has(words[0]!)) words = words.slice(1);
  if (words.length === 0 || words[0] === 'The' || words[0] === 'the') return null;
  if (words.some((w) => ORG_WORDS.has(w) || ORG_WORDS.has(w.replace(/['’]s$/, '')))) return null;
  let titled = false;
  // A title, with the country's adjective ("Ukrainian President") or possessive ("Ukraine's
  // President") before it, is not part of the name.
  while (
    words.length > 1 &&
    (TITLES.has(words[0]!) ||
      ((DEMONYM.test(words[0]!) || /['’]s$/.test(words[0]!)) && TITLES.has(words[1]!)))
  ) {
    words = words.slice(1);
    titled = true;
  }
  if (words.length === 0 || TITLES.has(words[words.length - 1]!)) return null;
  if (words.some((w) => /['’]s$/.test(w))) return null;
  if (words.length > 4) return null;
  if (words.length === 1) {
    const word = words[0]!;
    if (STATE_NAMES.has(word) || /^\p{Lu}{2,}$/u.test(word)) return null;
    if (!titled && !knownSurnames.has(word) && DEMONYM.test(word) && word.endsWith('n'))
      return null;
  }
  return words.join(' ');
}

/** Whether a name is written with a title or is a known person's surname: a person's. */
function hasTitle(name: string, knownSurnames: ReadonlySet<string>): boolean {
  const words = name.split(/\s+/);
  return TITLES.has(words[0]!) || (words.length === 1 && knownSurnames.has(words[0]!));
}

/** What a subject before a reporting verb is: an outlet, a person, or neither. */
function classifyName(
  name: string,
  describedAsOutlet: boolean,
  knownSurnames: ReadonlySet<string>,
): { kind: 'outlet' | 'person'; source: string } | null {
  const words = bareName(name).split(/\s+/);
  if (words.every((w) => LEADING_FUNCTION_WORDS.has(w) || STATE_NAMES.has(w))) return null;
  // A lone letter is an initial or a sentence's "A", not a source.
  if (/^\p{Lu}\.?$/u.test(bareName(name))) return null;
  if (describedAsOutlet || isOutletName(name)) return { kind: 'outlet', source: outletName(name) };
  const person = personName(name, knownSurnames);
  return person ? { kind: 'person', source: person } : null;
}

/** Surnames of the full names a text gives, so "Zelenskiy said" counts after "Volodymyr Zelenskiy". */
function surnamesOf(text: string): Set<string> {
  const surnames = new Set<string>();
  for (const m of text.matchAll(PATTERNS.names)) {
    const person = personName(m[0], new Set());
    if (!person) continue;
    const words = person.split(' ');
    if (words.length >= 2) surnames.add(words[words.length - 1]!);
  }
  return surnames;
}

/** Collects attributions, keeping one of each source and kind per stretch of text. */
class Collector {
  readonly found: Attribution[] = [];

  constructor(private readonly text: string) {}

  add(kind: AttributionKind, source: string, start: number, end: number): void {
    const cleanSource = source
      .replace(/\s+/g, ' ')
      .replace(/[,;:]+$/, '')
      .trim();
    if (cleanSource === '' || end <= start) return;
    const key = kind === 'outlet' ? outletKey(cleanSource) : cleanSource.toLowerCase();
    for (let i = 0; i < this.found.length; i++) {
      const other = this.found[i]!;
      const otherKey = kind === 'outlet' ? outletKey(other.source) : other.source.toLowerCase();
      const overlaps = start < other.end && other.start < end;
      if (other.kind !== kind || !overlaps) continue;
      if (otherKey === key || otherKey.includes(key) || key.includes(otherKey)) {
        // The same source found twice: keep the longer name, over the union of the words.
        const keep = cleanSource.length > other.source.length ? cleanSource : other.source;
        const s = Math.min(start, other.start);
        const e = Math.max(end, other.end);
        this.found[i] = { source: keep, kind, text: this.text.slice(s, e), start: s, end: e };
        return;
      }
    }
    this.found.push({ source: cleanSource, kind, text: this.text.slice(start, end), start, end });
  }
}

/** Offset of group `n` of a match made with the `d` flag. */
function groupStart(m: RegExpMatchArray, n: number): number {
  return m.indices![n]![0];
}
function groupEnd(m: RegExpMatchArray, n: number): number {
  return m.indices![n]![1];
}

/** An unnamed source's phrase is anonymous when its head and wording make it so. */
function isAnonymousPhrase(phrase: string, clause: string, hasVerb: boolean): boolean {
  const words = phrase.toLowerCase();
  const head = new RegExp(`\\b(?:${STRONG_HEADS})\\b`).test(words);
  const plural = new RegExp(`\\b(?:${PLURAL_HEADS})\\b`).test(words);
  const qualified = STRONG_QUALIFIER.test(phrase) || ANONYMITY.test(clause);
  if (head) return hasVerb || qualified || /\b(?:sources?)\b/.test(words);
  if (plural) return hasVerb || qualified;
  // "One director said", "a spokesperson for the fund said": one unnamed person.
  return qualified || (hasVerb && /^(?:one|a|an|another)\s/i.test(phrase.trim()));
}

/**
 * The patterns `findAttributions` runs over a text, compiled once. Some are tried only when the
 * text has the words every match of theirs must contain (a quick search of the whole text that
 * finds none spares the slow one; where it finds some, the pattern runs as before), so the
 * answers are the same either way. Exported for the tests that check those words.
 */
export const PATTERNS = {
  // Datelines and bylines with an agency mark: "LONDON (Reuters) -", "By A. Writer (AP)".
  dateline: new RegExp(
    `(?:^|\\n)[ \\t]*(?:By\\s+[^\\n(]{2,80}|[^\\n(]{0,60}?)\\((${NAME}|[a-z]{2,6})\\)\\s*(?:[-—–]|$)`,
    'dgmu',
  ),
  toOutlet: new RegExp(
    `\\b((?:told|telling|[Ss]peaking\\s+(?:to|with)|(?:an?\\s+)?interview\\s+with|interviewed\\s+by|(?:first\\s+)?reported\\s+by|(?:${DOC_VERBS}|compiled|polled|analy[sz]ed|cited|quoted)\\s+by)\\s+)((?:the\\s+)?${NAME})`,
    'dgu',
  ),
  outletAsModifier: new RegExp(
    `\\b(?:in\\s+)?(?:an?|the)\\s+(?:recent\\s+|new\\s+|separate\\s+)?(${NAME})\\s+(?:interview|report|tally|analysis|investigation|poll|survey|broadcast)\\b|(${NAME})['’]s\\s+(?:correspondent|reporter|reporting|analysis|report|tally|count|survey|poll)\\b`,
    'dgu',
  ),
  /** What every match of `outletAsModifier` contains: the word after the name. */
  outletAsModifierWords:
    /\s(?:interview|report|tally|analysis|investigation|poll|survey|broadcast)\b|['’]s\s+(?:correspondent|reporter|reporting|analysis|report|tally|count|survey|poll)\b/u,
  subject: new RegExp(
    `(?<!\\b(?:at|of|from|in|for|with|by|to|on|about|near)\\s)(${OUTLET_DESCRIPTOR}\\s+)?((?:[Tt]he\\s+)?${NAME})(\\s+${OUTLET_DESCRIPTOR})?(${COMMA_CLAUSE}),?${AUX}\\s+${NOT_PASSIVE_OR_JOINED}(${VERBS})\\b`,
    'dgu',
  ),
  inverted: new RegExp(
    `[,”"’]\\s*((?:said|says|added|wrote|explained|noted|warned|told\\s+\\p{Ll}+|continued|according\\s+to)\\s+)((?:[Tt]he\\s+)?${NAME})`,
    'dgu',
  ),
  anonymous: new RegExp(
    `(?<![\\p{L}'’])(${ANON_NP})(${QUALIFIER_WORDS})(${COMMA_CLAUSE})${AUX}\\s+${NOT_PASSIVE_OR_JOINED}(${VERBS})\\b`,
    'dgu',
  ),
  documents: new RegExp(
    `(${DOC_NP})(?:,\\s+(?:which\\s+(?:was|were)\\s+)?|\\s+)(?:first\\s+)?${DOC_VERBS}\\s+by\\s+((?:the\\s+)?${NAME})`,
    'dgu',
  ),
  /** What every match of `documents` contains: "seen by", "reviewed by", …. */
  documentsSeenBy: new RegExp(`\\s${DOC_VERBS}\\s+by\\s`, 'u'),
  /** Capitalised runs, for the surnames a text gives. */
  names: new RegExp(`${NAME}`, 'gu'),
};

/** Every attribution in `text`, in text order; offsets are UTF-16 offsets into `text`. */
export function findAttributions(text: string): Attribution[] {
  if (typeof text !== 'string' || text === '') return [];
  const out = new Collector(text);
  const surnames = surnamesOf(text);
  const { dateline, toOutlet, subject, inverted, anonymous } = PATTERNS;

  // Datelines and bylines with an agency mark: "LONDON (Reuters) -", "By A. Writer (AP)".
  for (const m of text.matchAll(dateline)) {
    const name = m[1]!;
    if (/photo|getty|file|\d/i.test(name)) continue;
    out.add('outlet', name, groupStart(m, 1) - 1, groupEnd(m, 1) + 1);
  }

  // "told Reuters", "speaking to the BBC", "in an interview with Fox News", "first reported by
  // Axios", "seen by the Financial Times", "compiled by Bloomberg".
  for (const m of text.matchAll(toOutlet)) {
    if (isOutletName(m[2]!)) out.add('outlet', outletName(m[2]!), groupStart(m, 1), groupEnd(m, 2));
  }

  // "in a recent CNN interview", "a Reuters tally", "Al Jazeera's correspondent".
  const outletAsModifier = PATTERNS.outletAsModifierWords.test(text)
    ? text.matchAll(PATTERNS.outletAsModifier)
    : [];
  for (const m of outletAsModifier) {
    const group = m[1] !== undefined ? 1 : 2;
    if (isOutletName(m[group]!))
      out.add('outlet', outletName(m[group]!), m.index!, m.index! + m[0].length);
  }

  // A name before a reporting verb, perhaps with a clause in commas: "Fox News reported",
  // "The Washington Post, citing U.S. officials, reported", "Russian newspaper Kommersant
  // reported", "Interfax news agency quoted", "Angela Stent, a senior fellow …, said".
  // A name after a preposition ("analysts at Carnegie said") is not the subject.
  for (const m of text.matchAll(subject)) {
    const name = m[2]!;
    // Reporting with sources of one's own is what outlets do: "Ukrainska Pravda reported, citing…".
    const reports =
      /^report/.test(m[5]!) || /^,\s+citing\b/.test(m[4] ?? '') || /^quoted/.test(m[5]!);
    const described =
      m[1] !== undefined || m[3] !== undefined || (reports && !hasTitle(name, surnames));
    const found = classifyName(name, described, surnames);
    if (!found) continue;
    // A person's subject run may begin with a title: the span starts at the name.
    const at = found.kind === 'person' ? text.indexOf(found.source, groupStart(m, 2)) : -1;
    out.add(found.kind, found.source, at >= 0 ? at : groupStart(m, 2), groupEnd(m, 5));
  }

  // A reporting verb before the name, after a quotation or a clause: "…,” said Angela Stent".
  for (const m of text.matchAll(inverted)) {
    const found = classifyName(m[2]!, false, surnames);
    if (!found) continue;
    const at = text.indexOf(found.source, groupStart(m, 2));
    out.add(
      found.kind,
      found.source,
      groupStart(m, 1),
      at >= 0 ? at + found.source.length : groupEnd(m, 2),
    );
  }

  // Unnamed sources with a reporting verb: "officials said", "two people familiar with the
  // matter told", "a senior official, who spoke on condition of anonymity, said".
  for (const m of text.matchAll(anonymous)) {
    const phrase = m[1]! + m[2]!;
    if (!isAnonymousPhrase(phrase, m[3] ?? '', true)) continue;
    if (/^(?:the|a|an)\s+(?:report|statement)/i.test(phrase)) continue;
    out.add('anonymous', phrase.trim(), groupStart(m, 1), groupEnd(m, 4));
  }

  // "according to …", "citing …" and "per …" before a name ("…, per Reuters"; not "per cent"):
  // the object may be an outlet, unnamed sources, a document or a person, or several joined by
  // "and".
  const lead =
    /\b([Aa]ccording\s+to|[Cc]iting|[Aa]s\s+reported\s+by|[Pp]er(?=\s+(?:(?:the|a|an)\s+)?\p{Lu}))\s+/dgu;
  for (const m of text.matchAll(lead)) {
    const objectStart = m.index! + m[0].length;
    // The object ends at the clause's end: a window of text is enough, and keeps the work linear.
    const rest = text.slice(objectStart, objectStart + MAX_OBJECT_CHARS);
    // Full stops of abbreviations ("U.S.") end nothing: they are masked for the search.
    const masked = rest.replace(/\b(?:\p{Lu}\.){1,3}/gu, (a) => 'X'.repeat(a.length));
    let stop = masked.search(/[,.;:!?“”"()\n]|\s(?:that|which|as|when|while|because)\s|$/u);
    if (stop === -1) stop = rest.length;
    // A list of unnamed sources runs past its commas ("American, British and French officials";
    // "officials, lawmakers and experts") when the clause ends after it: in "According to the
    // sources, Russian and American officials have met…" the words after the comma are the
    // subject of the sentence.
    const listed = OBJECT_ANONYMOUS.exec(rest);
    if (
      listed &&
      listed[0].length > stop &&
      /^\s*(?:[,.;:!?]|$)/u.test(rest.slice(listed[0].length)) &&
      isAnonymousPhrase(listed[0], '', true)
    ) {
      out.add('anonymous', listed[0], m.index!, objectStart + listed[0].length);
      continue;
    }
    const object = rest.slice(0, stop);
    classifyObject(out, object, objectStart, m.index!, surnames);
  }

  // Documents with the outlet that saw them: "documents reviewed by …", "The memo, seen by …",
  // "The report, which was reviewed by …".
  const documents = PATTERNS.documentsSeenBy.test(text) ? text.matchAll(PATTERNS.documents) : [];
  for (const m of documents) {
    const doc = trimDocument(m[1]!);
    if (!doc || !isOutletName(m[2]!)) continue;
    const docStart = groupStart(m, 1) + m[1]!.indexOf(doc);
    out.add('document', doc, docStart, groupEnd(m, 2));
  }

  return out.found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A document phrase from its first determiner or modifier, or null when it names none. */
function trimDocument(phrase: string): string | null {
  const head = new RegExp(`\\b(?:${capitalisable(DOC_HEAD)})\\b`, 'u');
  if (!head.test(phrase)) return null;
  phrase = phrase.replace(/^.*\b(?:[Aa]ccording\s+to|[Cc]iting)\s+/u, '');
  // Drop words before the phrase's own start ("… according to US government documents").
  const m = /(?:^|\s)((?:[Aa]n?|[Tt]he)\s.*)$/u.exec(phrase);
  return (m ? m[1]! : phrase).trim();
}

/** The shapes an object of "according to"/"citing" takes, tried in this order. */
const OBJECT_REPORT_FROM = new RegExp(
  `^(?:(?:a|an|the)\\s+)?(?:new\\s+|recent\\s+|separate\\s+)?(?:report|article|story|analysis|investigation|survey|tally|count|poll)s?\\s+(?:from|by|in|of)\\s+((?:the\\s+)?${NAME})`,
  'u',
);
const OBJECT_NAMED_REPORT = new RegExp(
  `^(?:(?:a|an|the)\\s+)?(?:new\\s+|recent\\s+)?(${NAME})\\s+(?:report|tally|analysis|investigation|survey|poll)\\b`,
  'u',
);
const OBJECT_NAME = new RegExp(`^((?:the\\s+)?${NAME})`, 'u');
const OBJECT_ANONYMOUS = new RegExp(`^(${ANON_NP})(${QUALIFIER_WORDS})`, 'u');
const OBJECT_DOCUMENT = new RegExp(`^${DOC_NP}\\b`, 'u');
const SEEN_BY_TAIL = new RegExp(`\\s+(?:first\\s+)?${DOC_VERBS}\\s+by\\s.*$`, 'u');

const LONE_JOINED_ADJECTIVE = new RegExp(
  `^${JOINED_ADJECTIVE}(?:,\\s+${JOINED_ADJECTIVE}){0,4},?$`,
  'u',
);

/**
 * The parts of an object split at "and" (separators kept), with a part of country words alone put
 * back with what follows it: "American and Ukrainian officials" is one source.
 */
function joinedAdjectives(parts: readonly string[]): string[] {
  // The parts alternate: text, separator, text, …
  const out: string[] = [];
  let pending = '';
  for (let i = 0; i < parts.length; i += 2) {
    const separator = parts[i + 1];
    if (separator !== undefined && LONE_JOINED_ADJECTIVE.test(parts[i]!.trim())) {
      pending += parts[i]! + separator;
      continue;
    }
    out.push(pending + parts[i]!);
    pending = '';
    if (separator !== undefined) out.push(separator);
  }
  return out;
}

/** Classifies the object of "according to"/"citing" and adds what it names. */
function classifyObject(
  out: Collector,
  object: string,
  objectStart: number,
  leadStart: number,
  surnames: ReadonlySet<string>,
): void {
  let offset = 0;
  for (const part of joinedAdjectives(object.split(/(\s+and\s+)/))) {
    const partStart = objectStart + offset;
    offset += part.length;
    if (/^\s+and\s+$/.test(part) || part.trim() === '') continue;
    const from = partStart === objectStart ? leadStart : partStart;
    const end = partStart + part.length;
    // "a report from Reuters", "a new Reuters report", "a statement from the ministry".
    const report = OBJECT_REPORT_FROM.exec(part);
    if (report && isOutletName(report[1]!)) {
      out.add('outlet', outletName(report[1]!), from, end);
      continue;
    }
    const byName = OBJECT_NAMED_REPORT.exec(part);
    if (byName && isOutletName(byName[1]!)) {
      out.add('outlet', outletName(byName[1]!), from, end);
      continue;
    }
    const name = OBJECT_NAME.exec(part);
    if (name && name[1]!.length >= part.trim().length - 1 && isOutletName(name[1]!)) {
      out.add('outlet', outletName(name[1]!), from, partStart + name[1]!.length);
      continue;
    }
    const anon = OBJECT_ANONYMOUS.exec(part);
    // "according to" and "citing" are the reporting verb.
    if (anon && isAnonymousPhrase(anon[0], '', true)) {
      out.add('anonymous', anon[0], from, partStart + anon[0].length);
      continue;
    }
    const doc = OBJECT_DOCUMENT.exec(part);
    if (doc) {
      // The document itself; the outlet that saw it is found by the rule for "… by <outlet>".
      const phrase = part.replace(SEEN_BY_TAIL, '').trim();
      out.add('document', phrase, from, partStart + part.trimEnd().length);
      continue;
    }
    if (name) {
      const person = personName(name[1]!, surnames);
      if (person && name[1]!.length >= part.trim().length - 1) {
        out.add('person', person, from, partStart + name[1]!.length);
      }
    }
  }
}
