// The feed address on the options page: the host permission it needs (asked for inside the
// reader's click), given back when the reader leaves a feed, and a test fetch in plain words.
import { browser } from 'wxt/browser';
import { FETCH_TIMEOUT_MS, MAX_FEED_BYTES } from '@/utils/config';
import { fetchFeed } from '@/utils/feed/fetch-feed';
import { FeedParseError, parseFeed } from '@/utils/feed/parse-feed';
import { hostPattern, unneededOrigins } from '@/utils/settings/feed-url';
import { describeError } from '@/utils/ui/error-text';
import { t } from '@/utils/ui/i18n';

/** Host permission for a feed's origin, asked for now if the extension lacks it. */
export async function askForOrigin(feedUrl: string): Promise<string | null> {
  const origins = [hostPattern(feedUrl)];
  try {
    // request() answers at once, without a prompt, when the origin is already granted.
    if (await browser.permissions.request({ origins })) return null;
  } catch (error) {
    return t('permissionError', [new URL(feedUrl).host, error instanceof Error ? error.message : String(error)]);
  }
  return t('permissionDenied', new URL(feedUrl).host);
}

/** Gives back optional host permissions granted for feeds the reader has left. */
export async function releaseUnneededOrigins(feedUrl: string): Promise<void> {
  try {
    const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
    const required = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])];
    const { origins = [] } = await browser.permissions.getAll();
    const unneeded = unneededOrigins(origins, required, feedUrl);
    if (unneeded.length) await browser.permissions.remove({ origins: unneeded });
  } catch (error) {
    // Keeping a permission too long is no reason to fail a save.
    console.warn('Smileband News: could not release host permissions', error);
  }
}

/** Fetches and parses a feed: its newest headline, or what went wrong in plain words. */
export async function testFeed(feedUrl: string): Promise<{ problem: string | null; headline: string | null }> {
  const response = await fetchFeed(feedUrl, {
    fetch: (...args) => fetch(...args),
    timeoutMs: FETCH_TIMEOUT_MS,
    maxBytes: MAX_FEED_BYTES,
    now: Date.now(),
  });
  if (response.kind === 'error') return { problem: describeError(response.error), headline: null };
  if (response.kind === 'not-modified') return { problem: null, headline: null };
  try {
    const feed = await parseFeed(response.text, feedUrl);
    if (!feed.items.length) return { problem: t('feedEmpty'), headline: null };
    return { problem: null, headline: feed.items[0]!.headline };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const problem =
      error instanceof FeedParseError
        ? describeError({ kind: 'not-a-feed', message, reason: error.reason, detail: error.detail })
        : message;
    return { problem, headline: null };
  }
}
