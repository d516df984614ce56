import { FETCH_TIMEOUT_MS, MAX_BODY_BYTES, MAX_FEED_BYTES, MAX_STORED_BODIES } from '@/utils/config';
import { firstStart, PAGE_SIZE, pageUrl, SEARCH_PAGE_SIZE, totalResults } from '@/utils/feed/blogger-pages';
import { fetchFeed } from '@/utils/feed/fetch-feed';
import { mergeItems, type MergeResult } from '@/utils/feed/merge-items';
import { FeedParseError, parseFeed } from '@/utils/feed/parse-feed';
import { htmlToText } from '@/utils/feed/html-text';
import type { FeedItem, ParsedFeed, PollError } from '@/utils/feed/types';
import type { OlderReply, SearchReply } from '@/utils/platform/messages';
import type { Settings } from '@/utils/settings/settings-defaults';
import { searchSnippet } from '@/utils/stories/search-snippet';
import {
  archivePagesItem,
  pollStatusItem,
  type ArchiveCursor,
  settingsItem,
  storiesItem,
  type PollStatus,
} from '@/utils/storage';
import type { StorageItemKey } from 'wxt/utils/storage';
import { defaultPollDeps, noteServerPause, type PollDeps } from './poll';
import { serialize } from './write-queue';
import { storeMerged, withBodyBudget } from './store-merged';

// Pages of the blog's archive, asked for only by the reader (Older stories, a whole-blog search),
// never by the alarm: one request at a time, never inside a backoff or the server's Retry-After.
// What they bring is stored as already known: read, archived, never notified.

type ArchiveDeps = Pick<PollDeps, 'fetch' | 'now' | 'online'>;

/** The longest whole-blog search asked for. */
export const MAX_QUERY_CHARS = 200;

let queue: Promise<unknown> = Promise.resolve();

/** Runs archive requests one after another: a second press waits for the first page to land. */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

/** The next page of the archive, all posts or one label's, after what is stored. */
export function loadOlderStories(label: string | null, deps: ArchiveDeps = defaultPollDeps()): Promise<OlderReply> {
  return oneAtATime(async () => {
    const [settings, paging, stored] = await Promise.all([
      settingsItem.getValue(),
      archivePagesItem.getValue(),
      storiesItem.getValue(),
    ]);
    const key = label === null ? '' : `label:${label}`;
    const pages = paging.feed === settings.feedUrl ? paging.pages : {};
    const cursor = Object.hasOwn(pages, key) ? pages[key] : undefined;
    if (cursor?.done) return { added: 0, done: true, error: null };
    const all = Object.hasOwn(pages, '') ? pages[''] : undefined;
    const start = cursor?.next ?? firstStart(stored, label, all && (all.done ? '' : all.oldest));
    const url = pageUrl(settings.feedUrl, { start, max: PAGE_SIZE, label });
    if (!url) return { added: 0, done: true, error: null };

    const page = await fetchPage(url, settings.feedUrl, PAGE_SIZE, deps);
    if (!page.ok) return { added: 0, done: false, error: page.error, ...page.wait };
    const entries = page.feed.items.length + page.feed.skipped;
    const next = start + entries;
    let done = false;
    const merged = await storePage(page.feed, settings, deps, (result, current) => {
      // The end: an empty page, past the total, or (a feed that does not say its total, and so
      // may not page at all) a page with nothing new.
      done = entries === 0 || (page.total === null ? result.added.length === 0 : next > page.total);
      const kept = current.feed === settings.feedUrl ? current.pages : {};
      const moved: ArchiveCursor = { next, total: page.total, done };
      // All posts' pages: every post since the oldest of this page is stored now.
      if (label === null) moved.oldest = oldestOf(page.feed.items);
      return [{ key: archivePagesItem.key, value: { feed: settings.feedUrl, pages: { ...kept, [key]: moved } } }];
    });
    if (!merged.ok) return { added: 0, done: false, error: merged.error };
    return { added: merged.result.added.length, done, error: null };
  });
}

/**
 * One page of the blog's own search (`q`; Blogger matches the words one by one, not as a phrase),
 * from `start`. Its stories are stored like archive stories, so they open like any story; the reply
 * lists them in the blog's order.
 */
export function searchBlog(query: string, start: number, deps: ArchiveDeps = defaultPollDeps()): Promise<SearchReply> {
  return oneAtATime(async () => {
    const words = query.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY_CHARS);
    if (!words) return { ids: [], total: 0, next: null, error: null };
    const settings = await settingsItem.getValue();
    const from = Math.max(1, Math.floor(start) || 1);
    const url = pageUrl(settings.feedUrl, { start: from, max: SEARCH_PAGE_SIZE, query: words })!;
    const page = await fetchPage(url, settings.feedUrl, SEARCH_PAGE_SIZE, deps);
    if (!page.ok) return { ids: [], total: null, next: null, error: page.error, ...page.wait };
    const entries = page.feed.items.length + page.feed.skipped;
    const stored = await storePage(page.feed, settings, deps);
    if (!stored.ok) return { ids: [], total: null, next: null, error: stored.error };
    const more = entries > 0 && page.total !== null && from + entries <= page.total;
    return {
      ids: page.feed.items.map((item) => item.id),
      total: page.total,
      next: more ? from + entries : null,
      error: null,
      snippets: snippetsOf(page.feed.items, words),
    };
  });
}

/** For each find whose headline does not say why it matched, the stretch of its text that does. */
function snippetsOf(items: readonly FeedItem[], query: string): Record<string, string> {
  const snippets: Record<string, string> = {};
  for (const item of items) {
    const snippet = searchSnippet(htmlToText(item.contentHtml), item.headline, query);
    if (snippet) snippets[item.id] = snippet;
  }
  return snippets;
}

type Page =
  | { ok: true; feed: ParsedFeed; total: number | null }
  | { ok: false; error: PollError | null; wait?: { waitUntil: string } };

/** Asks for one page, within the site's rest; a Retry-After it answers with holds every later request. */
async function fetchPage(url: string, feedUrl: string, maxItems: number, deps: ArchiveDeps): Promise<Page> {
  const waitUntil = pauseUntil(await pollStatusItem.getValue(), deps.now());
  if (waitUntil) return { ok: false, error: null, wait: { waitUntil } };
  if (!deps.online()) return failed({ kind: 'offline', message: 'You are offline.' });
  const response = await fetchFeed(url, {
    fetch: deps.fetch,
    timeoutMs: FETCH_TIMEOUT_MS,
    maxBytes: MAX_FEED_BYTES,
    now: deps.now(),
  });
  if (response.kind === 'error') {
    if (response.retryAfterMs) await noteServerPause(new Date(deps.now() + response.retryAfterMs).toISOString());
    return failed(response.error);
  }
  // Asked unconditionally, a 304 is a confused cache: an empty page, nothing to add.
  if (response.kind === 'not-modified') return failed({ kind: 'http', status: 304, message: 'Answered 304.' });
  try {
    const feed = await parseFeed(response.text, feedUrl, { maxItems, now: deps.now() });
    return { ok: true, feed, total: totalResults(response.text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { reason, detail } =
      error instanceof FeedParseError ? error : { reason: 'malformed' as const, detail: message };
    return failed({ kind: 'not-a-feed', message, reason, ...(detail ? { detail } : {}) });
  }
}

type Extra = { key: StorageItemKey; value: unknown }[];

/** Stores a page's stories as archive stories, with `extra` entries written in the same set. */
async function storePage(
  feed: ParsedFeed,
  settings: Settings,
  deps: ArchiveDeps,
  extra?: (merged: MergeResult, paging: Awaited<ReturnType<typeof archivePagesItem.getValue>>) => Extra,
): Promise<{ ok: true; result: MergeResult } | { ok: false; error: PollError }> {
  const now = new Date(deps.now()).toISOString();
  try {
    const result = await serialize(async () => {
      const [stories, paging] = await Promise.all([storiesItem.getValue(), archivePagesItem.getValue()]);
      return withBodyBudget(stories, async (bodyBudgetBytes) => {
        const merged = mergeItems(stories, feed.items, {
          now,
          retention: settings.retention,
          maxBodyBytes: MAX_BODY_BYTES,
          bodyBudgetBytes,
          maxBodies: MAX_STORED_BODIES,
          fromArchive: true,
        });
        await storeMerged(merged, extra?.(merged, paging));
        return merged;
      });
    });
    return { ok: true, result };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed({ kind: 'storage', detail: reason, message: `Stories could not be saved: ${reason}` });
  }
}

/** The later of the backoff and the server's own Retry-After, while either is still ahead. */
export function pauseUntil(status: PollStatus, now: number): string | undefined {
  const times = [status.retryAt, status.serverRetryAt].filter(
    (time): time is string => !!time && Date.parse(time) > now,
  );
  return times.sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
}

function oldestOf(items: readonly { published: string }[]): string | undefined {
  let oldest: string | undefined;
  for (const item of items) if (!oldest || Date.parse(item.published) < Date.parse(oldest)) oldest = item.published;
  return oldest;
}

function failed(error: PollError): { ok: false; error: PollError } {
  console.warn(`Smileband News: archive page failed (${error.kind}): ${error.message}`);
  return { ok: false, error };
}
