import { storage } from 'wxt/utils/storage';
import { FETCH_TIMEOUT_MS, MAX_BODY_CHARS, MAX_FEED_BYTES, MAX_STORED_BODIES } from '@/utils/config';
import { fetchFeed } from '@/utils/feed/fetch-feed';
import { mergeItems } from '@/utils/feed/merge-items';
import { parseFeed } from '@/utils/feed/parse-feed';
import type { PollError, StoryMeta } from '@/utils/feed/types';
import { bodyKey, feedStateItem, pollStatusItem, readArchiveItem, settingsItem, storiesItem } from '@/utils/storage';
import { announce, type Announcement } from './notify';
import { serialize } from './serialize';

export interface PollDeps {
  fetch: typeof globalThis.fetch;
  now: () => number;
  online: () => boolean;
  /** Shows notifications for what a poll brought (tests pass a recorder). */
  announce: (announcement: Announcement) => Promise<void>;
}

export interface PollOutcome {
  kind: 'updated' | 'unchanged' | 'failed';
  added: string[];
  updated: string[];
  error: PollError | null;
}

export function defaultPollDeps(): PollDeps {
  return {
    fetch: (...args) => globalThis.fetch(...args),
    now: () => Date.now(),
    online: () => globalThis.navigator?.onLine !== false,
    announce,
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

  const [settings, state] = await Promise.all([settingsItem.getValue(), feedStateItem.getValue()]);
  const feedUrl = settings.feedUrl;
  const sameFeed = state.url === feedUrl;
  const response = await fetchFeed(feedUrl, {
    etag: sameFeed ? state.etag : null,
    lastModified: sameFeed ? state.lastModified : null,
    fetch: deps.fetch,
    timeoutMs: FETCH_TIMEOUT_MS,
    maxBytes: MAX_FEED_BYTES,
    now: deps.now(),
  });
  if (response.kind === 'error') return fail(startedAt, response.error);
  if (response.kind === 'not-modified') {
    const lastSuccessAt = await recordUnchanged(startedAt);
    // Nothing new, but a digest held through quiet hours may be due.
    await deps
      .announce({ added: [], firstRun: false, lastSuccessAt, now: deps.now() })
      .catch((error: unknown) => console.error('Smileband News: notifications', error));
    return { kind: 'unchanged', added: [], updated: [], error: null };
  }

  let feed;
  try {
    feed = await parseFeed(response.text, feedUrl);
  } catch (error) {
    return fail(startedAt, { kind: 'not-a-feed', message: error instanceof Error ? error.message : String(error) });
  }

  let announcement: Announcement;
  let outcome: PollOutcome;
  try {
    [outcome, announcement] = await serialize(async () => {
      const [stories, status, archive] = await Promise.all([
        storiesItem.getValue(),
        pollStatusItem.getValue(),
        readArchiveItem.getValue(),
      ]);
      const merged = mergeItems(stories, feed.items, {
        now: startedAt,
        retention: settings.retention,
        maxBodyChars: MAX_BODY_CHARS,
        maxBodies: MAX_STORED_BODIES,
        readIds: new Set(archive[feedUrl] ?? []),
      });
      // One storage.set for the whole poll: stories, bodies, validators and status land together.
      await storage.setItems([
        ...Object.entries(merged.bodies).map(([id, html]) => ({ key: bodyKey(id), value: html })),
        ...(merged.changed ? [{ key: storiesItem.key, value: merged.stories }] : []),
        {
          key: feedStateItem.key,
          value: {
            url: feedUrl,
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
      const stale = [...merged.removed, ...merged.bodiesDropped];
      if (stale.length) await storage.removeItems(stale.map(bodyKey));
      const added = new Set(merged.added);
      return [
        {
          kind: merged.changed ? 'updated' : 'unchanged',
          added: merged.added,
          updated: merged.updated,
          error: null,
        },
        {
          added: merged.stories.filter((story: StoryMeta) => added.has(story.id)),
          firstRun: stories.length === 0,
          lastSuccessAt: status.lastSuccessAt,
          now: deps.now(),
        },
      ] as const;
    });
  } catch (error) {
    // Most likely the storage quota; what was stored before stays as it was.
    const reason = error instanceof Error ? error.message : String(error);
    return fail(startedAt, { kind: 'storage', message: `New stories could not be saved: ${reason}` });
  }
  // Stored first, announced after: a worker killed in between loses a notification, never repeats one.
  await deps.announce(announcement).catch((error: unknown) => console.error('Smileband News: notifications', error));
  return outcome;
}

/** Records a 304; returns the previous success time. */
async function recordUnchanged(at: string): Promise<string | null> {
  return serialize(async () => {
    const status = await pollStatusItem.getValue();
    await pollStatusItem.setValue({ ...status, lastAttemptAt: at, lastSuccessAt: at, error: null });
    return status.lastSuccessAt;
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
