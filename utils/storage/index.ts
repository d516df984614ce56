// Every storage item, in one place: the schema of record. The background worker writes each but
// three (settings, readerFontScale, readingStyle: see their notes); pages read (and watch) and send intents
// (utils/platform/messages.ts). Each definition is
// marked pure: defining an item reads nothing (modules/build-patches/library-patches.ts), so a page's build
// leaves out the items it never uses (the popup's 15 KB budget counts them).
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { PollError, StoryMeta } from '../feed/types';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings-defaults';
import {
  bodyKey,
  POLL_STATUS_KEY,
  READER_FONT_SCALE_KEY,
  READING_STYLE_KEY,
  SETTINGS_KEY,
  STORIES_HEAD_KEY,
  STORIES_KEY,
} from './keys';

/** The headline index, newest first: small enough for the popup and badge to read whole. */
export const storiesItem = /* @__PURE__ */ storage.defineItem<StoryMeta[]>(STORIES_KEY, { fallback: [], version: 1 });

/**
 * The newest stories only, for the popup's first paint: reading a 2000-story index takes longer
 * than a frame, reading this does not. Always written together with `stories` (storiesEntries).
 */
export const storiesHeadItem = /* @__PURE__ */ storage.defineItem<StoryMeta[]>(STORIES_HEAD_KEY, {
  fallback: [],
  version: 1,
});
export const HEAD_SIZE = 30;

/** The storage entries that write a new story list: the index and its head, in one set. */
export function storiesEntries(stories: StoryMeta[]): { key: StorageItemKey; value: StoryMeta[] }[] {
  return [
    { key: storiesItem.key, value: stories },
    { key: storiesHeadItem.key, value: stories.slice(0, HEAD_SIZE) },
  ];
}

// One key per story body (defined beside the first-screen keys, for the early reads).
export { bodyKey };

export interface FeedState {
  /** The feed these validators belong to; a different feed URL starts unconditional. */
  url: string | null;
  title: string | null;
  link: string | null;
  etag: string | null;
  lastModified: string | null;
}

export const feedStateItem = /* @__PURE__ */ storage.defineItem<FeedState>('local:feedState', {
  fallback: { url: null, title: null, link: null, etag: null, lastModified: null },
  version: 1,
});

export interface PollStatus {
  /** ISO times. */
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** When a poll last brought new or edited stories. */
  lastChangeAt: string | null;
  error: (PollError & { at: string }) | null;
  /** Failed polls in a row (absent in stores written before backoff existed). */
  failures?: number;
  /** Scheduled polls wait until then (backoff, Retry-After); Refresh does not. */
  retryAt?: string | null;
  /**
   * When the server said it would take the next request (its Retry-After): a Refresh before then
   * says so instead of asking, unless the reader presses it again.
   */
  serverRetryAt?: string | null;
  /** Entries the last successful poll could not read and left out. */
  skipped?: number;
}

/**
 * When an unchanged feed (304) was last confirmed. Session storage (memory, not disk): an idle poll
 * then writes nothing to storage.local. Read it through `withLastCheck`.
 */
export const lastCheckedItem = /* @__PURE__ */ storage.defineItem<string | null>('session:lastChecked', {
  fallback: null,
});

/** The status as the reader should see it: a later 304 counts as the last update. */
export function withLastCheck(status: PollStatus, lastChecked: string | null | undefined): PollStatus {
  if (!lastChecked || status.error || (status.lastSuccessAt && status.lastSuccessAt >= lastChecked)) return status;
  return { ...status, lastAttemptAt: lastChecked, lastSuccessAt: lastChecked };
}

export const pollStatusItem = /* @__PURE__ */ storage.defineItem<PollStatus>(POLL_STATUS_KEY, {
  fallback: { lastAttemptAt: null, lastSuccessAt: null, lastChangeAt: null, error: null },
  version: 1,
});

/** Reader text size in the side panel, as a scale (1 = default). Written by the side panel only. */
export const FONT_SCALES = [0.85, 1, 1.15, 1.3, 1.5] as const;
export const readerFontScaleItem = /* @__PURE__ */ storage.defineItem<number>(READER_FONT_SCALE_KEY, {
  fallback: 1,
  version: 1,
});

/** How the side panel sets a story: its typeface, line spacing, column width and colours. */
export interface ReadingStyle {
  font: 'serif' | 'sans';
  spacing: 'tight' | 'normal' | 'loose';
  width: 'narrow' | 'medium' | 'wide';
  theme: 'system' | 'light' | 'sepia' | 'dark';
}

/** The reader's Text settings (the size is readerFontScale's). Written by the side panel only (its Text settings). */
export const readingStyleItem = /* @__PURE__ */ storage.defineItem<ReadingStyle>(READING_STYLE_KEY, {
  fallback: { font: 'serif', spacing: 'normal', width: 'medium', theme: 'system' },
  version: 1,
});

/**
 * The reader's settings. Written by the options page (the reader's save, reset, import) and by the
 * worker when another browser's shared settings arrive (pullSettings); the worker watches them.
 */
export const settingsItem = /* @__PURE__ */ storage.defineItem<Settings>(SETTINGS_KEY, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Read story ids of feeds the reader switched away from, so switching back restores them. */
export const readArchiveItem = /* @__PURE__ */ storage.defineItem<Record<string, string[]>>('local:readArchive', {
  fallback: {},
  version: 1,
});

/** Story ids that arrived during quiet hours, for one digest when they end. Worker only. */
export const pendingNoticesItem = /* @__PURE__ */ storage.defineItem<string[]>('local:pendingNotices', {
  fallback: [],
  version: 1,
});

/** Where the next archive page starts, for all posts (key '') and per label (`label:NAME`). */
export interface ArchiveCursor {
  /** Blogger's start-index of the next page. */
  next: number;
  /** Posts the feed holds (openSearch:totalResults), when it says. */
  total: number | null;
  /** The oldest post was reached: nothing older to ask for. */
  done: boolean;
  /**
   * All posts' paging only: when the oldest post of the pages so far was published (ISO). Every post
   * since is stored, so a label's first page starts after the label's stories from then on.
   */
  oldest?: string;
}

/** The archive paging of one feed (another feed starts over). Worker only (entrypoints/background/archive-pages.ts). */
export const archivePagesItem = /* @__PURE__ */ storage.defineItem<{
  feed: string | null;
  pages: Record<string, ArchiveCursor>;
}>('local:archivePages', { fallback: { feed: null, pages: {} }, version: 1 });

/**
 * This browser's copy of the read and saved marks it shares through storage.sync (utils/stories/
 * read-sync.ts, as text). Worker only (entrypoints/background/sync.ts). Version 2: marks only, the
 * format's number last; version 1 (release 0.1.0) also had a "read up to" date, which is dropped.
 */
export const syncDocItem = /* @__PURE__ */ storage.defineItem<string>('local:syncDoc', {
  fallback: '',
  version: 2,
  // The marks stay as they were; the date goes. Written out here rather than through read-sync.ts:
  // importing that into the schema put the feed's limits in every page's shared chunk (+0.1 KB).
  migrations: { 2: (text: string) => withoutReadUpTo(text) },
});

/** How sharing read state with the reader's other browsers last went; the options page says it. */
export interface SyncStatus {
  /** Why the last write to storage.sync failed (its quota, its rate): marks stay in this browser. */
  error: string | null;
  at: string | null;
}
export const syncStatusItem = /* @__PURE__ */ storage.defineItem<SyncStatus>('local:syncStatus', {
  fallback: { error: null, at: null },
  version: 1,
});

/** Version 1's text (`1|<read up to>|<its time>|<read>|<saved>`) as version 2's (read-sync.ts). */
function withoutReadUpTo(text: string): string {
  const fields = text.split('|');
  return fields[0] === '1' && fields.length === 5 ? `1||0|${fields[3]}|${fields[4]}|2` : text;
}
