/**
 * Period patterns: phrases that name when a figure applies. Ordered from specific to
 * general; each is a regular-expression source matched case-insensitively. The parser
 * in attribution/period.ts fills fiscal, year, quarter, start, end and ytd from the
 * matched words.
 */
const MONTH =
  "(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|jul(?:y|\\.)?|aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)";
const DAY_DATE = `(?:${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?|${MONTH}(?:\\s+\\d{4})?)`;
const ORD = "(?:first|second|third|fourth|1st|2nd|3rd|4th)";
const YEAR = "(?:19|20)\\d{2}";
const NUMW = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})";
const REL =
  "(?:this|last|next|the (?:previous|prior|same|current|coming|new|past|latest|year-earlier|year-ago)|a year earlier|prior|previous|current|coming|year-earlier|year-ago)";

export const PERIOD_PATTERNS: string[] = [
  // "three months ended Oct. 31", "six months to June", "52 weeks to 1 March", "nine mths"
  `${NUMW}[- ](?:months?|mths|weeks?|wks)\\s+(?:ended|ending|to|through|thru)\\s+${DAY_DATE}`,
  // "quarter ended May 1", "fiscal year ending March 2027", "year ended December 31, 2020"
  `(?:(?:fiscal|financial)\\s+)?(?:${ORD}[- ])?(?:quarter|year|half|period|qtr)\\s+(?:ended|ending|to|through)\\s+${DAY_DATE}`,
  // "first nine months of the year", "first three months of 2026"
  `(?:the\\s+)?(?:first|last|past|next|coming|final)\\s+${NUMW}\\s+(?:months|weeks|years|quarters|sessions|days)(?:\\s+of\\s+(?:the\\s+year|${YEAR}|this\\s+year|last\\s+year))?`,
  // "July-September quarter", "April-September half", "July-September period"
  `${MONTH}\\s*[-–]\\s*${MONTH}\\s+(?:quarter|half|period|months)`,
  // "fiscal first quarter", "second-quarter", "third quarter of 2025", "4th qtr", "fourth-quarter"
  `(?:(?:fiscal|financial)\\s+)?(?:${YEAR}\\s+)?${ORD}[- ](?:fiscal[- ])?(?:quarter|qtr|half)(?:\\s+of\\s+(?:fiscal\\s+)?(?:${YEAR}|the\\s+year|this\\s+year|last\\s+year))?(?:\\s+(?:fiscal\\s+)?${YEAR})?`,
  // "Q2", "Q3 2026", "2Q26", "H1", "1H", "9M", "FY2026", "FY26", "FY 2026"
  `(?:q[1-4]|[1-4]q|h[12]|[12]h|9m|9 ?mths|fy\\s?${YEAR}|fy\\s?\\d{2})(?:\\s*(?:fy)?\\s*(?:${YEAR}|\\d{2}))?`,
  // "full-year", "full year 2026", "fiscal 2027", "fiscal year 2026", "financial year"
  `(?:(?:this|last|next|the|its|the new|new|current|previous|prior)\\s+)?(?:full[- ]year|fiscal[- ]year|financial[- ]year|calendar[- ]year)(?:\\s+(?:${YEAR}|\\d{4}-\\d{2}))?`,
  `fiscal\\s+(?:${YEAR}|\\d{4}-\\d{2})`,
  // "first half", "first-half", "second half of 2026"
  `(?:first|second|1st|2nd)[- ]half(?:\\s+of\\s+(?:${YEAR}|the\\s+year|this\\s+year|next\\s+year|last\\s+year))?`,
  // "year to date", "year-to-date", "so far this year", "ytd"
  "year[- ]to[- ]date|so far (?:this|in the) year|ytd|since the start of the year|this year so far",
  // "through 2029", "by 2030", "by fiscal 2028", "through fiscal 2030", "from 2028", "in 2021", "since 2022"
  `(?:through|thru|by|until|till|from|in|since|for|during|before|after|over)\\s+(?:the\\s+end\\s+of\\s+)?(?:fiscal\\s+)?(?:${YEAR}|next year|this year|last year)`,
  "since it was founded in (?:19|20)\\d{2}",
  // "as of June 30, 2026", "at the end of June", "end of September", "at Sept. 30"
  `(?:as of|as at|at the end of|end of|at end-|end-)\\s*(?:the\\s+)?(?:${DAY_DATE}|(?:fiscal\\s+)?${YEAR}|the\\s+(?:quarter|year|period|month))`,
  `(?:as of|as at|at)\\s+${MONTH}\\.?\\s+\\d{1,2}(?:,\\s*${YEAR})?`,
  // "start of 2025", "beginning of the year"
  `(?:start|beginning|end)\\s+of\\s+(?:${YEAR}|the\\s+year|next\\s+year|this\\s+year)`,
  // "same quarter last year", "a year earlier", "a year ago", "prior-year period", "previous quarter"
  `(?:the\\s+)?(?:same|year-earlier|year-ago|prior-year|prior year|previous|prior|preceding|comparable)\\s+(?:quarter|period|year|half|month)(?:\\s+(?:last|a)\\s+year)?`,
  "a year (?:earlier|ago|before)|last year's|the year before|a quarter earlier|a month earlier",
  // "this year", "last year", "next year", "coming year", "new financial year", "past 12 months", "last fiscal year"
  `${REL}\\s+(?:fiscal\\s+|financial\\s+)?(?:year|quarter|half|month|week)`,
  `(?:the\\s+)?(?:past|last|next|coming|previous|over the)\\s+${NUMW}\\s+(?:months|years|quarters|weeks|sessions|days)`,
  "over the year|in the year|for the year|annual|yearly|a week ago|this month|last month|this week|last week",
  // "the quarter", "the period", "the half", "in the year"
  "(?:the|this|its|in the|for the|during the)\\s+(?:quarter|half|period|qtr)",
  // "in July", "June 2022", "for May"
  `(?:in|for|during|since|of)\\s+${MONTH}(?:\\s+${YEAR})?(?![\\w.])`,
  `${MONTH}\\s+${YEAR}`,
  // wire block labels: "Year", "Nine mths", "Qtr", "4th qtr"
  "nine mths|six mths|three mths|qtr|nine months|six months|three months|twelve months|12 months",
  `(?:in|for|during)\\s+${YEAR}`,
];
