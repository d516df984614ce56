import { describe, expect, it } from 'vitest';
import { resolveFeedUrl, SITE_FEED_URL } from '@/utils/feed-url';

describe('resolveFeedUrl (WXT_FEED_URL)', () => {
  it.each([
    [undefined, SITE_FEED_URL],
    ['', SITE_FEED_URL],
    ['http://127.0.0.1:8123/feeds/posts/default', 'http://127.0.0.1:8123/feeds/posts/default'],
    [
      'https://example.blogspot.com/feeds/posts/default?alt=rss',
      'https://example.blogspot.com/feeds/posts/default?alt=rss',
    ],
  ])('%j → %s', (value, url) => {
    expect(resolveFeedUrl(value)).toBe(url);
  });

  it.each([
    ['not a url', /not a URL/],
    ['file:///etc/passwd', /must be http\(s\)/],
    ['javascript:alert(1)', /must be http\(s\)/],
  ])('refuses %j at build time', (value, message) => {
    expect(() => resolveFeedUrl(value)).toThrow(message);
  });
});
