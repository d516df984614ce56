import { SITE_FEED_URL } from './settings/site-feed';

/** The feed this build polls (wxt.config.ts bakes WXT_FEED_URL in; unit tests see the site's). */
export const DEFAULT_FEED_URL: string = (import.meta.env.WXT_FEED_URL as string | undefined) || SITE_FEED_URL;

export const POLL_ALARM = 'poll-feed';
export const DEFAULT_POLL_MINUTES = 15;
export const RETENTION_LIMIT = 200;
/** Request timeout; a test build may shorten it (WXT_FETCH_TIMEOUT_MS) to stage a hanging server. */
export const FETCH_TIMEOUT_MS = Number(import.meta.env.WXT_FETCH_TIMEOUT_MS) || 20_000;
/** Items normalized per poll at most: a runaway feed cannot stall the worker. */
export const MAX_ITEMS_PER_POLL = 500;
/** Blogger serves 25 posts of tens of KB; 5 MB is far above that and far below harm. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
/** chrome.storage.local's quota without `unlimitedStorage` (Chromium's QUOTA_BYTES). */
export const STORAGE_QUOTA_BYTES = 10 * 1024 * 1024;
/** Always left free: the index, status and read archive grow between polls. */
export const STORAGE_HEADROOM_BYTES = 1536 * 1024;
/**
 * Stored body cap per story, in storage bytes as the browser counts them (markup costs up to 6 bytes
 * a character). Real posts run to tens of KB of text.
 */
export const MAX_BODY_BYTES = 96 * 1024;
/**
 * All stored bodies together, newest first, and at most this many: with the index capped, the store
 * stays under the quota whatever the retention or the markup. Older stories keep their headline
 * and link; the side panel sends them to the site.
 */
export const BODY_BUDGET_BYTES = 6 * 1024 * 1024;
export const MAX_STORED_BODIES = 150;
/** More new stories than this at once become one summary notification. */
export const NOTIFY_CAP = 3;
