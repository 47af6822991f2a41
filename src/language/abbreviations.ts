// Abbreviations that end in a full stop without ending the sentence ("Mr.", "Gen.", "Sept.").

/** Never end a sentence. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'rev', 'hon', 'gov', 'sen',
  'rep', 'jr', 'sr', 'mt', 'ft', 'vs', 'v', 'cf', 'approx', 'dept', 'est', 'fig', 'al', 'ave', 'rd', 'messrs', 'sec',
]);
/** Also end sentences: they only hold the sentence open before a digit or lowercase word. */
export const SOFT_ABBREVIATIONS = new Set([
  'no', 'nos', 'etc', 'inc', 'ltd', 'co', 'corp', 'plc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'p', 'pp', 'vol', 'op', 'art',
]);
