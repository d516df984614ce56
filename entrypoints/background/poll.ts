import { retryDelayMs } from '@/utils/feed/backoff';
import {
  FETCH_TIMEOUT_MS,
  MAX_BODY_BYTES,
  MAX_FEED_BYTES,
  MAX_ITEMS_PER_POLL,
  MAX_STORED_BODIES,
} from '@/utils/config';
import { fetchFeed, type FetchFeedResult } from '@/utils/feed/fetch-feed';
import { mergeItems } from '@/utils/feed/merge-items';
import { FeedParseError, parseFeed } from '@/utils/feed/parse-feed';
import type { PollError, StoryMeta } from '@/utils/feed/types';
import {
  feedStateItem,
  lastCheckedItem,
  pollStatusItem,
  readArchiveItem,
  settingsItem,
  storiesItem,
  syncDocItem,
  withLastCheck,
} from '@/utils/storage';
import { syncReadOf } from '@/utils/settings/settings-defaults';
import { applySync, fromText } from '@/utils/sync/read-sync';
import { announce, type Announcement } from './notify';
import { serialize } from './serialize';
import { pullSync } from './sync';
import { storeMerged, withBodyBudget } from './store-merged';

export interface PollDeps {
  fetch: typeof globalThis.fetch;
  now: () => number;
  online: () => boolean;
  /** For backoff jitter. */
  random: () => number;
  /** Shows notifications for what a poll brought (tests pass a recorder). */
  announce: (announcement: Announcement) => Promise<void>;
}

/** Why a poll runs: only the alarm waits out a backoff; the reader's Refresh never does. */
export type PollTrigger = 'alarm' | 'manual' | 'install' | 'startup' | 'online' | 'settings';

export interface PollOutcome {
  /** `deferred`: a scheduled poll inside a backoff or Retry-After window did not run. */
  kind: 'updated' | 'unchanged' | 'failed' | 'deferred';
  added: string[];
  updated: string[];
  error: PollError | null;
}

export function defaultPollDeps(): PollDeps {
  return {
    fetch: (...args) => globalThis.fetch(...args),
    now: () => Date.now(),
    online: () => globalThis.navigator?.onLine !== false,
    random: Math.random,
    announce,
  };
}

let inFlight: Promise<PollOutcome> | null = null;

/**
 * Polls the feed once. A call while a poll runs joins it; across contexts and worker restarts a
 * Web Lock keeps it single (the browser releases it when a worker dies mid-poll).
 */
export function pollFeed(deps: PollDeps = defaultPollDeps(), trigger: PollTrigger = 'manual'): Promise<PollOutcome> {
  inFlight ??= singleFlight(() => runPoll(deps, trigger)).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

const BUSY: PollOutcome = { kind: 'deferred', added: [], updated: [], error: null };

function singleFlight(run: () => Promise<PollOutcome>): Promise<PollOutcome> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return run();
  // The lib types this as a promise of a promise; the browser resolves it to the outcome.
  return locks.request('smileband-news-poll', { ifAvailable: true }, (lock) =>
    lock ? run() : BUSY,
  ) as unknown as Promise<PollOutcome>;
}

async function runPoll(deps: PollDeps, trigger: PollTrigger): Promise<PollOutcome> {
  const startedAt = new Date(deps.now()).toISOString();
  const [settings, state, status] = await Promise.all([
    settingsItem.getValue(),
    feedStateItem.getValue(),
    pollStatusItem.getValue(),
  ]);
  if (trigger === 'alarm' && status.retryAt && Date.parse(status.retryAt) > deps.now()) return BUSY;
  // Offline is not the server's fault: say so, but do not back off.
  if (!deps.online()) return fail(startedAt, { kind: 'offline', message: 'You are offline.' });

  const feedUrl = settings.feedUrl;
  const sameFeed = state.url === feedUrl;
  const get = (conditional: boolean) =>
    fetchFeed(feedUrl, {
      etag: conditional ? state.etag : null,
      lastModified: conditional ? state.lastModified : null,
      fetch: deps.fetch,
      timeoutMs: FETCH_TIMEOUT_MS,
      maxBytes: MAX_FEED_BYTES,
      now: deps.now(),
    });
  let response: FetchFeedResult = await get(sameFeed);
  // A 304 that says the server changed after our copy is a confused cache: ask once in full.
  if (response.kind === 'not-modified' && isNewer(response.lastModified, state.lastModified)) {
    response = await get(false);
  }
  if (response.kind === 'error') {
    return fail(startedAt, response.error, {
      baseMs: settings.intervalMinutes * 60e3,
      retryAfterMs: response.retryAfterMs,
      random: deps.random,
      now: deps.now(),
    });
  }
  if (response.kind === 'not-modified') {
    const lastSuccessAt = await recordUnchanged(startedAt);
    // Nothing new, but a digest held through quiet hours may be due.
    await deps
      .announce({ added: [], firstRun: false, lastSuccessAt, now: deps.now() })
      .catch((error: unknown) => console.error('Smileband News: notifications', error));
    return { kind: 'unchanged', added: [], updated: [], error: null };
  }

  // A store emptied under a running browser (or never pulled): the other browsers' marks first.
  if (!(await syncDocItem.getValue())) await pullSync();

  let feed;
  try {
    feed = await parseFeed(response.text, feedUrl, { maxItems: MAX_ITEMS_PER_POLL, now: deps.now() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { reason, detail } =
      error instanceof FeedParseError ? error : { reason: 'malformed' as const, detail: message };
    return fail(
      startedAt,
      { kind: 'not-a-feed', message, reason, ...(detail ? { detail } : {}) },
      {
        baseMs: settings.intervalMinutes * 60e3,
        random: deps.random,
        now: deps.now(),
      },
    );
  }

  let announcement: Announcement;
  let outcome: PollOutcome;
  try {
    [outcome, announcement] = await serialize(async () => {
      const [stories, status, archive, checked, doc] = await Promise.all([
        storiesItem.getValue(),
        pollStatusItem.getValue(),
        readArchiveItem.getValue(),
        lastCheckedItem.getValue(),
        syncDocItem.getValue(),
      ]);
      const synced = fromText(doc, deps.now());
      const write = async (bodyBudgetBytes: number) => {
        let merged = mergeItems(stories, feed.items, {
          now: startedAt,
          retention: settings.retention,
          maxBodyBytes: MAX_BODY_BYTES,
          bodyBudgetBytes,
          maxBodies: MAX_STORED_BODIES,
          readIds: new Set(Object.hasOwn(archive, feedUrl) ? archive[feedUrl] : []),
        });
        // New stories arrive as the reader's other browsers left them: read, saved.
        const shared = syncReadOf(settings) ? applySync(merged.stories, synced) : merged.stories;
        if (shared !== merged.stories) merged = { ...merged, stories: shared, changed: true };
        // Stories, bodies, validators and status land together.
        await storeMerged(merged, [
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
              failures: 0,
              retryAt: null,
              serverRetryAt: null,
              skipped: feed.skipped,
            },
          },
        ]);
        return merged;
      };
      const merged = await withBodyBudget(stories, write);
      const added = new Set(merged.added);
      return [
        {
          kind: merged.changed ? 'updated' : 'unchanged',
          added: merged.added,
          updated: merged.updated,
          error: null,
        },
        {
          // A story read elsewhere (another browser, a feed switched back to) is not news.
          added: merged.stories.filter((story: StoryMeta) => added.has(story.id) && !story.read),
          firstRun: stories.length === 0,
          lastSuccessAt: withLastCheck(status, checked).lastSuccessAt,
          now: deps.now(),
        },
      ] as const;
    });
  } catch (error) {
    // Most likely the storage quota; what was stored before stays as it was.
    const reason = error instanceof Error ? error.message : String(error);
    return fail(startedAt, { kind: 'storage', detail: reason, message: `New stories could not be saved: ${reason}` });
  }
  // Stored first, announced after: a worker killed in between loses a notification, never repeats one.
  await deps.announce(announcement).catch((error: unknown) => console.error('Smileband News: notifications', error));
  return outcome;
}

/**
 * Records a 304; returns the previous success time. A healthy feed's 304 touches only session
 * storage, so an idle poll writes nothing to disk; one after a failure clears the error.
 */
async function recordUnchanged(at: string): Promise<string | null> {
  return serialize(async () => {
    const [status, checked] = await Promise.all([pollStatusItem.getValue(), lastCheckedItem.getValue()]);
    const previous = withLastCheck(status, checked).lastSuccessAt;
    if (!status.error && !status.failures && status.lastSuccessAt) {
      await lastCheckedItem.setValue(at);
    } else {
      await pollStatusItem.setValue({
        ...status,
        lastAttemptAt: at,
        lastSuccessAt: at,
        error: null,
        failures: 0,
        retryAt: null,
        serverRetryAt: null,
      });
    }
    return previous;
  });
}

interface Backoff {
  baseMs: number;
  retryAfterMs?: number;
  random: () => number;
  now: number;
}

/** Records a failure where the reader looks; with `backoff`, scheduled polls wait longer each time. */
async function fail(at: string, error: PollError, backoff?: Backoff): Promise<PollOutcome> {
  console.warn(`Smileband News: poll failed (${error.kind}): ${error.message}`);
  await serialize(async () => {
    const status = await pollStatusItem.getValue();
    const failures = (status.failures ?? 0) + (backoff ? 1 : 0);
    const retryAt = backoff
      ? new Date(backoff.now + retryDelayMs({ failures, ...backoff })).toISOString()
      : (status.retryAt ?? null);
    const serverRetryAt = backoff?.retryAfterMs
      ? new Date(backoff.now + backoff.retryAfterMs).toISOString()
      : (status.serverRetryAt ?? null);
    await pollStatusItem.setValue({
      ...status,
      lastAttemptAt: at,
      error: { ...error, at },
      failures,
      retryAt,
      serverRetryAt,
    });
  });
  return { kind: 'failed', added: [], updated: [], error };
}

function isNewer(serverDate: string | null, ourDate: string | null): boolean {
  if (!serverDate || !ourDate) return false;
  return Date.parse(serverDate) > Date.parse(ourDate);
}

/**
 * Remembers the server's own Retry-After from a request other than a poll (an archive page, a
 * search), so every request honours it; a later successful poll clears it.
 */
export function noteServerPause(until: string): Promise<void> {
  return serialize(async () => {
    const status = await pollStatusItem.getValue();
    // As numbers: ISO text orders wrongly past the year 9999 (+010000-…).
    if (status.serverRetryAt && Date.parse(status.serverRetryAt) >= Date.parse(until)) return;
    await pollStatusItem.setValue({ ...status, serverRetryAt: until });
  });
}
