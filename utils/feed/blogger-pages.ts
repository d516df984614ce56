// Blogger pages its feeds: `start-index` (from 1) and `max-results`, a label's own feed at
// `/feeds/posts/default/-/LABEL`, and `q` for a search of the whole blog. Pure: the worker asks.

/** Blogger answers up to 500 a page; a page of 100 stays a modest request (and parse). */
export const PAGE_SIZE = 100;

export interface PageRequest {
  /** 1-based position of the first post wanted. */
  start: number;
  max: number;
  /** A label's own feed instead of all posts. */
  label?: string | null;
  /** Words to search the whole blog for (Blogger matches them one by one). */
  query?: string | null;
}

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
    if (!path) return null;
    url.pathname = `${path[1]}/-/${encodeURIComponent(request.label)}`;
  }
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
