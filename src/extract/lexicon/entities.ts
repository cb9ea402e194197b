/**
 * Entity lexicons compiled from public facts: corporate suffixes, titles, well-known
 * organisations (with their short forms), places and instruments. A name not listed is
 * still found by its shape (capitalised phrase, suffix, ticker, title); these lists settle
 * the type and canonical name of common ones.
 */

/** Words that end an organisation's name ("Corvant Systems", "Northbay Bank"). */
export const ORG_SUFFIXES = new Set([
  "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd", "Ltd.", "Limited", "LLC", "LLP", "LP", "plc", "PLC", "AG", "SA", "S.A.", "NV", "N.V.",
  "SE", "SpA", "ASA", "AB", "Oyj", "GmbH", "KGaA", "BV", "Bhd", "Tbk", "Group", "Holdings", "Holding", "Bank", "Bancorp", "Bancshares", "Technologies", "Technology",
  "Systems", "Capital", "Partners", "AI", "Industries", "Motors", "Motor", "Airlines", "Airways", "Energy", "Pharmaceuticals", "Pharma", "Therapeutics", "Networks",
  "Labs", "Laboratories", "Software", "Semiconductor", "Semiconductors", "Financial", "Insurance", "Investments", "Ventures", "Associates", "Enterprises", "Resources",
  "Petroleum", "Oil", "Gas", "Mining", "Minerals", "Communications", "Telecom", "Media", "Entertainment", "Foods", "Brands", "Stores", "Automotive", "Auto", "Electric",
  "Electronics", "Health", "Healthcare", "Sensors", "Robotics", "Devices", "Instruments", "Chemicals", "Steel", "Trust", "Fund", "Management", "Advisors", "Advisers",
  "Securities", "Exchange", "Association", "Council", "Agency", "Authority", "Commission", "Ministry", "Department", "Office", "Board", "Institute", "University",
  "Bureau", "Federation", "Union", "Committee", "Reserve", "Organization", "Organisation", "Fund", "Corporation", "Railways", "Rail", "Infrastructure", "Solutions",
  "Services", "Logistics", "Airlines", "Cloud", "Platforms", "Dynamics", "Aerospace", "Biosciences", "Bio", "Medical", "Realty", "Properties", "REIT", "Equity",
  "Markets", "Wealth", "Research", "Analytics", "Global", "International", "Worldwide", "Power", "Utilities", "Water", "Works", "Mills", "Textiles", "Shipping",
]);

/** Corporate forms stripped from a canonical name's tail when another mention lacks them. */
export const LEGAL_FORMS = /,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Ltd\.?|Limited|LLC|plc|PLC|AG|SA|S\.A\.|NV|N\.V\.|SE|SpA|ASA|AB|GmbH|Bhd|LP|LLP)$/;

/** Titles and roles that introduce a person's name ("Chief Executive Daniel Okafor"). */
export const PERSON_TITLES = /(?:^|\s)(?:chief financial officer|chief executive(?: officer)?|chief operating officer|finance director|managing director|analyst|economist|strategist|founder|chairman|president|spokesman|spokeswoman|spokesperson|director|minister|premier|governor|secretary|chief|head|ceo|cfo|officer|leader|manager|executive|reporter|writer|editor|professor|coach|player|actor|singer|author|lawyer|judge|senator|mayor|referee|wrestler|photographer|contributor|columnist|correspondent|partner|investor|trader|founder|by)\s+$|\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Lord|Lady|Sen|Rep|Gov|President|Chairman|Chairwoman|Chair|Chief Executive(?: Officer)?|Chief Financial Officer|Chief Operating Officer|Chief Technology Officer|CEO|CFO|COO|CTO|Finance Director|Managing Director|Director|Founder|Co-founder|Analyst|Strategist|Minister|Secretary|Governor|Commissioner|Treasurer|Spokesman|Spokeswoman|Spokesperson|Head|Partner|Vice President|Executive Vice President|Senior Vice President|General Manager|Portfolio Manager|Chief Investment Officer|Fed Chair|Chancellor|Prime Minister)\.?\s+$/;

/** Lower-case role words after a name ("Daniel Okafor, chief executive"). */
export const ROLE_AFTER = /^,\s+(?:the\s+(?:company's\s+|bank's\s+|group's\s+)?)?(?:chief|president|chairman|chairwoman|chair|founder|co-founder|ceo|cfo|coo|head|director|managing|senior|executive|vice|analyst|economist|strategist|portfolio|partner|minister|secretary|governor|spokesman|spokeswoman|spokesperson|who|an?\s+(?:analyst|economist|strategist|partner|spokesman|spokeswoman|director|professor|portfolio))\b/i;

/**
 * Common given names: a capitalised pair starting with one is a person. A short list of
 * frequent English and international first names; extend freely.
 */
export const FIRST_NAMES = new Set(`James John Robert Robin Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Claire Clare Fiona Priya Ramesh Rahul Raj Anil Sunil Amit Arjun Vikram Sanjay Suresh Rajesh Anand Deepak Ravi Kenji Hiroshi Takeshi Yuki Akira Satoshi Haruki Wei Li Zhang Wang Chen Liu Yang Huang Zhao Jing Ming Hui Xin Lei Jun Hans Klaus Jurgen Jürgen Dieter Wolfgang Stefan Matthias Andreas Markus Thomas Christoph Andrea Anja Katrin Sabine Ursula Angela Olaf Friedrich Pierre Jean Francois François Jacques Michel Philippe Nicolas Luc Christine Emmanuel Bruno Carlos Luis Miguel Javier Pedro Antonio Manuel Francisco Giovanni Marco Luca Mario Giuseppe Paolo Alessandro Roberto Sergio Lars Erik Anders Nils Johan Per Henrik Sven Ingrid Astrid Elon Jeff Tim Satya Sundar Jensen Lisa Warren Jamie Jerome Janet Ben Christine Mario Haruhiko Kazuo Masayoshi Mukesh Gautam Ratan Vladimir Xi Joe Donald Rishi Keir Olaf Dana Marcus Claire Daniel Jane Tom Sam Nick Mike Dan Chris Matt Steve Bob Bill Jim Rob Greg Ken Ron Ted Ed Al Ann Kate Liz Sue Meg Jill Beth Ross Neil Ian Colin Graham Gavin Simon Rupert Nigel Alistair Hamish Duncan Fergus Angus Callum Aidan Conor Declan Niamh Siobhan Aoife Sinead Ahmed Mohammed Muhammad Ali Omar Hassan Hussein Khalid Fatima Aisha Yusuf Ibrahim Mustafa Karim Nadia Leila Reza Sergei Dmitry Alexei Ivan Olga Natalia Svetlana Igor Boris Yuri Tatiana Kwame Kofi Ama Chinedu Ngozi Oluwaseun Tunde Amara Daniela Gabriela Fernanda Camila Valentina Sofia Lucia Elena Isabel Carmen Rosa Marta Paula Beatriz Ines Joao João Rafael Felipe Diego Andres Andrés Jorge Ricardo Eduardo Alejandro Fernando Raul Raúl Hector Oscar Ruben Julia Eva Laura Nina Mia Zoe Chloe Lily Ella Ava Leah Ruby Freya Isla Maya Tara Nora Rosa Rose Ruth Iris Irene Vera Alma Celia Dolores Pilar Pablo Mateo Lucas Hugo Leo Max Felix Oliver Harry Charlie George Alfie Theo Finn Arthur Freddie Archie Jacob Oscar Isaac Toby Louie Reggie Ronnie Stanley Edward Angus Andrew Ross Grant Craig Stuart Gordon Kenneth Malcolm Murray Alasdair Euan Ewan Rory Kieran Liam Owen Rhys Dylan Gareth Huw Ieuan Morgan Bethan Cerys Sian Catrin`.split(/\s+/));

export interface KnownEntity {
  name: string;
  type: "organization" | "place" | "instrument";
  /** Other surface forms ("Fed", "U.S."). */
  aliases?: string[] | undefined;
  /** Exchanges, news agencies and brokers are rarely what an article is about. */
  peripheral?: boolean | undefined;
  /** Central banks and policy bodies: figures about the economy they watch belong to the country. */
  policy?: boolean | undefined;
}

export const KNOWN_ENTITIES: KnownEntity[] = [
  // central banks, regulators, agencies
  { name: "Federal Reserve", type: "organization", policy: true, aliases: ["Fed", "U.S. Federal Reserve", "Federal Reserve Board", "U.S. Fed"] },
  { name: "European Central Bank", type: "organization", policy: true, aliases: ["ECB"] },
  { name: "Bank of England", type: "organization", policy: true, aliases: ["BoE", "BOE"] },
  { name: "Bank of Japan", type: "organization", policy: true, aliases: ["BOJ", "BoJ"] },
  { name: "People's Bank of China", type: "organization", policy: true, aliases: ["PBOC", "PBoC"] },
  { name: "Reserve Bank of India", type: "organization", policy: true, aliases: ["RBI"] },
  { name: "Bank of Canada", type: "organization", policy: true, aliases: ["BoC"] },
  { name: "Reserve Bank of Australia", type: "organization", policy: true, aliases: ["RBA"] },
  { name: "Swiss National Bank", type: "organization", policy: true, aliases: ["SNB"] },
  { name: "Bundesbank", type: "organization" },
  { name: "International Monetary Fund", type: "organization", aliases: ["IMF"] },
  { name: "World Bank", type: "organization" },
  { name: "Securities and Exchange Commission", type: "organization", aliases: ["SEC"] },
  { name: "Federal Open Market Committee", type: "organization", policy: true, aliases: ["FOMC"] },
  { name: "Financial Conduct Authority", type: "organization", aliases: ["FCA"] },
  { name: "Federal Trade Commission", type: "organization", aliases: ["FTC"] },
  { name: "European Commission", type: "organization" },
  { name: "European Union", type: "organization", aliases: ["EU"] },
  { name: "OPEC", type: "organization", aliases: ["Organization of the Petroleum Exporting Countries"] },
  { name: "Labor Department", type: "organization", peripheral: true, aliases: ["Labor Dept", "Department of Labor", "U.S. Labor Department"] },
  { name: "Commerce Department", type: "organization", peripheral: true, aliases: ["Commerce Dept", "Department of Commerce", "U.S. Commerce Department"] },
  { name: "Treasury", type: "organization", aliases: ["U.S. Treasury", "Treasury Department"] },
  { name: "Bureau of Labor Statistics", type: "organization", peripheral: true, aliases: ["BLS"] },
  // exchanges, data and news firms
  { name: "New York Stock Exchange", type: "organization", aliases: ["NYSE"], peripheral: true },
  { name: "Nasdaq", type: "organization", aliases: ["NASDAQ", "Nasdaq Stock Market"], peripheral: true },
  { name: "London Stock Exchange", type: "organization", aliases: ["LSE"], peripheral: true },
  { name: "LSEG", type: "organization", aliases: ["London Stock Exchange Group"], peripheral: true },
  { name: "Toronto Stock Exchange", type: "organization", aliases: ["TSX"], peripheral: true },
  { name: "National Stock Exchange", type: "organization", aliases: ["NSE"], peripheral: true },
  { name: "BSE", type: "organization", aliases: ["Bombay Stock Exchange"], peripheral: true },
  { name: "Hong Kong Stock Exchange", type: "organization", aliases: ["HKEX"], peripheral: true },
  { name: "Tokyo Stock Exchange", type: "organization", aliases: ["TSE"], peripheral: true },
  { name: "Deutsche Boerse", type: "organization", aliases: ["Deutsche Börse"], peripheral: true },
  { name: "Euronext", type: "organization", peripheral: true },
  { name: "CME Group", type: "organization", peripheral: true },
  { name: "Reuters", type: "organization", peripheral: true },
  { name: "Bloomberg", type: "organization", peripheral: true },
  { name: "Dow Jones", type: "organization", peripheral: true },
  { name: "FactSet", type: "organization", peripheral: true },
  { name: "Refinitiv", type: "organization", peripheral: true },
  { name: "Visible Alpha", type: "organization", peripheral: true },
  { name: "Zacks", type: "organization", aliases: ["Zacks Investment Research"], peripheral: true },
  { name: "Moody's", type: "organization", peripheral: true },
  { name: "S&P Global", type: "organization", aliases: ["Standard & Poor's", "S&P Global Ratings"], peripheral: true },
  { name: "Fitch", type: "organization", aliases: ["Fitch Ratings"], peripheral: true },
  { name: "Morningstar", type: "organization", peripheral: true },
  // banks and brokers
  { name: "Goldman Sachs", type: "organization", peripheral: true },
  { name: "Morgan Stanley", type: "organization", peripheral: true },
  { name: "JPMorgan Chase", type: "organization", aliases: ["JPMorgan", "JP Morgan", "J.P. Morgan"], peripheral: true },
  { name: "Bank of America", type: "organization", aliases: ["BofA"], peripheral: true },
  { name: "Citigroup", type: "organization", aliases: ["Citi"], peripheral: true },
  { name: "Wells Fargo", type: "organization", peripheral: true },
  { name: "Barclays", type: "organization", peripheral: true },
  { name: "HSBC", type: "organization", peripheral: true },
  { name: "UBS", type: "organization", peripheral: true },
  { name: "Deutsche Bank", type: "organization", peripheral: true },
  { name: "BNP Paribas", type: "organization", peripheral: true },
  { name: "Nomura", type: "organization", peripheral: true },
  { name: "Jefferies", type: "organization", peripheral: true },
  { name: "Motilal Oswal", type: "organization", peripheral: true },
  { name: "Kantar", type: "organization", peripheral: true },
  { name: "Freddie Mac", type: "organization" },
  { name: "Fannie Mae", type: "organization" },
  // large listed companies (short forms)
  { name: "Apple", type: "organization", aliases: ["AAPL"] }, { name: "Microsoft", type: "organization", aliases: ["MSFT"] }, { name: "Nvidia", type: "organization", aliases: ["NVIDIA", "NVDA"] },
  { name: "Alphabet", type: "organization", aliases: ["GOOGL", "GOOG"] }, { name: "Google", type: "organization" }, { name: "Amazon", type: "organization", aliases: ["Amazon.com", "AMZN"] },
  { name: "Meta", type: "organization", aliases: ["Meta Platforms", "META"] }, { name: "Tesla", type: "organization", aliases: ["TSLA"] }, { name: "Advanced Micro Devices", type: "organization", aliases: ["AMD"] },
  { name: "Intel", type: "organization", aliases: ["INTC"] }, { name: "IBM", type: "organization" }, { name: "Oracle", type: "organization", aliases: ["ORCL"] }, { name: "Boeing", type: "organization", aliases: ["BA"] },
  { name: "Airbus", type: "organization" }, { name: "General Motors", type: "organization", aliases: ["GM"] }, { name: "Ford", type: "organization", aliases: ["Ford Motor"] },
  { name: "Toyota", type: "organization", aliases: ["Toyota Motor"] }, { name: "BYD", type: "organization" }, { name: "Volkswagen", type: "organization", aliases: ["VW"] },
  { name: "Samsung", type: "organization", aliases: ["Samsung Electronics"] }, { name: "TSMC", type: "organization", aliases: ["Taiwan Semiconductor Manufacturing"] },
  { name: "Anthropic", type: "organization" }, { name: "OpenAI", type: "organization" }, { name: "Walmart", type: "organization", aliases: ["WMT"] }, { name: "Exxon Mobil", type: "organization", aliases: ["Exxon", "ExxonMobil"] },
  { name: "Chevron", type: "organization" }, { name: "Shell", type: "organization" }, { name: "BP", type: "organization" }, { name: "Saudi Aramco", type: "organization", aliases: ["Aramco"] },
  { name: "Berkshire Hathaway", type: "organization" }, { name: "Netflix", type: "organization", aliases: ["NFLX"] }, { name: "Salesforce", type: "organization" }, { name: "Dell Technologies", type: "organization" },
  { name: "Alibaba", type: "organization" }, { name: "Tencent", type: "organization" }, { name: "Sony", type: "organization" }, { name: "Siemens", type: "organization" },
  { name: "Nestle", type: "organization", aliases: ["Nestlé"] }, { name: "Unilever", type: "organization" }, { name: "Pfizer", type: "organization" }, { name: "Tesco", type: "organization" },
  // more large listed companies and well-known organisations (short forms)
  ...`Facebook|Twitter|Yahoo|Uber|Airbnb|Spotify|PayPal|eBay|Visa|Mastercard|American Express|Honda|Nissan|Hyundai|Kia|BMW|Daimler|Mercedes-Benz|Renault|Peugeot|Stellantis|Fiat Chrysler|Volvo|Porsche|Ferrari|Caterpillar|Deere|John Deere|AGCO|3M|General Electric|Honeywell|Lockheed Martin|Raytheon|Northrop Grumman|Qualcomm|Broadcom|Cisco|Adobe|SAP|Infosys|Wipro|Tata Motors|Tata Steel|Reliance Industries|Adani Ports|HDFC Bank|ICICI Bank|State Bank of India|Baidu|JD.com|Xiaomi|Huawei|Lenovo|SoftBank|Nintendo|Panasonic|Hitachi|Mitsubishi|Toshiba|Canon|Nokia|Ericsson|Philips|ASML|Shell|TotalEnergies|Eni|Equinor|Rio Tinto|BHP|Glencore|Anglo American|Vale|ArcelorMittal|Nestle|Danone|L'Oreal|LVMH|Kering|Hermes|Adidas|Nike|Puma|Coca-Cola|PepsiCo|McDonald's|Starbucks|Costco|Home Depot|Kroger|Sainsbury's|Morrisons|Marks & Spencer|Carrefour|Aldi|Lidl|Ikea|H&M|Inditex|Zara|AstraZeneca|GlaxoSmithKline|GSK|Novartis|Roche|Sanofi|Bayer|Merck|Johnson & Johnson|Eli Lilly|AbbVie|Moderna|Vodafone|Deutsche Telekom|Telefonica|AT&T|Verizon|T-Mobile|Comcast|Disney|Warner Bros|Paramount|Allianz|AXA|Prudential|Aviva|Zurich Insurance|Munich Re|Swiss Re|ING|Santander|BBVA|Commerzbank|Societe Generale|Credit Suisse|Credit Agricole|UniCredit|Intesa Sanpaolo|Lloyds|Lloyds Banking Group|NatWest|Standard Chartered|Bank of Ireland|Allied Irish Banks|AIB|KBC|Rabobank|ABN Amro|Nordea|Danske Bank|DBS|Mizuho|MUFG|Sumitomo Mitsui|BlackRock|Vanguard|Fidelity|Charles Schwab|State Street|Blackstone|KKR|Carlyle|Sequoia|Andreessen Horowitz|Tiger Global|Asian Development Bank|African Development Bank|European Investment Bank|DHL|FedEx|UPS|Maersk|Emirates|Lufthansa|Ryanair|EasyJet|United Airlines|American Airlines|Qantas|Business Wire|PR Newswire|Associated Press|AFP|The Economist|Economist|Financial Times|Wall Street Journal|WSJ|New York Times|CNBC|CNN|BBC|Motley Fool|Yahoo Finance|MarketWatch|Barron's|Forbes|Xinhua|Kyodo|CSIRO|NASA|World Health Organization|WTO|World Trade Organization|OECD|United Nations|NATO|G7|G20`
    .split("|")
    .map((name) => ({ name, type: "organization" as const })),
  // countries and regions
  ...[
    ["United States", ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"]], ["United Kingdom", ["U.K.", "UK", "Britain", "Great Britain"]],
    ["China", ["PRC", "mainland China"]], ["Japan"], ["Germany"], ["France"], ["India"], ["Italy"], ["Canada"], ["Brazil"], ["Russia"], ["South Korea", ["Korea"]],
    ["Australia"], ["Spain"], ["Mexico"], ["Indonesia"], ["Netherlands", ["Holland"]], ["Saudi Arabia"], ["Turkey"], ["Switzerland"], ["Taiwan"], ["Poland"],
    ["Sweden"], ["Belgium"], ["Argentina"], ["Norway"], ["Austria"], ["Ireland"], ["Israel"], ["United Arab Emirates", ["UAE", "U.A.E."]], ["Singapore"],
    ["Hong Kong"], ["Malaysia"], ["Thailand"], ["Vietnam"], ["Philippines"], ["South Africa"], ["Nigeria"], ["Egypt"], ["Denmark"], ["Finland"], ["Portugal"],
    ["Greece"], ["Chile"], ["Colombia"], ["Peru"], ["New Zealand"], ["Pakistan"], ["Bangladesh"], ["Iran"], ["Iraq"], ["Qatar"], ["Kuwait"], ["Ukraine"],
    ["Czech Republic"], ["Hungary"], ["Romania"], ["Venezuela"], ["Ecuador"], ["Kenya"], ["Morocco"], ["Luxembourg"], ["Europe"], ["Asia"], ["Africa"],
    ["Latin America"], ["North America"], ["Middle East"], ["Midlands"], ["Scandinavia"], ["Wall Street"], ["Silicon Valley"], ["Gulf"], ["Ivory Coast"], ["Ghana"],
    ["England"], ["Scotland"], ["Wales"], ["Bahia"], ["Maharashtra"], ["Bavaria"], ["Ontario"], ["Quebec"], ["Alberta"], ["British Columbia"],
  ].map(([name, aliases]) => ({ name: name as string, type: "place" as const, aliases: aliases as string[] | undefined })),
  // cities and US states
  ...`New York|London|Tokyo|Paris|Frankfurt|Berlin|Munich|Hamburg|Stuttgart|Zurich|Geneva|Amsterdam|Brussels|Madrid|Milan|Rome|Stockholm|Oslo|Copenhagen|Helsinki|Dublin|Vienna|Warsaw|Moscow|Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|Mumbai|New Delhi|Delhi|Bengaluru|Bangalore|Chennai|Hyderabad|Pune|Kolkata|Seoul|Sydney|Melbourne|Toronto|Vancouver|Montreal|Calgary|Chicago|San Francisco|Los Angeles|Boston|Seattle|Houston|Dallas|Austin|Atlanta|Miami|Denver|Detroit|Washington|Philadelphia|San Jose|Palo Alto|Mountain View|Cupertino|Redmond|Santa Clara|Menlo Park|Minneapolis|Pittsburgh|Cleveland|Charlotte|Nashville|Phoenix|San Diego|Portland|Dubai|Abu Dhabi|Riyadh|Doha|Tel Aviv|Istanbul|Johannesburg|Lagos|Nairobi|Cairo|Sao Paulo|São Paulo|Rio de Janeiro|Buenos Aires|Mexico City|Santiago|Lima|Bogota|Jakarta|Bangkok|Kuala Lumpur|Manila|Hanoi|Taipei|Osaka|Nagoya|Toyota City|Wolfsburg|Manchester|Birmingham|Edinburgh|Glasgow|Leeds|Bristol|Luxembourg|Lisbon|Athens|Prague|Budapest|Bucharest|Kyiv|Kiev|California|Texas|Florida|New Jersey|Illinois|Ohio|Michigan|Pennsylvania|Georgia|Massachusetts|Virginia|North Carolina|Arizona|Colorado|Minnesota|Wisconsin|Indiana|Tennessee|Missouri|Maryland|Connecticut|Oregon|Nevada|Utah|Iowa|Kansas|Kentucky|Louisiana|Oklahoma|Alabama|Delaware|Hawaii|Alaska`
    .split("|")
    .map((name) => ({ name, type: "place" as const })),
  // instruments: indexes, benchmarks, securities
  ...[
    ["S&P 500", ["S&P 500 index", "Standard & Poor's 500", "S&P"]], ["Dow Jones Industrial Average", ["Dow", "Dow Jones industrials", "Dow Jones Industrials"]],
    ["Nasdaq Composite", ["Nasdaq Composite Index", "Nasdaq composite"]], ["Nasdaq 100", ["Nasdaq-100"]], ["Russell 2000", ["Russell 2000 index"]],
    ["FTSE 100", ["FTSE"]], ["FTSE 250"], ["DAX"], ["CAC 40"], ["Stoxx 600", ["STOXX 600", "Stoxx Europe 600", "STOXX Europe 600"]], ["Euro Stoxx 50"],
    ["Nikkei 225", ["Nikkei", "Nikkei average"]], ["Topix", ["TOPIX"]], ["Hang Seng", ["Hang Seng index", "Hang Seng Index"]], ["Shanghai Composite", ["Shanghai Composite index"]],
    ["Sensex", ["BSE Sensex", "S&P BSE Sensex"]], ["Nifty 50", ["Nifty", "NSE Nifty 50"]], ["Kospi", ["KOSPI"]], ["S&P/TSX composite index", ["S&P/TSX"]],
    ["PHLX Semiconductor Index", ["Philadelphia Semiconductor Index", "SOX"]], ["VIX", ["Cboe Volatility Index"]],
    ["Brent crude", ["Brent", "Brent crude oil", "Brent crude futures"]], ["West Texas Intermediate", ["WTI", "U.S. crude", "WTI crude"]],
    ["Gold", ["gold", "spot gold", "gold futures"]], ["Silver", ["silver", "spot silver"]], ["Copper", ["copper"]], ["Bitcoin", ["bitcoin"]],
    ["10-year Treasury note", ["10-year Treasury", "10-year Treasury yield", "benchmark 10-year Treasury", "10-year note", "ten-year Treasury"]],
    ["two-year Treasury note", ["two-year Treasury", "2-year Treasury", "two-year Treasury yield", "two-year note"]],
    ["30-year Treasury bond", ["30-year Treasury", "30-year bond"]], ["dollar index", ["U.S. dollar index", "DXY"]],
  ].map(([name, aliases]) => ({ name: name as string, type: "instrument" as const, aliases: aliases as string[] | undefined })),
];

/**
 * Capitalised words that are not names on their own: sentence starters, months, days,
 * titles, report words. A phrase made only of these is dropped; at a phrase's edge they
 * are trimmed.
 */
export const NOT_NAME_WORDS = new Set(`The A An And Or But If In On At Of For To From By With Without As Is It Its It's This That These Those There Their They We Our Us He She His Her I You Your Not No Yes All Any Some Each Every Both Many Much More Most Other Such Than Then When Where While Why How What Which Who Whom Whose After Before During Since Until Under Over Above Below About Around Against Between Into Through Across Per Via Also Still Even Just Only Meanwhile However Overall Separately Analysts Investors Shares Stock Stocks Revenue Revenues Sales Profit Profits Earnings Net Income Operating Gross Adjusted Total Full Year Quarter Half First Second Third Fourth Fiscal Annual Quarterly Results Highlights Outlook Guidance Dividend Dividends Chief Executive Officer Financial President Chairman CEO CFO COO Director Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Q1 Q2 Q3 Q4 H1 H2 FY AI EV EVs CPI GDP EPS EBITDA IPO Inc Corp Ltd Group Company News Update Report Reports Says Said Say Sees See Posts Post Rises Rise Rose Falls Fall Fell Jumps Jump Surges Surge Beats Beat Misses Miss Cuts Cut Raises Raise Hikes Hike Plans Plan Deal Deals Buy Buys Sell Sells Record New Top Big Bigger Higher Lower Up Down Strong Weak Amid Despite Ahead Behind Like Unlike Following Including Excluding According Based Last Next Previous Prior Current Early Late Mid Today Yesterday Tomorrow Tonight Here Now Then Once Twice Why Well Further Thus Therefore Although Though Because So Yet Nor Because Shr Shrs Revs Qtr Mths Avg Oper Vs Cts Mln Note Notes Reuters Total Billion Million Thousand Percent Per Cent Chairman Rate Rates Inflation Prices Price Consumer Consumers Economists Economist Traders Officials Spokesman Spokeswoman Market Markets Government Central Federal National State Senior Vice Managing General Global World International Business Industry Sector Energy Technology Health Health Care Bank Banks GAAP Non-GAAP IFRS British American Chinese Japanese German French Indian European Canadian Australian Swiss Italian Spanish Dutch Korean Russian Brazilian Mexican Asian African Western Eastern Northern Southern Time Contact Statements Call Conference Forward-Looking Safe Harbor About Media Investor Investors Press Release Source Recurring Irish Greek Scottish Welsh Swedish Norwegian Danish Finnish Polish Turkish Israeli Saudi Emirati Nigerian Kenyan Ghanaian Egyptian Pakistani Thai Vietnamese Indonesian Malaysian Filipino ETF ETFs ADR ADRs Prof Clearing Load Play PCs OS iOS AM PM BST GMT IST CET CEST EST EDT PST PDT UTC Rights Reserved Terms Quotes Sponsored Links Related Article Info Series Round Retailer Chipmaker Automaker Carmaker Lender Insurer Brokerage Startup Rival Miner Conglomerate Drugmaker Airline Planemaker Homebuilder Utility Regulator Peer Competitor Parent Unit Subsidiary Supplier Maker Owner Operator Developer Investor Shareholders Premier Assistant Minister Secretary Senator Governor Mayor Judge Professor Coach Prince Princess King Queen Image Photo Getty Images Source EBIT EBITDA EUR USD GBP JPY CNY INR CHF CAD AUD HKD SEK NOK DKK RMB ROE ROI ESG CEO CFO GPU GPUs CPU CPUs CapEx Capex Exchange Street Avenue Road Index Sector`.split(/\s+/));

/** Lower-case connectors allowed inside a name ("Bank of Canada", "Tanner & Cole"). */
export const NAME_CONNECTORS = new Set(["of", "&", "and", "de", "du", "der", "van", "von", "la", "le", "del", "da", "di", "für", "y", "-", "for"]);
