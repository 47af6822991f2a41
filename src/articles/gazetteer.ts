// General word lists the parser recognises: countries, major cities and regions, demonyms, role titles,
// organisation and place head words. Nothing here is specific to any one article.

export type PlaceKind = 'country' | 'city' | 'region' | 'other';

const COUNTRIES = [
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Azerbaijan',
  'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize', 'Benin', 'Bhutan', 'Bolivia',
  'Bosnia', 'Bosnia and Herzegovina', 'Botswana', 'Brazil', 'Brunei', 'Bulgaria', 'Burkina Faso', 'Burma', 'Burundi',
  'Cambodia', 'Cameroon', 'Canada', 'Chad', 'Chile', 'China', 'Colombia', 'Congo', 'Costa Rica', 'Croatia', 'Cuba',
  'Cyprus', 'Czech Republic', 'Denmark', 'Djibouti', 'Dominican Republic', 'Ecuador', 'Egypt', 'El Salvador', 'Eritrea',
  'Estonia', 'Ethiopia', 'Fiji', 'Finland', 'France', 'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece',
  'Guatemala', 'Guinea', 'Guyana', 'Haiti', 'Honduras', 'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq',
  'Ireland', 'Israel', 'Italy', 'Ivory Coast', 'Jamaica', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Kosovo', 'Kuwait',
  'Kyrgyzstan', 'Laos', 'Latvia', 'Lebanon', 'Lesotho', 'Liberia', 'Libya', 'Liechtenstein', 'Lithuania', 'Luxembourg',
  'Macedonia', 'Madagascar', 'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta', 'Mauritania', 'Mauritius', 'Mexico',
  'Moldova', 'Monaco', 'Mongolia', 'Montenegro', 'Morocco', 'Mozambique', 'Myanmar', 'Namibia', 'Nepal', 'Netherlands',
  'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'North Korea', 'North Macedonia', 'Norway', 'Oman', 'Pakistan',
  'Palestine', 'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar',
  'Romania', 'Russia', 'Rwanda', 'Saudi Arabia', 'Senegal', 'Serbia', 'Sierra Leone', 'Singapore', 'Slovakia',
  'Slovenia', 'Somalia', 'South Africa', 'South Korea', 'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname',
  'Swaziland', 'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tajikistan', 'Tanzania', 'Thailand', 'Togo', 'Tunisia',
  'Turkey', 'Turkmenistan', 'Uganda', 'Ukraine', 'United Arab Emirates', 'UAE', 'United Kingdom', 'UK', 'Britain',
  'Great Britain', 'United States', 'United States of America', 'US', 'USA', 'America', 'Uruguay', 'Uzbekistan',
  'Venezuela', 'Vietnam', 'Yemen', 'Zambia', 'Zimbabwe', 'England', 'Scotland', 'Wales', 'Northern Ireland',
];

const CITIES = [
  'London', 'Manchester', 'Birmingham', 'Leeds', 'Liverpool', 'Glasgow', 'Edinburgh', 'Cardiff', 'Belfast', 'Bristol',
  'Leicester', 'Sheffield', 'Newcastle', 'Nottingham', 'Aberdeen', 'Dundee', 'Oxford', 'Cambridge', 'Brighton',
  'Southampton', 'Bournemouth', 'Blackpool', 'Dublin', 'Paris', 'Berlin', 'Madrid', 'Rome', 'Milan', 'Brussels',
  'Amsterdam', 'The Hague', 'Vienna', 'Zurich', 'Geneva', 'Frankfurt', 'Munich', 'Hamburg', 'Stockholm', 'Oslo',
  'Copenhagen', 'Helsinki', 'Warsaw', 'Prague', 'Budapest', 'Athens', 'Lisbon', 'Barcelona', 'Istanbul', 'Ankara',
  'Moscow', 'St Petersburg', 'Kiev', 'Kyiv', 'Minsk', 'Tbilisi', 'Yerevan', 'Baku', 'Tashkent', 'Dushanbe', 'Bishkek',
  'Astana', 'Almaty', 'Ashgabat', 'Kabul', 'Tehran', 'Baghdad', 'Damascus', 'Beirut', 'Jerusalem', 'Tel Aviv',
  'Gaza', 'Ramallah', 'Amman', 'Riyadh', 'Dubai', 'Abu Dhabi', 'Doha', 'Cairo', 'Tripoli', 'Tunis', 'Algiers',
  'Rabat', 'Lagos', 'Abuja', 'Nairobi', 'Addis Ababa', 'Khartoum', 'Johannesburg', 'Cape Town', 'Pretoria', 'Harare',
  'Maputo', 'Kinshasa', 'Accra', 'Dakar', 'Islamabad', 'Karachi', 'Lahore', 'Delhi', 'New Delhi', 'Mumbai', 'Bombay',
  'Calcutta', 'Kolkata', 'Dhaka', 'Colombo', 'Kathmandu', 'Beijing', 'Shanghai', 'Hong Kong', 'Tokyo', 'Osaka',
  'Seoul', 'Pyongyang', 'Taipei', 'Bangkok', 'Hanoi', 'Manila', 'Jakarta', 'Kuala Lumpur', 'Sydney', 'Melbourne',
  'Canberra', 'Auckland', 'Wellington', 'New York', 'Washington', 'Los Angeles', 'Chicago', 'Boston', 'San Francisco',
  'Houston', 'Miami', 'Toronto', 'Montreal', 'Ottawa', 'Vancouver', 'Mexico City', 'Havana', 'Caracas', 'Bogota',
  'Lima', 'Santiago', 'Buenos Aires', 'Sao Paulo', 'Rio de Janeiro', 'Brasilia', 'Strasbourg', 'Luxembourg City',
  'Davos', 'Gleneagles', 'Westminster', 'Downing Street', 'Whitehall',
];

const REGIONS = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Antarctica',
  'Oceania', 'Middle East', 'Near East', 'Far East', 'Central Asia', 'South Asia', 'Southeast Asia', 'South-East Asia',
  'East Asia', 'West Africa', 'East Africa', 'North Africa', 'Southern Africa', 'Sub-Saharan Africa', 'Eastern Europe',
  'Western Europe', 'Central Europe', 'Balkans', 'Caucasus', 'Scandinavia', 'Siberia', 'Kashmir', 'Darfur', 'Chechnya',
  'Kurdistan', 'Tibet', 'Gaza Strip', 'West Bank', 'Persian Gulf', 'Gulf', 'Caribbean', 'Mediterranean', 'Pacific',
  'Atlantic', 'Arctic', 'Perthshire', 'Yorkshire', 'Lancashire', 'Kent', 'Essex', 'Surrey', 'Cornwall', 'Devon',
  'Highlands', 'Midlands', 'Merseyside', 'Ulster', 'Bavaria', 'Catalonia', 'California', 'Texas', 'Florida',
];

/** Lowercased name → kind. Multiword names are matched token by token. */
export const PLACES = new Map<string, PlaceKind>();
for (const n of COUNTRIES) PLACES.set(n.toLowerCase(), 'country');
for (const n of CITIES) PLACES.set(n.toLowerCase(), 'city');
for (const n of REGIONS) PLACES.set(n.toLowerCase(), 'region');

/** Canonical spelling of each place, keyed by lowercase. */
export const PLACE_NAMES = new Map<string, string>([...COUNTRIES, ...CITIES, ...REGIONS].map((n) => [n.toLowerCase(), n]));

/** Longest place name in tokens; bounds the gazetteer lookup window. */
export const MAX_PLACE_TOKENS = 4;

/** Adjectives of nationality → the place they name. */
export const DEMONYMS = new Map<string, string>(Object.entries({
  Afghan: 'Afghanistan', Albanian: 'Albania', Algerian: 'Algeria', American: 'United States', Argentine: 'Argentina',
  Armenian: 'Armenia', Australian: 'Australia', Austrian: 'Austria', Azerbaijani: 'Azerbaijan', Azeri: 'Azerbaijan',
  Belarusian: 'Belarus', Belgian: 'Belgium', Bosnian: 'Bosnia', Brazilian: 'Brazil', British: 'United Kingdom',
  Bulgarian: 'Bulgaria', Canadian: 'Canada', Chilean: 'Chile', Chinese: 'China', Colombian: 'Colombia',
  Croatian: 'Croatia', Cuban: 'Cuba', Czech: 'Czech Republic', Danish: 'Denmark', Dutch: 'Netherlands',
  Egyptian: 'Egypt', Ethiopian: 'Ethiopia', Finnish: 'Finland', French: 'France', Georgian: 'Georgia',
  German: 'Germany', Greek: 'Greece', Hungarian: 'Hungary', Indian: 'India', Indonesian: 'Indonesia',
  Iranian: 'Iran', Iraqi: 'Iraq', Irish: 'Ireland', Israeli: 'Israel', Italian: 'Italy', Japanese: 'Japan',
  Jordanian: 'Jordan', Kazakh: 'Kazakhstan', Kenyan: 'Kenya', Korean: 'Korea', Kuwaiti: 'Kuwait',
  Kyrgyz: 'Kyrgyzstan', Lebanese: 'Lebanon', Libyan: 'Libya', Lithuanian: 'Lithuania', Malaysian: 'Malaysia',
  Mexican: 'Mexico', Moroccan: 'Morocco', Nigerian: 'Nigeria', Norwegian: 'Norway', Pakistani: 'Pakistan',
  Palestinian: 'Palestine', Polish: 'Poland', Portuguese: 'Portugal', Romanian: 'Romania', Russian: 'Russia',
  Saudi: 'Saudi Arabia', Scottish: 'Scotland', Serbian: 'Serbia', Somali: 'Somalia', Spanish: 'Spain',
  Sudanese: 'Sudan', Swedish: 'Sweden', Swiss: 'Switzerland', Syrian: 'Syria', Tajik: 'Tajikistan',
  Thai: 'Thailand', Turkish: 'Turkey', Turkmen: 'Turkmenistan', Ugandan: 'Uganda', Ukrainian: 'Ukraine',
  Uzbek: 'Uzbekistan', Venezuelan: 'Venezuela', Vietnamese: 'Vietnam', Welsh: 'Wales', Yemeni: 'Yemen',
  Zimbabwean: 'Zimbabwe', African: 'Africa', European: 'Europe', Asian: 'Asia',
}));

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

/** Trailing words that make a capitalised name a place rather than an organisation. */
export const PLACE_HEADS = new Set([
  'park', 'green', 'castle', 'street', 'road', 'square', 'lake', 'river', 'mountain', 'mountains', 'island', 'islands',
  'bay', 'sea', 'ocean', 'valley', 'hill', 'hills', 'stadium', 'arena', 'airport', 'bridge', 'palace', 'abbey',
  'cathedral', 'county', 'province', 'city', 'town', 'village', 'peninsula', 'desert', 'coast', 'strait', 'canal',
]);
/** Leading words that make a capitalised name a place ("Loch Lomond", "Mount Everest"). */
export const PLACE_PREFIXES = new Set(['loch', 'lake', 'mount', 'river', 'port', 'fort', 'cape', 'isle', 'gulf']);

/** Role titles, longest first where it matters. Matched case-insensitively against words before or after a name. */
export const ROLE_TITLES = [
  'deputy prime minister', 'prime minister', 'secretary-general', 'secretary general', 'general secretary',
  'foreign secretary', 'home secretary', 'defence secretary', 'defense secretary', 'health secretary',
  'education secretary', 'culture secretary', 'trade secretary', 'transport secretary', 'environment secretary',
  'work and pensions secretary', 'northern ireland secretary', 'chief secretary', 'foreign minister',
  'finance minister', 'defence minister', 'defense minister', 'interior minister', 'trade minister', 'oil minister',
  'energy minister', 'economy minister', 'health minister', 'chancellor of the exchequer', 'chief executive',
  'managing director', 'executive director', 'finance director', 'general manager', 'vice president',
  'vice-president', 'attorney general', 'lord chancellor', 'party chairman', 'shadow chancellor',
  'shadow home secretary', 'shadow foreign secretary', 'first minister', 'home office minister', 'commons leader',
  'opposition leader', 'party leader', 'chief economist', 'chief constable', 'high commissioner', 'head of state',
  'president', 'chancellor', 'minister', 'secretary', 'chairman', 'chairwoman', 'chairperson', 'chair', 'director',
  'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'governor', 'mayor', 'senator', 'ambassador',
  'commissioner', 'judge', 'king', 'queen', 'prince', 'princess', 'general', 'admiral', 'colonel', 'captain',
  'bishop', 'archbishop', 'pope', 'premier', 'speaker', 'mp', 'mep', 'founder', 'co-founder', 'head', 'boss', 'chief',
  'coach', 'manager', 'editor', 'correspondent', 'deputy', 'lawyer', 'economist', 'analyst', 'singer', 'bassist',
  'guitarist', 'drummer', 'actor', 'actress', 'producer', 'presenter', 'author', 'writer', 'campaigner', 'under-secretary',
  'chancellor', 'treasurer', 'envoy', 'adviser', 'advisor', 'officer', 'inspector', 'professor', 'dr',
];
export const ROLE_SET = new Set(ROLE_TITLES);
export const MAX_ROLE_TOKENS = 5;

/** Modifiers that may precede a role title and belong to it ("former prime minister"). */
export const ROLE_MODIFIERS = new Set(['former', 'deputy', 'acting', 'shadow', 'interim', 'assistant', 'senior', 'junior', 'ex-', 'then']);

/** Honorifics: a capitalised word after one of these is a person's (sur)name. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'rev', 'baroness', 'baron']);

/** Common given names; a capitalised pair starting with one is a person. */
export const FIRST_NAMES = new Set(`
adam alan alastair alex alexander alice alistair andrew angela ann anna anne anthony bill bob boris brian bruce
carl caroline catherine charles charlie chris christine christopher claire colin david dennis diana donald douglas
ed edward elizabeth emma eric frank gary geoff geoffrey george gerhard gordon graham harold harry helen henry howard
ian jack jacques james jane janet jean jeremy jim joan joe john jonathan joseph julia julie kate keith ken kenneth
kevin kim laura lee linda lisa margaret maria mark martin mary matthew michael mike nancy neil nelson nick nicholas
nicolas patricia patrick paul peter philip phil ray richard rob robert robin roger ron ronald rose ruth sam sarah
simon stephen steve steven sue susan ted terry thomas tim timothy tom tony valerie victoria vladimir walter william
yasser ariel hamid hosni kofi silvio jose gerry charles ken menzies iain oliver alan ruth tessa hilary hillary
barack george condoleezza colin dick al jacques angela recep mahmoud moshe shimon ehud bashar saddam osama
`.trim().split(/\s+/));

/** Capitalised words that open sentences and never start a name. */
export const CAPITALISED_STOPWORDS = new Set(`
a an the this that these those he she it they we i you his her its their our my your there here
and but or nor so yet for if when while whilst after before since although though because as at in on of to by
with without from into onto over under about above below between among during until unless whether where which who
whom whose what why how previously however meanwhile moreover furthermore also still then now today yesterday
tomorrow according despite following last next some many most more all any each every both either neither no not
other another such several few one two three four five six seven eight nine ten first second third new former
mr mrs ms dr sir lord lady it's speaking asked asking earlier later recently instead indeed even just only
yes well let will would could should may might must can do does did is are was were be been has have had
`.trim().split(/\s+/));

/** Verbs that introduce reported speech or a report. */
export const REPORTING_VERBS = [
  'reported', 'said', 'says', 'told', 'announced', 'stated', 'claimed', 'warned', 'added', 'insisted', 'argued',
  'confirmed', 'revealed', 'explained', 'emphasized', 'emphasised', 'stressed', 'noted', 'suggested', 'wrote',
  'declared', 'admitted', 'acknowledged', 'predicted', 'promised', 'urged', 'believes', 'believed', 'disclosed',
  'reports', 'announces', 'tells', 'writes', 'mentioned', 'indicated', 'pointed out', 'maintained', 'estimated',
];
