/**
 * The data the page parser decides by: tag sets, class/id patterns of boilerplate and of
 * content, schema.org article types, boilerplate phrases. Kept apart from the algorithm so
 * a reader can scan and extend them.
 */

/** schema.org types whose JSON-LD node describes the article itself. */
export const ARTICLE_TYPES = new Set([
  "NewsArticle",
  "Article",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "BackgroundNewsArticle",
  "ReviewNewsArticle",
  "BlogPosting",
  "LiveBlogPosting",
  "TechArticle",
  "Report",
  "ScholarlyArticle",
  "SocialMediaPosting",
]);

/** Separators between a headline and the site name in `<title>`. */
export const TITLE_SEPARATORS = [" | ", " – ", " — ", " - ", " :: ", " · ", " / "];

/** Never article text: removed with everything inside. */
export const DROP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "svg",
  "canvas",
  "object",
  "embed",
  "video",
  "audio",
  "map",
  "button",
  "select",
  "input",
  "textarea",
  "label",
  "nav",
  "aside",
  "footer",
  "figcaption",
  "figure",
  "picture",
  "img",
  "link",
  "meta",
  "head",
  "title",
  "dialog",
  "menu",
]);

/** Elements that start a new block of text. */
export const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

/** Tags whose text counts as a paragraph for scoring. */
export const PARAGRAPH_TAGS = new Set(["p", "pre", "td", "blockquote"]);

export const HEADING_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/**
 * Words (parts of class names and ids split at "-", "_" and camelCase) that name
 * boilerplate containers: navigation, ads, related stories, comments, newsletter and
 * consent boxes, share bars, pull quotes, captions, bylines. Two-word names are listed
 * joined ("mostread" for "most-read").
 */
export const BOILERPLATE_WORDS = new Set([
  "ad",
  "ads",
  "adv",
  "advert",
  "adverts",
  "advertisement",
  "adslot",
  "adunit",
  "banner",
  "breadcrumb",
  "breadcrumbs",
  "byline",
  "bylines",
  "caption",
  "captions",
  "comment",
  "comments",
  "commentlist",
  "community",
  "consent",
  "cookie",
  "cookies",
  "credit",
  "credits",
  "disqus",
  "dropdown",
  "gdpr",
  "footer",
  "masthead",
  "menu",
  "modal",
  "mostread",
  "mostpopular",
  "popular",
  "navbar",
  "nav",
  "navigation",
  "newsletter",
  "newsletters",
  "outbrain",
  "overlay",
  "pagination",
  "pager",
  "popup",
  "promo",
  "promos",
  "pullquote",
  "readmore",
  "recommended",
  "recommendations",
  "recirc",
  "recirculation",
  "related",
  "remark",
  "replies",
  "rss",
  "share",
  "sharing",
  "sharebar",
  "shoutbox",
  "sidebar",
  "skyscraper",
  "social",
  "sponsor",
  "sponsored",
  "subscribe",
  "subscription",
  "supplemental",
  "taboola",
  "tags",
  "toolbar",
  "tools",
  "trending",
  "widget",
  "widgets",
  "signup",
  "authorbio",
  "bio",
  "topics",
  "morestories",
  "alsoread",
  "seealso",
  "mpu",
  "teaser",
  "teasers",
  "hidden",
  "sronly",
  "visuallyhidden",
  "printonly",
  "timestamp",
  "dateline",
  "kicker",
  "disclaimer",
  "header",
  "meta",
  "metadata",
  "author",
  "newsletterbox",
]);

/** Words that name the content container; they win over the words above in the same class. */
export const CONTENT_WORDS = new Set([
  "article",
  "articlebody",
  "content",
  "entry",
  "main",
  "post",
  "story",
  "storybody",
  "text",
  "prose",
  "richtext",
  "body",
  "paragraph",
  "paragraphs",
  "postcontent",
  "entrycontent",
  "articlecontent",
]);

/** Stronger hints used in scoring (readability's notion of class weight). */
export const POSITIVE_WEIGHT =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
export const NEGATIVE_WEIGHT =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|newsletter|subscribe|consent|cookie|caption|byline/i;

/** Whole paragraphs that are page furniture, not article text. */
export const BOILERPLATE_TEXT =
  /^(also on [\w.-]+ [^\n]{0,200}|like this (story|article)\?[^\n]{0,80}|(posted|updated|published|last updated):? [^\n]{0,60}|advertisement|advert|anzeige|publicité|sponsored|sponsored links|tags:?|don'?t miss|(read|see|watch) (more|also|next):[^\n]{0,160}|story continues below( advertisement)?|continue reading( below)?|read more|related( stories| articles| coverage)?|share( this( article| story)?)?|sign up( for [^.]{0,60})?|subscribe( now)?|follow us( on [^.]{0,40})?|click here[^.]{0,60}|image:?[^.]{0,80}|photo:?[^.]{0,80}|getty images|reuters|ap photo|skip to (main )?content|we and our \d+ partners[\s\S]*|accept( all)?( cookies)?)\.?$/i;

/**
 * A short line that opens the page furniture after a story ("You may also like",
 * "Related stories", "Leave a reply"): nothing after it in the same container is story.
 */
export const END_MARKERS =
  /^(you (may|might) (also )?(like|enjoy)|related( stories| articles| posts| coverage| content| news| links)?|more (great )?[\p{L}\s]{0,20} stories|recommended( for you| stories)?|most (read|popular|viewed)|more from [\p{L}\s]{1,30}|more in [\p{L}\s]{1,30}|also read|read next|trending( now| stories)?|latest (news|stories)|comments?( \(\d+\))?|\d+ comments?|leave a (comment|reply)|post a comment|join the (conversation|discussion)|sponsored (links|content|stories)|around the web)[.:…!]*$/iu;
