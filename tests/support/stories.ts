import type { FeedItem, StoryMeta } from '@/utils/feed/types';
import type { PollStatus } from '@/utils/storage';

/** The time page and worker tests run at (Date faked to it), so relative times are exact. */
export const NOW = Date.parse('2026-02-03T09:00:00Z');

/**
 * Story `n` as the worker stores it: post n's shape, published `n` hours before NOW, unread, with a
 * body hash of its own; `patch` sets what a test is about (headline, labels, read, saved…). A
 * string names the story's id instead (published an hour before NOW). The tests' one story factory.
 */
export function story(key: number | string, patch: Partial<StoryMeta> = {}): StoryMeta {
  const n = typeof key === 'number' ? key : 1;
  const named = typeof key === 'string' ? { id: key, link: `https://www.smileband.co.uk/${key}.html` } : {};
  return asStored(postItem(n, new Date(NOW - n * 3600e3).toISOString(), named), {
    contentHash: String(key),
    ...patch,
  });
}

/** Post `n` as parseFeed returns it: the site's shape, published at `published` (ISO). */
export function postItem(n: number, published: string, patch: Partial<FeedItem> = {}): FeedItem {
  return {
    id: `post-${n}`,
    title: 'Smileband News',
    headline: `Headline ${n}`,
    sponsor: 'smileband',
    link: `https://www.smileband.co.uk/${n}.html`,
    published,
    updated: published,
    author: 'Christopher Stanley',
    labels: ['UK'],
    image: null,
    contentHtml: `<p>Body ${n}</p>`,
    ...patch,
  };
}

/** The same post as the index stores it: no body, unread, first seen when published. */
export function asStored(item: FeedItem, patch: Partial<StoryMeta> = {}): StoryMeta {
  const meta: Partial<FeedItem> = { ...item };
  delete meta.contentHtml;
  return {
    ...(meta as Omit<FeedItem, 'contentHtml'>),
    read: false,
    firstSeen: item.published,
    truncated: false,
    contentHash: '0',
    ...patch,
  };
}

/** A feed that last updated `minutes` before `now`, without error. */
export function updatedStatus(now: number, minutes: number): PollStatus {
  const at = new Date(now - minutes * 60e3).toISOString();
  return { lastAttemptAt: at, lastSuccessAt: at, lastChangeAt: null, error: null };
}
