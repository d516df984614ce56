// Blogger pages its feeds: `start-index` (from 1) and `max-results`, a label's own feed at
// `/feeds/posts/default/-/LABEL`, and `q` for a search of the whole blog. Pure: the worker asks.

/** Blogger answers up to 500 a page; a page of 100 stays a modest request (and parse). */
export const PAGE_SIZE = 100;
/** Search answers a page: what a reader looks through before refining the words. */
export const SEARCH_PAGE_SIZE = 25;

export interface PageRequest {
  /** 1-based position of the first post wanted. */
  start: number;
  max: number;
  /** A label's own feed instead of all posts. */
  label?: string | null;
  /** Words to search the whole blog for (Blogger matches them one by one). */
  query?: string | null;
}

/** A label the URL parser would read as a path step rather than a name. */
const DOT_SEGMENT = /^\.{1,2}$/;

/** The Blogger feed path (`/feeds/posts/default`, `/summary`), or null for a feed that is not Blogger's. */
const BLOGGER_FEED = /^(\/feeds\/posts\/(?:default|summary))\/?$/;

/**
 * The address of one page of the feed at `feedUrl`, or null when it cannot be paged that way: a
 * label page needs a Blogger feed path to hang the label on. The feed's own query (`alt=rss`) stays.
 */
export function pageUrl(feedUrl: string, request: PageRequest): string | null {
  const url = new URL(feedUrl);
  if (request.label) {
    const path = BLOGGER_FEED.exec(url.pathname);
    // `.` and `..` are path steps to the URL parser: `/-/..` is the all-posts feed itself.
    if (!path || DOT_SEGMENT.test(request.label)) return null;
    url.pathname = `${path[1]}/-/${encodeURIComponent(request.label)}`;
  }
  // Newest published first, as the lists sort: Blogger may otherwise order by last update.
  url.searchParams.set('orderby', 'published');
  url.searchParams.set('start-index', String(Math.max(1, Math.floor(request.start))));
  url.searchParams.set('max-results', String(Math.max(1, Math.floor(request.max))));
  if (request.query) url.searchParams.set('q', request.query);
  else url.searchParams.delete('q');
  return url.toString();
}

/** True when pages of a label's own feed can be asked for (a Blogger feed address). */
export function canPageLabels(feedUrl: string): boolean {
  try {
    return BLOGGER_FEED.test(new URL(feedUrl).pathname);
  } catch {
    return false;
  }
}

/**
 * How many posts the whole feed holds (`openSearch:totalResults`, Atom and RSS alike), or null when
 * the document does not say. Read from the feed's head only: an entry cannot fake it.
 */
export function totalResults(xml: string): number | null {
  const entry = xml.search(/<(?:entry|item)[\s>]/);
  const head = entry === -1 ? xml : xml.slice(0, entry);
  const match = /<openSearch:totalResults>\s*(\d{1,9})\s*<\/openSearch:totalResults>/.exec(head);
  return match ? Number(match[1]) : null;
}

/** What firstStart needs of a stored story. */
interface Known {
  published: string;
  labels: readonly string[];
  archived?: true;
  saved?: string;
}

/**
 * Where the first page of an archive (all posts, or `label`'s) starts: after the stories already
 * stored in an unbroken run from the newest post. That run reaches back to the oldest story the
 * feed itself brought (not a saved one kept past retention), or, once the reader has paged all
 * posts, to the oldest post of those pages (`pagedTo`; '' when they reached the blog's first).
 * Stories from a label's pages or a search lie scattered behind it and do not count.
 */
export function firstStart(stories: readonly Known[], label: string | null, pagedTo?: string): number {
  let from = pagedTo;
  if (from === undefined) {
    for (const story of stories)
      if (!story.archived && !story.saved && (!from || story.published < from)) from = story.published;
  }
  if (from === undefined) return 1;
  let count = 0;
  for (const story of stories) if (story.published >= from && (label === null || story.labels.includes(label))) count++;
  return count + 1;
}
