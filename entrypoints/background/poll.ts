import { storage } from 'wxt/utils/storage';
import { DEFAULT_FEED_URL, FETCH_TIMEOUT_MS, MAX_BODY_CHARS, MAX_FEED_BYTES, RETENTION_LIMIT } from '@/utils/config';
import { fetchFeed } from '@/utils/feed/fetch-feed';
import { mergeItems } from '@/utils/feed/merge-items';
import { parseFeed } from '@/utils/feed/parse-feed';
import type { PollError } from '@/utils/feed/types';
import { bodyKey, feedStateItem, pollStatusItem, storiesItem } from '@/utils/storage';
import { serialize } from './serialize';

export interface PollDeps {
  feedUrl: string;
  fetch: typeof globalThis.fetch;
  now: () => number;
  online: () => boolean;
}

export interface PollOutcome {
  kind: 'updated' | 'unchanged' | 'failed';
  added: string[];
  updated: string[];
  error: PollError | null;
}

export function defaultPollDeps(): PollDeps {
  return {
    feedUrl: DEFAULT_FEED_URL,
    fetch: (...args) => globalThis.fetch(...args),
    now: () => Date.now(),
    online: () => globalThis.navigator?.onLine !== false,
  };
}

let inFlight: Promise<PollOutcome> | null = null;

/** Polls the feed once; a call while a poll runs joins it instead of starting another. */
export function pollFeed(deps: PollDeps = defaultPollDeps()): Promise<PollOutcome> {
  inFlight ??= runPoll(deps).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function runPoll(deps: PollDeps): Promise<PollOutcome> {
  const startedAt = new Date(deps.now()).toISOString();
  if (!deps.online()) return fail(startedAt, { kind: 'offline', message: 'You are offline.' });

  const state = await feedStateItem.getValue();
  const sameFeed = state.url === deps.feedUrl;
  const response = await fetchFeed(deps.feedUrl, {
    etag: sameFeed ? state.etag : null,
    lastModified: sameFeed ? state.lastModified : null,
    fetch: deps.fetch,
    timeoutMs: FETCH_TIMEOUT_MS,
    maxBytes: MAX_FEED_BYTES,
    now: deps.now(),
  });
  if (response.kind === 'error') return fail(startedAt, response.error);
  if (response.kind === 'not-modified') {
    await recordUnchanged(startedAt);
    return { kind: 'unchanged', added: [], updated: [], error: null };
  }

  let feed;
  try {
    feed = await parseFeed(response.text, deps.feedUrl);
  } catch (error) {
    return fail(startedAt, { kind: 'not-a-feed', message: error instanceof Error ? error.message : String(error) });
  }

  try {
    return await serialize(async () => {
      const [stories, status] = await Promise.all([storiesItem.getValue(), pollStatusItem.getValue()]);
      const merged = mergeItems(stories, feed.items, {
        now: startedAt,
        retention: RETENTION_LIMIT,
        maxBodyChars: MAX_BODY_CHARS,
      });
      // One storage.set for the whole poll: stories, bodies, validators and status land together.
      await storage.setItems([
        ...Object.entries(merged.bodies).map(([id, html]) => ({ key: bodyKey(id), value: html })),
        ...(merged.changed ? [{ key: storiesItem.key, value: merged.stories }] : []),
        {
          key: feedStateItem.key,
          value: {
            url: deps.feedUrl,
            title: feed.title || null,
            link: feed.link,
            etag: response.etag,
            lastModified: response.lastModified,
          },
        },
        {
          key: pollStatusItem.key,
          value: {
            ...status,
            lastAttemptAt: startedAt,
            lastSuccessAt: startedAt,
            lastChangeAt: merged.changed ? startedAt : status.lastChangeAt,
            error: null,
          },
        },
      ]);
      if (merged.removed.length) await storage.removeItems(merged.removed.map(bodyKey));
      return {
        kind: merged.changed ? 'updated' : 'unchanged',
        added: merged.added,
        updated: merged.updated,
        error: null,
      } as const;
    });
  } catch (error) {
    // Most likely the storage quota; what was stored before stays as it was.
    const reason = error instanceof Error ? error.message : String(error);
    return fail(startedAt, { kind: 'storage', message: `New stories could not be saved: ${reason}` });
  }
}

async function recordUnchanged(at: string): Promise<void> {
  await serialize(async () => {
    const status = await pollStatusItem.getValue();
    await pollStatusItem.setValue({ ...status, lastAttemptAt: at, lastSuccessAt: at, error: null });
  });
}

async function fail(at: string, error: PollError): Promise<PollOutcome> {
  console.warn(`Smileband News: poll failed (${error.kind}): ${error.message}`);
  await serialize(async () => {
    const status = await pollStatusItem.getValue();
    await pollStatusItem.setValue({ ...status, lastAttemptAt: at, error: { ...error, at } });
  });
  return { kind: 'failed', added: [], updated: [], error };
}
