import { retryDelayMs } from '@/utils/feed/backoff';
import {
  FETCH_TIMEOUT_MS,
  MAX_BODY_BYTES,
  MAX_FEED_BYTES,
  MAX_ITEMS_PER_POLL,
  MAX_STORED_BODIES,
} from '@/utils/config';
import { fetchFeed, type FetchFeedResult } from '@/utils/feed/fetch-feed';
import { mergeItems, type MergeResult } from '@/utils/feed/merge-items';
import { FeedParseError, parseFeed } from '@/utils/feed/parse-feed';
import type { ParsedFeed, PollError, StoryMeta } from '@/utils/feed/types';
import {
  feedStateItem,
  lastCheckedItem,
  pollStatusItem,
  readArchiveItem,
  settingsItem,
  storiesItem,
  syncDocItem,
  withLastCheck,
  type FeedState,
  type PollStatus,
} from '@/utils/storage';
import { syncReadOf, type Settings } from '@/utils/settings/settings-defaults';
import { applySync, fromText, type SyncState } from '@/utils/stories/read-sync';
import { announce, type Announcement } from './notify';
import { serialize } from './write-queue';
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

/** One poll, as named steps: ask, then (a 304) record it, or (a feed) read it and store it. */
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

  const response = await askFeed(settings.feedUrl, state, deps);
  if (response.kind === 'error') {
    return fail(startedAt, response.error, backoffOf(settings, deps, response.retryAfterMs));
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

  const feed = await readFeed(response.text, settings.feedUrl, deps);
  if ('error' in feed) return fail(startedAt, feed.error, backoffOf(settings, deps));

  let stored: readonly [PollOutcome, Announcement];
  try {
    stored = await serialize(() => storeFeed({ feed, response, settings, startedAt, deps }));
  } catch (error) {
    // Most likely the storage quota; what was stored before stays as it was.
    const reason = error instanceof Error ? error.message : String(error);
    return fail(startedAt, { kind: 'storage', detail: reason, message: `New stories could not be saved: ${reason}` });
  }
  // Stored first, announced after: a worker killed in between loses a notification, never repeats one.
  await deps.announce(stored[1]).catch((error: unknown) => console.error('Smileband News: notifications', error));
  return stored[0];
}

/** One conditional GET; a 304 that says the server changed after our copy is a confused cache: ask once in full. */
async function askFeed(feedUrl: string, state: FeedState, deps: PollDeps): Promise<FetchFeedResult> {
  const get = (conditional: boolean) =>
    fetchFeed(feedUrl, {
      etag: conditional ? state.etag : null,
      lastModified: conditional ? state.lastModified : null,
      fetch: deps.fetch,
      timeoutMs: FETCH_TIMEOUT_MS,
      maxBytes: MAX_FEED_BYTES,
      now: deps.now(),
    });
  // Validators belong to the feed they came from: another feed starts unconditional.
  const response = await get(state.url === feedUrl);
  return response.kind === 'not-modified' && isNewer(response.lastModified, state.lastModified) ? get(false) : response;
}

/** The feed's items, or why it could not be read (a value, as every expected failure). */
async function readFeed(text: string, feedUrl: string, deps: PollDeps): Promise<ParsedFeed | { error: PollError }> {
  try {
    return await parseFeed(text, feedUrl, { maxItems: MAX_ITEMS_PER_POLL, now: deps.now() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { reason, detail } =
      error instanceof FeedParseError ? error : { reason: 'malformed' as const, detail: message };
    return { error: { kind: 'not-a-feed', message, reason, ...(detail ? { detail } : {}) } };
  }
}

function backoffOf(settings: Settings, deps: PollDeps, retryAfterMs?: number): Backoff {
  return { baseMs: settings.intervalMinutes * 60e3, retryAfterMs, random: deps.random, now: deps.now() };
}

interface StoreInput {
  feed: ParsedFeed;
  response: Extract<FetchFeedResult, { kind: 'ok' }>;
  settings: Settings;
  startedAt: string;
  deps: PollDeps;
}

/** Merges the feed into the stored stories and stores them (inside the write queue); says what to announce. */
async function storeFeed(input: StoreInput): Promise<readonly [PollOutcome, Announcement]> {
  const [stories, status, archive, checked, doc] = await Promise.all([
    storiesItem.getValue(),
    pollStatusItem.getValue(),
    readArchiveItem.getValue(),
    lastCheckedItem.getValue(),
    syncDocItem.getValue(),
  ]);
  const { settings, deps } = input;
  const readIds = new Set(Object.hasOwn(archive, settings.feedUrl) ? archive[settings.feedUrl] : []);
  const synced = syncReadOf(settings) ? fromText(doc, deps.now()) : null;
  const merged = await withBodyBudget(stories, (bodyBudgetBytes) =>
    writeMerged(input, { stories, status, readIds, synced, bodyBudgetBytes }),
  );
  const added = new Set(merged.added);
  const outcome: PollOutcome = {
    kind: merged.changed ? 'updated' : 'unchanged',
    added: merged.added,
    updated: merged.updated,
    error: null,
  };
  return [
    outcome,
    {
      // A story read elsewhere (another browser, a feed switched back to) is not news.
      added: merged.stories.filter((story: StoryMeta) => added.has(story.id) && !story.read),
      firstRun: stories.length === 0,
      lastSuccessAt: withLastCheck(status, checked).lastSuccessAt,
      now: deps.now(),
    },
  ] as const;
}

interface MergeInput {
  stories: StoryMeta[];
  status: PollStatus;
  readIds: ReadonlySet<string>;
  /** The shared marks, when the reader shares read state. */
  synced: SyncState | null;
  bodyBudgetBytes: number;
}

/** One attempt at the merge and its write, within a body budget (withBodyBudget may retry smaller). */
async function writeMerged(
  { feed, response, settings, startedAt }: StoreInput,
  { stories, status, readIds, synced, bodyBudgetBytes }: MergeInput,
): Promise<MergeResult> {
  let merged = mergeItems(stories, feed.items, {
    now: startedAt,
    retention: settings.retention,
    maxBodyBytes: MAX_BODY_BYTES,
    bodyBudgetBytes,
    maxBodies: MAX_STORED_BODIES,
    readIds,
  });
  // New stories arrive as the reader's other browsers left them: read, saved.
  const shared = synced ? applySync(merged.stories, synced) : merged.stories;
  if (shared !== merged.stories) merged = { ...merged, stories: shared, changed: true };
  const feedState: FeedState = {
    url: settings.feedUrl,
    title: feed.title || null,
    link: feed.link,
    etag: response.etag,
    lastModified: response.lastModified,
  };
  const pollStatus: PollStatus = {
    ...status,
    lastAttemptAt: startedAt,
    lastSuccessAt: startedAt,
    lastChangeAt: merged.changed ? startedAt : status.lastChangeAt,
    error: null,
    failures: 0,
    retryAt: null,
    serverRetryAt: null,
    skipped: feed.skipped,
  };
  // Stories, bodies, validators and status land together.
  await storeMerged(merged, [
    { key: feedStateItem.key, value: feedState },
    { key: pollStatusItem.key, value: pollStatus },
  ]);
  return merged;
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
