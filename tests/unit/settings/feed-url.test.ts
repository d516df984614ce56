import { describe, expect, it } from 'vitest';
import { hostPattern, resolveFeedUrl, SITE_FEED_URL, unneededOrigins } from '@/utils/settings/feed-url';

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
    ['https://user:pass@blog.example/feeds/posts/default', /user name or password/],
    ['https://user@blog.example/feeds/posts/default', /user name or password/],
    ['https://:pass@blog.example/feeds/posts/default', /user name or password/],
  ])('refuses %j at build time', (value, message) => {
    expect(() => resolveFeedUrl(value)).toThrow(message);
  });
});

describe('hostPattern', () => {
  it('covers the feed host, whatever the path and query', () => {
    expect(hostPattern('https://www.smileband.co.uk/feeds/posts/default?alt=rss')).toBe(
      'https://www.smileband.co.uk/*',
    );
  });

  // Firefox rejects a port in a match pattern (the fetch then fails CORS); Chrome matches every port
  // of a portless host. So a feed on a port gets the host's pattern in both.
  it.each([
    ['http://127.0.0.1:8080/feeds/posts/default', 'http://127.0.0.1/*'],
    ['https://example.com:8443/feed', 'https://example.com/*'],
    ['http://[::1]:8080/feed', 'http://[::1]/*'],
  ])('leaves the port out of %s', (url, pattern) => {
    expect(hostPattern(url)).toBe(pattern);
  });
});

describe('unneededOrigins', () => {
  const required = ['https://www.smileband.co.uk/*'];
  it('lists optional hosts granted for feeds the reader has left', () => {
    const granted = [
      'https://www.smileband.co.uk/*',
      'https://old.example/*',
      'http://127.0.0.1/*',
      'https://new.example/*',
    ];
    expect(unneededOrigins(granted, required, 'https://new.example/feeds/posts/default')).toEqual([
      'https://old.example/*',
      'http://127.0.0.1/*',
    ]);
  });

  it('never lists the manifest’s own hosts or the current feed’s', () => {
    expect(unneededOrigins(required, required, 'https://www.smileband.co.uk/feeds/posts/default')).toEqual([]);
    expect(unneededOrigins(['https://x.example/*'], required, 'https://x.example/feed')).toEqual([]);
  });
});
