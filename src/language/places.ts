// Places the parser recognises by name: countries, major cities and regions, the adjectives of nationality
// that name them, and the head words that make a capitalised name a place. General knowledge, no article's.

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
  'Holland', 'Yugoslavia', 'Soviet Union', 'USSR', 'Czechoslovakia', 'East Germany', 'West Germany', 'Korea', 'Greenland',
]

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
  // British towns and cities beyond the largest
  'York', 'Exeter', 'Plymouth', 'Norwich', 'Ipswich', 'Swindon', 'Gloucester', 'Worcester', 'Hereford',
  'Coventry', 'Wolverhampton', 'Stoke', 'Hull', 'Bradford', 'Wakefield', 'Huddersfield', 'Bolton',
  'Wigan', 'Blackburn', 'Burnley', 'Lancaster', 'Carlisle', 'Sunderland', 'Gateshead', 'Middlesbrough', 'Durham',
  'Darlington', 'Rotherham', 'Barnsley', 'Lincoln', 'Peterborough', 'Luton', 'Watford',
  'Slough', 'Maidenhead', 'Basingstoke', 'Portsmouth', 'Winchester', 'Salisbury', 'Canterbury', 'Dover', 'Chelmsford',
  'Colchester', 'Milton Keynes', 'Northampton', 'Shrewsbury', 'Chester', 'Warrington', 'Stockport', 'Salford',
  'Swansea', 'Newport', 'Wrexham', 'Inverness', 'Perth', 'Stirling', 'Derry', 'Londonderry', 'Crawley', 'Guildford',
  'Heathrow', 'Gatwick', 'Stansted', 'Canary Wharf',
  // elsewhere
  'Basra', 'Mosul', 'Fallujah', 'Najaf', 'Kirkuk', 'Tikrit', 'Hebron', 'Nablus', 'Jenin', 'Bethlehem', 'Haifa', 'Kandahar',
  'Herat', 'Grozny', 'Beslan', 'Sarajevo', 'Belgrade', 'Zagreb', 'Bucharest', 'Marseille',
  'Lyon', 'Cologne', 'Bonn', 'Stuttgart', 'Dusseldorf', 'Rotterdam', 'Antwerp', 'Naples', 'Turin', 'Florence',
  'Venice', 'Seville', 'Valencia', 'Krakow', 'Gdansk', 'Vladivostok', 'Novosibirsk', 'Shenzhen',
  'Guangzhou', 'Chongqing', 'Bangalore', 'Chennai', 'Madras', 'Hyderabad', 'Ho Chi Minh City',
  'Brisbane', 'Adelaide', 'Atlanta', 'Seattle', 'Dallas', 'Detroit', 'Philadelphia', 'Las Vegas', 'New Orleans',
  'Calgary', 'Monterrey', 'Guadalajara', 'Quito', 'La Paz', 'Montevideo',
  // capitals not named above
  'Tirana', 'Luanda', 'Vilnius', 'Riga', 'Tallinn', 'Bratislava', 'Ljubljana', 'Sofia', 'Skopje', 'Podgorica',
  'Pristina', 'Chisinau', 'Reykjavik', 'Valletta', 'Nicosia', 'Muscat', 'Manama', 'Sanaa', 'Aden', 'Kuwait City',
  'Mogadishu', 'Asmara', 'Kampala', 'Kigali', 'Bujumbura', 'Dar es Salaam', 'Dodoma', 'Lusaka', 'Lilongwe', 'Gaborone',
  'Windhoek', 'Maseru', 'Mbabane', 'Antananarivo', 'Abidjan', 'Yamoussoukro', 'Bamako', 'Niamey', 'Ouagadougou',
  'Conakry', 'Freetown', 'Monrovia', 'Lome', 'Cotonou', 'Porto-Novo', 'Nouakchott', 'Banjul', 'Bissau', 'Yaounde',
  'Douala', 'Libreville', 'Brazzaville', 'Bangui', "N'Djamena", 'Juba', 'Port Louis', 'Ulan Bator', 'Ulaanbaatar',
  'Thimphu', 'Vientiane', 'Phnom Penh', 'Rangoon', 'Yangon', 'Naypyidaw', 'Bandar Seri Begawan', 'Dili',
  'Port Moresby', 'Suva', 'Apia', 'Nuku’alofa', 'Port-au-Prince', 'Santo Domingo', 'Nassau',
  'Bridgetown', 'Port of Spain', 'Belmopan', 'Guatemala City', 'San Salvador', 'Tegucigalpa', 'Managua',   'Panama City', 'Asuncion', 'Paramaribo', 'Cayenne', 'Islamabad', 'Rawalpindi', 'Peshawar',
  'Quetta', 'Jalalabad', 'Mazar-i-Sharif', 'Srinagar', 'Jammu', 'Amritsar', 'Ahmedabad', 'Pune', 'Jaipur', 'Lucknow',
  'Kanpur', 'Patna', 'Chittagong', 'Kandy', 'Mandalay', 'Chiang Mai', 'Phuket', 'Penang', 'Surabaya', 'Bandung',
  'Bali', 'Cebu', 'Davao', 'Macau', 'Macao', 'Tianjin', 'Wuhan', 'Nanjing', 'Hangzhou', 'Chengdu', 'Xian', 'Harbin',
  'Shenyang', 'Dalian', 'Qingdao', 'Lhasa', 'Urumqi', 'Kyoto', 'Yokohama', 'Nagoya', 'Kobe', 'Hiroshima', 'Nagasaki',
  'Fukuoka', 'Sapporo', 'Okinawa', 'Busan', 'Incheon', 'Kaohsiung', 'Hobart', 'Christchurch',
  'Mecca', 'Medina', 'Jeddah', 'Erbil', 'Sulaymaniyah', 'Ramadi', 'Samarra', 'Karbala', 'Isfahan', 'Tabriz',
  'Mashhad', 'Qom', 'Shiraz', 'Aleppo', 'Alexandria', 'Luxor', 'Aswan', 'Port Said', 'Suez',
  'Benghazi', 'Misrata', 'Casablanca', 'Marrakesh', 'Tangier', 'Oran', 'Kano', 'Ibadan', 'Port Harcourt',
  'Mombasa', 'Durban', 'Port Elizabeth', 'Bulawayo', 'Goma', 'Lubumbashi', 'Timbuktu', 'Zanzibar',
  'Yekaterinburg', 'Nizhny Novgorod', 'Kazan', 'Samara', 'Omsk', 'Rostov', 'Volgograd', 'Murmansk',
  'Kaliningrad', 'Irkutsk', 'Khabarovsk', 'Odessa', 'Kharkiv', 'Kharkov', 'Lviv', 'Donetsk', 'Sevastopol',
  'Yalta', 'Batumi', 'Samarkand', 'Bukhara', 'Khujand', 'Izmir', 'Antalya', 'Thessaloniki', 'Piraeus',
  'Porto', 'Bilbao', 'Malaga', 'Zaragoza', 'Palma', 'Genoa', 'Bologna', 'Palermo', 'Verona', 'Pisa', 'Cannes',
  'Toulouse', 'Bordeaux', 'Lille', 'Nantes', 'Calais', 'Dunkirk', 'Brest', 'Dresden', 'Leipzig', 'Hanover', 'Bremen',
  'Nuremberg', 'Essen', 'Dortmund', 'Salzburg', 'Innsbruck', 'Graz', 'Basel', 'Bern', 'Lausanne', 'Lucerne',
  'Gothenburg', 'Malmo', 'Bergen', 'Aarhus', 'Tampere', 'Turku', 'Gdynia', 'Wroclaw', 'Poznan', 'Lodz', 'Brno',
  'Debrecen', 'Cluj', 'Timisoara', 'Varna', 'Dubrovnik', 'Mostar', 'Srebrenica', 'Novi Sad', 'Ghent',
  'Bruges', 'Liege', 'Utrecht', 'Eindhoven', 'Maastricht', 'Galway', 'Limerick', 'Waterford',
  // British and Irish towns beyond those above
  'Birkenhead', 'Blackburn', 'Bognor Regis', 'Bracknell', 'Bradford', 'Brentwood',
  'Cheltenham', 'Chesterfield', 'Chichester', 'Clacton', 'Corby', 'Croydon', 'Dartford',
  'Doncaster', 'Eastbourne', 'Enfield', 'Epsom', 'Falkirk', 'Folkestone', 'Grimsby',   'Harlow', 'Harrogate', 'Hartlepool', 'Hemel Hempstead', 'High Wycombe', 'Huntingdon', 'Kettering',
  'Kidderminster', 'Kingston upon Thames', 'Kirkcaldy', 'Leamington Spa', 'Lichfield', 'Llandudno', 'Loughborough',
  'Lowestoft', 'Macclesfield', 'Maidstone', 'Margate', 'Merthyr Tydfil', 'Newbury', 'Newmarket',
  'Newquay', 'Northallerton', 'Nuneaton', 'Oldham', 'Paisley', 'Penzance', 'Ramsgate',   'Redditch', 'Rochdale', 'Runcorn', 'Scarborough', 'Scunthorpe', 'Sevenoaks', 'Skegness', 'Solihull',
  'Southend', 'Southport', 'St Albans', 'St Andrews', 'St Helens', 'Stevenage', 'Stratford',
  'Stroud', 'Taunton', 'Torquay', 'Truro', 'Tunbridge Wells', 'Walsall', 'Wembley',
  'Weston-super-Mare', 'Weymouth', 'Whitby', 'Widnes', 'Wimbledon', 'Woking', 'Worthing', 'Yeovil',
  'Armagh', 'Ballymena', 'Coleraine', 'Enniskillen', 'Lisburn', 'Newry', 'Omagh', 'Portadown', 'Aberystwyth',
  'Bridgend', 'Caernarfon', 'Carmarthen', 'Llanelli', 'Neath', 'Pontypridd', 'Port Talbot', 'Rhyl', 'Ayr', 'Dumfries',
  'Dunfermline', 'Fort William', 'Greenock', 'Kilmarnock', 'Motherwell', 'Oban', 'Lerwick',
  'Kirkwall', 'Stornoway', 'Brixton', 'Camden', 'Hackney', 'Islington', 'Lambeth', 'Southwark', 'Tottenham', 'Ealing',
  'Hammersmith', 'Kensington', 'Greenwich', 'Lewisham', 'Hounslow',   // North American cities beyond those above
  'Baltimore', 'Pittsburgh', 'Cleveland', 'Cincinnati', 'Indianapolis', 'Milwaukee', 'Minneapolis',
  'St Louis', 'Kansas City', 'Denver', 'Phoenix', 'Tucson', 'San Diego', 'San Antonio', 'Memphis',
  'Nashville', 'Louisville', 'Tampa', 'Jacksonville',
  'Sacramento', 'Portland', 'Salt Lake City', 'Honolulu', 'Anchorage', 'Albany', 'Newark', 'Hartford',
  'Oakland', 'Fort Worth', 'Oklahoma City', 'Omaha', 'Des Moines', 'Little Rock',
  'Atlantic City', 'Edmonton', 'Winnipeg', 'Tijuana', 'Ciudad Juarez',
  'Acapulco', 'Cancun', 'Medellin', 'Cartagena', 'Guayaquil', 'Cordoba', 'Valparaiso',
  'Recife', 'Porto Alegre', 'Belo Horizonte', 'Manaus',
];

/** The states of the United States; news writes them after a town ("Phoenix, Arizona"). */
const US_STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire',
  'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania',
  'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington',
  'West Virginia', 'Wisconsin', 'Wyoming', 'Puerto Rico',
];

/** The abbreviations news agencies write for US states after a town ("Newark, N.J.", "Peoria, Ill."), without their full stops. */
export const US_STATE_ABBREVIATIONS = new Map<string, string>(Object.entries({
  'ala': 'Alabama', 'ariz': 'Arizona', 'ark': 'Arkansas', 'calif': 'California', 'colo': 'Colorado', 'conn': 'Connecticut',
  'del': 'Delaware', 'fla': 'Florida', 'ga': 'Georgia', 'ill': 'Illinois', 'ind': 'Indiana', 'kan': 'Kansas',
  'ky': 'Kentucky', 'la': 'Louisiana', 'md': 'Maryland', 'mass': 'Massachusetts', 'mich': 'Michigan', 'minn': 'Minnesota',
  'miss': 'Mississippi', 'mo': 'Missouri', 'mont': 'Montana', 'neb': 'Nebraska', 'nev': 'Nevada', 'n.h': 'New Hampshire',
  'n.j': 'New Jersey', 'n.m': 'New Mexico', 'n.y': 'New York', 'n.c': 'North Carolina', 'n.d': 'North Dakota',
  'okla': 'Oklahoma', 'ore': 'Oregon', 'pa': 'Pennsylvania', 'r.i': 'Rhode Island', 's.c': 'South Carolina',
  's.d': 'South Dakota', 'tenn': 'Tennessee', 'vt': 'Vermont', 'va': 'Virginia', 'wash': 'Washington', 'w.va': 'West Virginia',
  'wis': 'Wisconsin', 'wyo': 'Wyoming', 'd.c': 'Washington',
}));

const REGIONS = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Antarctica',
  'Oceania', 'Middle East', 'Near East', 'Far East', 'Central Asia', 'South Asia', 'Southeast Asia', 'South-East Asia',
  'East Asia', 'West Africa', 'East Africa', 'North Africa', 'Southern Africa', 'Sub-Saharan Africa', 'Eastern Europe',
  'Western Europe', 'Central Europe', 'Balkans', 'Caucasus', 'Scandinavia', 'Siberia', 'Kashmir', 'Darfur', 'Chechnya',
  'Kurdistan', 'Tibet', 'Gaza Strip', 'West Bank', 'Persian Gulf', 'Gulf', 'Caribbean', 'Mediterranean', 'Pacific',
  'Atlantic', 'Arctic', 'Perthshire', 'Yorkshire', 'Lancashire', 'Kent', 'Essex', 'Surrey', 'Cornwall', 'Devon',
  'Highlands', 'Midlands', 'Merseyside', 'Ulster', 'Bavaria', 'Catalonia', 'California', 'Texas', 'Florida',
  // British counties and regions (names ending in -shire are found by their ending)
  'Somerset', 'Dorset', 'North Dorset', 'Hampshire', 'Norfolk', 'Suffolk', 'Cumbria', 'Northumberland', 'County Durham',
  'Tyneside', 'South Tyneside', 'Teesside', 'Wearside', 'East Anglia', 'West Country', 'Home Counties',
  'Isle of Wight', 'Isle of Man', 'Anglesey', 'Orkney', 'Shetland', 'Hebrides', 'Fife', 'Lothian', 'Strathclyde',
  'Sakhalin', 'Caspian Sea', 'Black Sea', 'North Sea', 'Baltic', 'Sahara', 'Sinai', 'Golan Heights', 'Crimea', 'Ural',
  'Punjab', 'Bengal', 'Gujarat', 'Xinjiang', 'Aceh', 'Sumatra', 'Borneo', 'Mindanao', 'Patagonia',
  'New England', 'Midwest', 'Quebec', 'Ontario', 'Alberta', 'British Columbia', 'Queensland', 'New South Wales',
  'Tasmania', 'Manitoba', 'Saskatchewan', 'Nova Scotia', 'Saxony', 'Tuscany', 'Sicily', 'Sardinia',
  'Corsica', 'Normandy', 'Provence', 'Andalusia', 'Basque Country', 'Flanders', 'Wallonia',   'Kerala', 'Tamil Nadu', 'Bihar', 'Uttar Pradesh', 'Transnistria', 'Abkhazia',
  'South Ossetia', 'Nagorno-Karabakh', 'Dagestan', 'Ingushetia', 'Tatarstan', 'Chukotka', 'Kamchatka', 'Tyrol',
  // US states (the ones not named above)
  ...US_STATES.filter((n) => !['California', 'Texas', 'Florida', 'Georgia', 'Washington', 'New York'].includes(n)),
];

/** Lowercased name → kind. Multiword names are matched token by token. */
export const PLACES = new Map<string, PlaceKind>();
for (const n of COUNTRIES) PLACES.set(n.toLowerCase(), 'country');
for (const n of CITIES) PLACES.set(n.toLowerCase(), 'city');
for (const n of REGIONS) PLACES.set(n.toLowerCase(), 'region');

/** Canonical spelling of each place, keyed by lowercase. */
export const PLACE_NAMES = new Map<string, string>([...COUNTRIES, ...CITIES, ...REGIONS].map((n) => [n.toLowerCase(), n]));

/** Other names of one place, lower case → the name shown ("US" and "America" → "United States"). */
export const PLACE_ALIASES = new Map<string, string>([
  ['us', 'United States'], ['usa', 'United States'], ['united states of america', 'United States'], ['america', 'United States'],
  ['uk', 'United Kingdom'], ['britain', 'United Kingdom'], ['great britain', 'United Kingdom'],
  ['holland', 'Netherlands'],
]);

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


/** Trailing words that make a capitalised name a place rather than an organisation. */
export const PLACE_HEADS = new Set([
  'park', 'green', 'castle', 'street', 'road', 'square', 'lake', 'river', 'mountain', 'mountains', 'island', 'islands',
  'bay', 'sea', 'ocean', 'valley', 'hill', 'hills', 'stadium', 'arena', 'airport', 'bridge', 'palace', 'abbey',
  'cathedral', 'hotel', 'county', 'province', 'city', 'town', 'village', 'peninsula', 'desert', 'coast', 'strait', 'canal',
]);
/** Leading words that make a capitalised name a place ("Loch Lomond", "Mount Everest"). */
export const PLACE_PREFIXES = new Set(['loch', 'lake', 'mount', 'river', 'port', 'fort', 'cape', 'isle', 'gulf', 'county']);

/** Compass words: a capitalised run of only these names a region ("the North East", "the South West"). */
export const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central']);

/** English place names end like this ("Gloucestershire", "Herefordshire"). */
export const PLACE_SUFFIX = /^\p{Lu}\p{L}+shire$/u;
