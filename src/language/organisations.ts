// Words that make a capitalised name an organisation, and the generic organisation words that a name or a
// question may carry without naming any organisation in particular ("the Commission", "which union").

/** Words that make a capitalised name an organisation ("... Organization", "Ministry of ..."). */
export const ORG_HEADS = new Set([
  'organization', 'organisation', 'party', 'union', 'council', 'ministry', 'bank', 'commission', 'agency', 'committee',
  'association', 'federation', 'institute', 'institution', 'corporation', 'corp', 'company', 'co', 'group', 'fund',
  'office', 'department', 'authority', 'court', 'parliament', 'assembly', 'senate', 'congress', 'board', 'alliance',
  'foundation', 'society', 'trust', 'university', 'college', 'school', 'police', 'army', 'navy', 'force', 'forces',
  'service', 'services', 'inc', 'ltd', 'plc', 'llc', 'ag', 'sa', 'gmbh', 'bureau', 'secretariat', 'league', 'club',
  'network', 'times', 'telegraph', 'guardian', 'post', 'news', 'agency', 'press', 'tribunal', 'cabinet', 'government',
  'treasury', 'exchange', 'airlines', 'airways', 'motors', 'industries', 'holdings', 'partnership', 'coalition',
  'movement', 'front', 'mail', 'airport', 'railway', 'railways', 'brigade', 'executive', 'house', 'commons', 'lords', 'chamber', 'forum', 'summit', 'opec',
]);

/** Generic organisation nouns: on their own they name no organisation in particular. */
export const GENERIC_ORG_WORDS = new Set([
  'organization', 'organisation', 'union', 'association', 'party', 'corporation', 'company', 'firm', 'group', 'council',
  'committee', 'agency', 'commission', 'body', 'bloc', 'alliance',
]);

/** Acronyms that are not organisations (units, titles, countries, media). */
export const NOT_ORG_ACRONYMS = new Set(['TV', 'OK', 'AM', 'PM', 'CEO', 'MP', 'MPS', 'MEP', 'GDP', 'VAT', 'UK', 'US', 'USA', 'UAE', 'DVD', 'CD', 'PC', 'IT', 'AIDS', 'HIV', 'II', 'III', 'IV', 'QC', 'OBE', 'MBE', 'CBE', 'BST', 'GMT']);
/** Last words that make a capitalised name a thing rather than an organisation ("Marshall Plan", "World War"). */
export const NOT_ORG_TAILS = new Set(['plan', 'war', 'award', 'awards', 'prize', 'act', 'bill', 'programme', 'program', 'cup', 'games', 'championship', 'festival', 'show', 'day', 'week', 'year', 'ii', 'iii', 'iv', 'questions', 'speech', 'budget', 'report', 'review', 'summit', 'conference', 'election', 'elections', 'treaty', 'agreement', 'accord', 'convention', 'declaration']);

/** Last words of a capitalised run that make it an institution, event or title rather than a person ("Technical Awards Dinner"). */
export const NOT_PERSON_HEADS = new Set(
  ('awards award dinner council park party union commission organisation organization forum summit bank group company ' +
    'corporation ministry department office court house street road square stadium hall centre center university college ' +
    'school hospital agency association committee club fund festival prize cup league times post news media music records ' +
    'airlines airways motors bill act treaty assembly parliament congress senate conference programme program show').split(' '),
);

/** Words dropped when an organisation's name becomes search terms: the generic nouns and the joining words. */
export const ORG_NAME_FILLER = new Set([...GENERIC_ORG_WORDS, 'the', 'of', 'and', 'for']);
