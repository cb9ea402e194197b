/** What we send as User-Agent unless NEWSFIGURES_USER_AGENT says otherwise; config reads it without loading the fetcher. */
export const DEFAULT_USER_AGENT = "newsfigures/0.1 (+https://github.com/newsfigures/newsfigures)";
