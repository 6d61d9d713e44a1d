/**
 * Verbs that tie a statement, a belief or a report to its source ("officials said", "Rubio told
 * reporters", "analysts fear"), in every form a sentence gives them. Provenance finds attributions
 * by them; the verifier tells a claim's source from its agent by them.
 */
export const REPORTING_VERBS: readonly string[] = `said say says saying told tell tells confirmed
  confirms confirm described describe describes suggest suggests suggested indicate indicates
  indicated believe believes believed fear fears feared warn warns warned note notes noted expect
  expects added adds reported reports report cautioned argued argue argues stated explained
  insisted acknowledged disclosed revealed claimed claims claim estimate estimates estimated
  suspect suspects suspected think thinks predicted predict predicts wrote writes announced quoted
  cited contend contended maintain maintained asserted alleged alleges caution`.split(/\s+/);
