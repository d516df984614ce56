import type { FeedItem, StoryMeta } from '@/utils/feed/types';
import type { PollStatus } from '@/utils/storage';

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
