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
  'academy', 'systems', 'technologies', 'communications', 'telecom', 'energy', 'petroleum', 'pharmaceuticals', 'entertainment',
  'studios', 'records', 'media', 'broadcasting', 'observatory', 'institute', 'directorate', 'tribune', 'herald', 'gazette',
  // the last words of companies' names ("Warburg Securities", "Ocean Drilling", "Murphy Oil")
  'securities', 'capital', 'investments', 'partners', 'associates', 'enterprises', 'brothers', 'resources', 'insurance',
  'pictures', 'drilling', 'exploration', 'electric', 'electronics', 'chemical', 'chemicals', 'foods', 'stores', 'products',
  'software', 'steel', 'bancorp', 'cos', 'shipping', 'laboratories', 'semiconductor', 'publishing', 'lines', 'investors', 'cellular',
  'engineering', 'construction', 'logistics', 'manufacturing', 'mining', 'aerospace', 'haulage', 'textiles', 'hospital', 'infirmary',
  // government bodies and armed units ('Federal Aviation Administration', 'Republican Guard', 'Coast Guard')
  'administration', 'guard',
]);

/** Words after "Treasury" that make it a security, not the department ("Treasury bonds", "Treasury bill rates", "Treasury yields"). */
export const TREASURY_SECURITIES = /^\s+(?:bonds?|bills?|notes?|securities|issues?|yields?|prices|futures|market|auctions?|debt|paper|rates?|index|strips?|obligations)\b/;

/** A company's legal form, written last in its name ("Acme Corp.", "Rally's Inc.", "Ratners Group PLC"). */
export const COMPANY_FORMS = new Set(['inc', 'corp', 'co', 'cos', 'ltd', 'plc', 'llc', 'lp', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'spa', 'oy', 'ab']);

/**
 * Organisations everyone knows by name, found wherever the text names them: the parties and
 * institutions of British and European politics, international groupings, the main news organisations.
 * Each entry: the name shown first, then other names for the same body. A leading "the " means the name
 * counts only after "the" ("the Independent", never "Independent experts").
 */
export const KNOWN_ORGANISATIONS: string[][] = [
  ['Labour Party', 'Labour', 'New Labour'],
  ['Conservative Party', 'Conservatives', 'Conservative', 'Tories', 'Tory'],
  ['Liberal Democrats', 'Liberal Democrat', 'Lib Dems', 'Lib Dem'],
  ['Scottish National Party', 'SNP'], ['Plaid Cymru'], ['UK Independence Party', 'UKIP'], ['Green Party'], ['Sinn Fein'],
  ['Democratic Unionist Party', 'DUP'], ['Republican Party'], ['Democratic Party'],
  ['Parliament'], ['House of Commons', 'the Commons'], ['House of Lords'], ['Treasury'], ['Home Office'], ['Foreign Office'],
  ['Congress'], ['Senate'], ['Federal Reserve', 'Federal Reserve Board', 'the Fed'], ['Kremlin'], ['Pentagon'], ['White House'],
  ['European Union', 'EU'], ['European Commission'], ['European Parliament'], ['European Council'], ['European Central Bank', 'ECB'],
  ['United Nations', 'UN'], ['Security Council'], ['Nato'], ['G7'], ['G8'], ['G20'],
  ['BBC'], ['Reuters'], ['Associated Press'], ['Agence France-Presse', 'AFP'], ['Bloomberg'], ['Interfax'], ['Xinhua'],
  ['RIA Novosti'], ['Itar-Tass'], ['CNN'], ['Sky News'], ['ITV'], ['Al-Jazeera'],
  ['Financial Times'], ['Sunday Times'], ['the Times'], ['the Guardian'], ['the Observer'], ['the Independent'],
  ['Daily Telegraph'], ['Sunday Telegraph'], ['Daily Mail'], ['Mail on Sunday'], ['Daily Mirror'], ['the Economist'],
  ['New York Times'], ['Washington Post'], ['Wall Street Journal'],
  // armed movements named in the news every week
  ['Taliban', 'Taleban'], ['Hezbollah', 'Hizbollah', 'Hizbullah'], ['Hamas'], ['al-Qaeda', 'al-Qaida', 'Al Qaeda', 'Al-Qaeda'],
];

/**
 * Nouns that say what kind of organisation the capitalised name next to them is: "energy giant Gazprom",
 * "Unison, Britain's biggest union", "accountancy firm Ernst & Young", "US band REM".
 */
export const ORG_DESCRIPTORS = new Set(
  ('giant giants firm firms company companies maker makers manufacturer manufacturers rival rivals group groups carrier ' +
    'airline airlines bank banks retailer retailers broadcaster broadcasters agency agencies newspaper newspapers paper ' +
    'union unions charity charities band bands promoter promoters operator operators supplier suppliers insurer insurers ' +
    'lender lenders publisher publishers chain chains conglomerate subsidiary subsidiaries unit label labels developer ' +
    'developers studio studios club clubs team teams party parties organisation organisations organization organizations ' +
    'corporation corporations producer producers network networks station broadcaster website watchdog regulator consortium ' +
    'partnership cartel suitor automaker brokerage utility refiner').split(' '),
);

/** Lower-case nouns right after a capitalised name that make it an organisation ("the former Yukos subsidiary"). */
export const ORG_ATTRIBUTES = new Set(
  ('subsidiary subsidiaries shares shareholders executives bosses board headquarters staff employees workers members ' +
    'spokesman spokeswoman spokesperson chairman chief boss stake unit units division affiliate').split(' '),
);

/**
 * What only a business is to another ("John Deere, its current source of chassis", "X, its main lender"). Not
 * owner, partner, rival, customer, backer or buyer: a person is those too ("Mike Ashley, its owner").
 */
export const BUSINESS_RELATIONS = ['source', 'supplier', 'suppliers', 'parent', 'lender', 'lenders', 'subsidiary', 'affiliate', 'distributor', 'manufacturer', 'insurer', 'underwriter', 'licensee', 'franchisee'];

/** Generic organisation nouns: on their own they name no organisation in particular. */
export const GENERIC_ORG_WORDS = new Set([
  'organization', 'organisation', 'union', 'association', 'party', 'corporation', 'company', 'firm', 'group', 'council',
  'committee', 'agency', 'commission', 'body', 'bloc', 'alliance',
]);

/** Acronyms that are not organisations (units, titles, countries, media). */
export const NOT_ORG_ACRONYMS = new Set(['TV', 'OK', 'AM', 'PM', 'CEO', 'MP', 'MPS', 'MEP', 'GDP', 'VAT', 'UK', 'US', 'USA', 'UAE', 'DVD', 'CD', 'PC', 'IT', 'AIDS', 'HIV', 'II', 'III', 'IV', 'QC', 'ID', 'PAL', 'NTSC', 'GMO', 'AGM', 'MRI', 'DNA', 'SMS', 'MPEG', 'USB', 'ISBN', 'OBE', 'MBE', 'CBE', 'BST', 'GMT', 'EST', 'EDT', 'CST', 'CDT', 'PST', 'PDT', 'UTC', 'GNP',
  // titles, exams, diseases, technologies, measures and forms: never an organisation
  'MPS', 'MSP', 'MSPS', 'MLA', 'MLAS', 'AMS', 'KC', 'CFO', 'COO', 'CTO', 'MD', 'PR', 'HR', 'IPO', 'IPOS', 'GCSE', 'GCSES', 'SATS',
  'MRSA', 'SARS', 'BSE', 'CJD', 'ASBO', 'ASBOS', 'CCTV', 'GPS', 'PDA', 'PDAS', 'SUV', 'SUVS', 'MP3', 'LCD', 'HD', 'HDTV', 'DAB',
  'VHS', 'RAM', 'CPU', 'PIN', 'ATM', 'ATMS', 'ISA', 'ISAS', 'PEP', 'PEPS', 'IVF', 'ADHD', 'IQ', 'AI', 'URL', 'WWW', 'HTML', 'PDF',
  'GSM', '3G', 'DSL', 'ADSL', 'CPI', 'RPI', 'APR', 'EPS', 'LNG', 'LPG', 'CO2', 'WMD', 'WMDS', 'VIP', 'VIPS', 'SOS', 'DIY',
  'PFI', 'PPP', 'NI', 'PS', 'PSP', 'AD', 'BC', 'RIP', 'AWOL', 'FAQ', 'TB', 'STD', 'STDS', 'ME', 'OCD', 'PTSD', 'IT', 'ICT',
  // causes, diseases and kinds of investment or product named before a noun ("the LGBT rights movement", "a COVID
  // vaccine alliance", "the ESG investing movement"): no body, whatever head noun follows
  'COVID', 'MERS', 'LGBT', 'LGBTQ', 'LGBTI', 'LGBTQI', 'ESG', 'ETF', 'ETFS', 'NFT', 'NFTS', 'EV', 'EVS', '4G', '5G', 'VPN', 'SDG', 'SDGS',
  // company forms, written after a name ("Erbamont N.V.", "DSM NV"): never a company alone
  'NV', 'BV', 'SA', 'SPA', 'AG', 'AB', 'OY', 'KK', 'LP', 'PLC', 'LLC', 'INC', 'CO', 'CORP', 'LTD', 'GMBH']);
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

/**
 * News agencies and broadcasters known by name (normalised: lower case, punctuation as spaces). They
 * report stories; naming one says who told the news, not what it is about.
 */
export const NEWS_AGENCIES = new Set([
  'reuters', 'associated press', 'ap', 'agence france presse', 'afp', 'bloomberg', 'interfax', 'xinhua', 'ria novosti', 'itar tass',
  'tass', 'kyodo', 'kyodo news', 'yonhap', 'anadolu', 'anadolu agency', 'dpa', 'deutsche presse agentur', 'efe', 'ansa', 'press trust of india',
  'pti', 'upi', 'united press international', 'bbc', 'cnn', 'sky news', 'itv', 'al jazeera', 'euronews', 'france 24', 'deutsche welle', 'dw',
]);

/** First words that make a name a news outlet: "Daily Telegraph", "Radio Free Europe", "Channel 4". */
export const NEWS_OUTLET_FIRST = new Set(['daily', 'sunday', 'weekly', 'morning', 'evening', 'radio', 'channel']);

/** Last words that make a name a news outlet: "Financial Times", "Sky News", "Washington Post", "Agence France-Presse". */
export const NEWS_OUTLET_LAST = new Set([
  'times', 'news', 'press', 'presse', 'post', 'telegraph', 'tribune', 'herald', 'gazette', 'journal', 'courier', 'chronicle', 'observer',
  'standard', 'radio', 'television', 'tv', 'broadcasting', 'wire', 'ledger', 'newspaper', 'magazine',
]);
