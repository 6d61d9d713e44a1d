/**
 * English function words: articles, pronouns, prepositions, conjunctions, auxiliary and modal verbs,
 * negation, a few discourse particles, and the honorifics written before a name ("Mr Putin", "Mrs
 * May", "Dr. Smith": British papers write them where American ones do not). They carry grammar,
 * not the content of a claim, so the matcher ignores them. Only closed-class words belong here;
 * content words (even frequent ones such as "said" or "officials") are weighted down by their
 * corpus frequency instead, so the list stays valid for any story. (The `stopword` package's
 * English list lacks "not", "will", "its" and others, hence a list of our own.)
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above across after afterwards again against ago all almost along already also although
  always am among amongst an and another any anybody anyone anything anyway anywhere are aren around
  as at be became because become becomes been before beforehand behind being below beside besides
  between beyond both but by can cannot could couldn did didn do does doesn doing don done down
  during each either else elsewhere enough etc even ever every everybody everyone everything
  everywhere except few for former formerly from further furthermore had hadn has hasn have haven
  having he hence her here hereby herein hers herself him himself his how however i ie if in inc
  indeed into is isn it its itself just least less many may me meanwhile might mine more moreover
  most mostly much must mustn my myself namely neither never nevertheless next no nobody none noone
  nor not nothing now nowhere of off often on once only onto or other others otherwise ought
  our ours ourselves out over own per perhaps quite rather same shall shan she should shouldn so
  some somebody someone something sometime sometimes somewhat somewhere such than that the their
  theirs them themselves then thence there thereafter thereby therefore therein thereupon these
  they this those though through throughout thru thus to together too toward towards under unless
  until up upon us very via was wasn we were weren what whatever when whence whenever where
  whereafter whereas whereby wherein whereupon wherever whether which whichever while whither who
  whoever whole whom whose why will with within without wouldn would yet you your yours yourself
  yourselves mr mrs ms mx messrs mmes mme mlle dr prof`.split(/\s+/),
);
