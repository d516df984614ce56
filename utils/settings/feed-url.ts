import { SITE_FEED_URL } from './site-feed';

export { SITE_FEED_URL };

/** The feed a build polls by default: the site's, or WXT_FEED_URL when it is a valid http(s) URL. */
export function resolveFeedUrl(override: string | undefined): string {
  if (!override) return SITE_FEED_URL;
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    throw new Error(`WXT_FEED_URL is not a URL: "${override}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`WXT_FEED_URL must be http(s), got "${override}"`);
  }
  if (url.username || url.password) throw new Error('WXT_FEED_URL must not carry a user name or password');
  return url.href;
}

/**
 * The host-permission pattern that covers a feed. Without the port: Firefox refuses match patterns
 * with one (its fetch then fails as a CORS error), and Chrome matches every port of a portless host.
 */
export function hostPattern(feedUrl: string): string {
  const url = new URL(feedUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Optional host permissions the extension holds but no longer needs: granted for a feed the reader
 * has since left. The manifest's own host permissions cannot be removed and are never listed.
 */
export function unneededOrigins(granted: readonly string[], required: readonly string[], feedUrl: string): string[] {
  const keep = new Set([...required, hostPattern(feedUrl)]);
  return granted.filter((origin) => !keep.has(origin));
}
