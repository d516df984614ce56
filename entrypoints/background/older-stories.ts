import { FETCH_TIMEOUT_MS, MAX_BODY_BYTES, MAX_FEED_BYTES, MAX_STORED_BODIES } from '@/utils/config';
import { firstStart, PAGE_SIZE, pageUrl, totalResults } from '@/utils/feed/blogger-pages';
import { fetchFeed } from '@/utils/feed/fetch-feed';
import { mergeItems } from '@/utils/feed/merge-items';
import { FeedParseError, parseFeed } from '@/utils/feed/parse-feed';
import type { PollError } from '@/utils/feed/types';
import type { OlderReply } from '@/utils/messages';
import {
  archivePagesItem,
  pollStatusItem,
  type ArchiveCursor,
  settingsItem,
  storiesItem,
  type PollStatus,
} from '@/utils/storage';
import { defaultPollDeps, noteServerPause, type PollDeps } from './poll';
import { serialize } from './serialize';
import { storeMerged, withBodyBudget } from './store-merged';

type ArchiveDeps = Pick<PollDeps, 'fetch' | 'now' | 'online'>;

let inFlight: Promise<OlderReply> | null = null;

/**
 * Fetches the next page of the blog's archive (all posts, or one label's) on the reader's request
 * and stores its stories as already known: read, archived, never notified. One request at a time,
 * never inside a backoff or the server's Retry-After.
 */
export function loadOlderStories(label: string | null, deps: ArchiveDeps = defaultPollDeps()): Promise<OlderReply> {
  inFlight ??= olderPage(label, deps).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function olderPage(label: string | null, deps: ArchiveDeps): Promise<OlderReply> {
  const [settings, status, paging, stored] = await Promise.all([
    settingsItem.getValue(),
    pollStatusItem.getValue(),
    archivePagesItem.getValue(),
    storiesItem.getValue(),
  ]);
  const waitUntil = pauseUntil(status, deps.now());
  if (waitUntil) return { added: 0, done: false, error: null, waitUntil };
  if (!deps.online()) return failed({ kind: 'offline', message: 'You are offline.' });

  const key = label === null ? '' : `label:${label}`;
  const pages = paging.feed === settings.feedUrl ? paging.pages : {};
  const cursor = Object.hasOwn(pages, key) ? pages[key] : undefined;
  if (cursor?.done) return { added: 0, done: true, error: null };
  const all = Object.hasOwn(pages, '') ? pages[''] : undefined;
  const start = cursor?.next ?? firstStart(stored, label, all && (all.done ? '' : all.oldest));
  const url = pageUrl(settings.feedUrl, { start, max: PAGE_SIZE, label });
  if (!url) return { added: 0, done: true, error: null };

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
  // Asked unconditionally, a 304 is a confused cache: nothing to add, try again later.
  if (response.kind === 'not-modified') return { added: 0, done: false, error: null };
  let feed;
  try {
    feed = await parseFeed(response.text, settings.feedUrl, { maxItems: PAGE_SIZE, now: deps.now() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { reason, detail } =
      error instanceof FeedParseError ? error : { reason: 'malformed' as const, detail: message };
    return failed({ kind: 'not-a-feed', message, reason, ...(detail ? { detail } : {}) });
  }
  const entries = feed.items.length + feed.skipped;
  const total = totalResults(response.text);
  const next = start + entries;
  const at = new Date(deps.now()).toISOString();
  let done = false;

  try {
    return await serialize(async () => {
      const [stories, current] = await Promise.all([storiesItem.getValue(), archivePagesItem.getValue()]);
      const merged = await withBodyBudget(stories, async (bodyBudgetBytes) => {
        const result = mergeItems(stories, feed.items, {
          now: at,
          retention: settings.retention,
          maxBodyBytes: MAX_BODY_BYTES,
          bodyBudgetBytes,
          maxBodies: MAX_STORED_BODIES,
          fromArchive: true,
        });
        // The end: an empty page, past the total, or (a feed that does not say its total, and so
        // may not page at all) a page with nothing new.
        done = entries === 0 || (total === null ? result.added.length === 0 : next > total);
        const kept = current.feed === settings.feedUrl ? current.pages : {};
        const cursor: ArchiveCursor = { next, total, done };
        // All posts' pages: every post since the oldest of this page is stored now.
        if (label === null) cursor.oldest = oldestOf(feed.items) ?? (kept[''] ?? {}).oldest;
        await storeMerged(result, [
          { key: archivePagesItem.key, value: { feed: settings.feedUrl, pages: { ...kept, [key]: cursor } } },
        ]);
        return result;
      });
      return { added: merged.added.length, done, error: null };
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed({ kind: 'storage', detail: reason, message: `Older stories could not be saved: ${reason}` });
  }
}

/** The later of the backoff and the server's own Retry-After, while either is still ahead. */
export function pauseUntil(status: PollStatus, now: number): string | undefined {
  const times = [status.retryAt, status.serverRetryAt].filter(
    (time): time is string => !!time && Date.parse(time) > now,
  );
  return times.sort().at(-1);
}

function oldestOf(items: readonly { published: string }[]): string | undefined {
  let oldest: string | undefined;
  for (const item of items) if (!oldest || item.published < oldest) oldest = item.published;
  return oldest;
}

function failed(error: PollError): OlderReply {
  console.warn(`Smileband News: older stories failed (${error.kind}): ${error.message}`);
  return { added: 0, done: false, error };
}
