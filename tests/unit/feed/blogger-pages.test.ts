import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canPageLabels, firstStart, pageUrl, totalResults } from '@/utils/feed/blogger-pages';
import { story } from '../../support/stories';
import type { StoryMeta } from '@/utils/feed/types';

const FEED = 'https://www.smileband.co.uk/feeds/posts/default';
const atom = readFileSync(new URL('../../fixtures/smileband-atom.xml', import.meta.url), 'utf8');
const rss = readFileSync(new URL('../../fixtures/smileband-rss.xml', import.meta.url), 'utf8');

describe('pageUrl', () => {
  it('asks for a page of posts from a position, as Blogger counts them (from 1)', () => {
    expect(pageUrl(FEED, { start: 26, max: 100 })).toBe(`${FEED}?orderby=published&start-index=26&max-results=100`);
  });

  it('keeps the feed’s own query (RSS) and never asks for less than one post from position one', () => {
    expect(pageUrl(`${FEED}?alt=rss`, { start: 0, max: 0.5 })).toBe(
      `${FEED}?alt=rss&orderby=published&start-index=1&max-results=1`,
    );
    expect(pageUrl(FEED, { start: 26.7, max: 100 })).toContain('start-index=26&');
  });

  it('pages a label’s own feed, the label encoded in the path', () => {
    expect(pageUrl(FEED, { start: 1, max: 25, label: 'Health & Care/UK' })).toBe(
      `${FEED}/-/Health%20%26%20Care%2FUK?orderby=published&start-index=1&max-results=25`,
    );
    expect(pageUrl('https://www.smileband.co.uk/feeds/posts/summary/', { start: 1, max: 25, label: 'UK' })).toBe(
      'https://www.smileband.co.uk/feeds/posts/summary/-/UK?orderby=published&start-index=1&max-results=25',
    );
  });

  it.each(['.', '..'])(
    'refuses the label %j, which the URL parser reads as a path step (the all-posts feed)',
    (label) => {
      expect(pageUrl(FEED, { start: 1, max: 25, label })).toBeNull();
      // Names that only contain dots are names.
      expect(pageUrl(FEED, { start: 1, max: 25, label: `${label}x` })).toContain(`/-/${label}x?`);
      expect(pageUrl(FEED, { start: 1, max: 25, label: `a${label}` })).toContain(`/-/a${label}?`);
    },
  );

  it('cannot page a label of a feed that is not Blogger’s', () => {
    expect(pageUrl('https://example.org/feed.xml', { start: 1, max: 25, label: 'UK' })).toBeNull();
    expect(pageUrl(`${FEED}/-/UK`, { start: 1, max: 25, label: 'Space' })).toBeNull();
    expect(canPageLabels(FEED)).toBe(true);
    expect(canPageLabels('https://example.org/feed.xml')).toBe(false);
    expect(canPageLabels('not a url')).toBe(false);
  });

  it('searches the whole blog with q, and drops a q the feed address carried when not searching', () => {
    expect(pageUrl(FEED, { start: 1, max: 25, query: 'Gaza ceasefire' })).toBe(
      `${FEED}?orderby=published&start-index=1&max-results=25&q=Gaza+ceasefire`,
    );
    expect(pageUrl(`${FEED}?q=old`, { start: 1, max: 25 })).toBe(
      `${FEED}?orderby=published&start-index=1&max-results=25`,
    );
  });
});

describe('totalResults', () => {
  it('reads how many posts the blog holds from the site’s Atom and RSS feeds', () => {
    expect(totalResults(atom)).toBe(1418);
    expect(totalResults(rss)).toBe(1418);
  });

  it('says nothing for a feed without the count, and ignores one an entry carries', () => {
    expect(totalResults('<feed><title>x</title></feed>')).toBeNull();
    expect(totalResults('<feed><entry><openSearch:totalResults>5</openSearch:totalResults></entry></feed>')).toBeNull();
    expect(totalResults('<feed><openSearch:totalResults> 0 </openSearch:totalResults></feed>')).toBe(0);
    // An entry with attributes starts the entries too; a document that is all head is read to its end.
    expect(
      totalResults('<feed><entry xml:lang="en"><openSearch:totalResults>5</openSearch:totalResults></entry></feed>'),
    ).toBeNull();
    expect(totalResults('<openSearch:totalResults>7</openSearch:totalResults>')).toBe(7);
  });
});

describe('firstStart', () => {
  const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;
  /** Stored story published on day `day` of January (the shared factory, dated). */
  const onDay = (day: number, patch: Partial<StoryMeta> = {}) => story(day, { published: at(day), ...patch });

  it('starts after the stories the feed brought, newest first in an unbroken run', () => {
    expect(firstStart([onDay(30), onDay(29), onDay(28)], null)).toBe(4);
    // The run reaches back to the oldest, in whatever order the stories come.
    expect(firstStart([onDay(28), onDay(30), onDay(29), onDay(20, { archived: true })], null)).toBe(4);
    expect(firstStart([], null)).toBe(1);
  });

  it('leaves out a saved story kept past retention, and a label page’s or a search’s stories behind the run', () => {
    const stored = [onDay(30), onDay(29), onDay(20, { saved: at(30) }), onDay(10, { archived: true })];
    expect(firstStart(stored, null)).toBe(3);
  });

  it('counts a label’s stories in the run for that label’s first page', () => {
    const stored = [onDay(30, { labels: ['Space'] }), onDay(29), onDay(28, { labels: ['Space', 'UK'] })];
    expect(firstStart(stored, 'Space')).toBe(3);
    expect(firstStart(stored, 'Weather')).toBe(1);
  });

  it('once all posts were paged, counts everything since the oldest of those pages, whatever brought it', () => {
    const stored = [onDay(30), onDay(20, { archived: true }), onDay(15, { archived: true, labels: ['Space'] })];
    expect(firstStart(stored, null, at(20))).toBe(3);
    expect(firstStart(stored, 'Space', at(20))).toBe(1);
    // Paged to the blog's first post: every story counts.
    expect(firstStart(stored, 'Space', '')).toBe(2);
  });
});
