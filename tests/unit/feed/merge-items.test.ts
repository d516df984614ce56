import { describe, expect, it } from 'vitest';
import { hashString, mergeItems } from '@/utils/feed/merge-items';
import { entryBytes } from '@/utils/feed/stored-size';
import { postItem } from '../../support/stories';
import type { FeedItem, StoryMeta } from '@/utils/feed/types';

const T0 = '2026-02-01T10:00:00.000Z';
const T1 = '2026-02-02T10:00:00.000Z';
const T2 = '2026-02-03T10:00:00.000Z';
const options = { now: T1, retention: 200, maxBodyBytes: 1000, bodyBudgetBytes: 1_000_000, maxBodies: 150 };

function item(n: number, patch: Partial<FeedItem> = {}): FeedItem {
  return postItem(n, new Date(Date.UTC(2026, 0, n)).toISOString(), patch);
}

function stored(n: number, patch: Partial<StoryMeta> = {}): StoryMeta {
  const { contentHtml, ...fields } = item(n);
  return { ...fields, read: false, firstSeen: T0, truncated: false, contentHash: hashString(contentHtml), ...patch };
}

describe('mergeItems', () => {
  it('adds new stories unread, newest first, with their bodies', () => {
    const result = mergeItems([], [item(1), item(3), item(2)], options);
    expect(result.stories.map((s) => s.id)).toEqual(['post-3', 'post-2', 'post-1']);
    expect(result.stories.every((s) => !s.read && s.firstSeen === T1)).toBe(true);
    expect(result.added).toEqual(['post-1', 'post-3', 'post-2']);
    expect(result.bodies).toEqual({ 'post-1': '<p>Body 1</p>', 'post-3': '<p>Body 3</p>', 'post-2': '<p>Body 2</p>' });
    expect(result.changed).toBe(true);
  });

  it('changes nothing when the feed repeats itself', () => {
    const result = mergeItems([stored(2), stored(1, { read: true })], [item(2), item(1)], options);
    expect(result).toMatchObject({ changed: false, added: [], updated: [], removed: [], bodies: {} });
  });

  it('updates an edited story in place, keeping its read state and first-seen time', () => {
    const edited = item(1, { updated: T1, headline: 'Corrected headline', contentHtml: '<p>New body</p>' });
    const result = mergeItems([stored(2), stored(1, { read: true })], [edited, item(2)], options);
    expect(result.updated).toEqual(['post-1']);
    expect(result.added).toEqual([]);
    expect(result.stories.find((s) => s.id === 'post-1')).toMatchObject({
      headline: 'Corrected headline',
      read: true,
      firstSeen: T0,
    });
    expect(result.bodies).toEqual({ 'post-1': '<p>New body</p>' });
  });

  it('sees an edit to the body even when the feed keeps the same updated time', () => {
    const result = mergeItems([stored(1, { read: true })], [item(1, { contentHtml: '<p>Silent edit</p>' })], options);
    expect(result.updated).toEqual(['post-1']);
    expect(result.stories[0]!.read).toBe(true);
  });

  it('keeps stories that left the feed', () => {
    const result = mergeItems([stored(1, { read: true })], [item(2)], options);
    expect(result.stories.map((s) => s.id)).toEqual(['post-2', 'post-1']);
    expect(result.removed).toEqual([]);
  });

  it('drops the oldest stories past the retention cap, bodies included', () => {
    const result = mergeItems([stored(1), stored(2)], [item(3), item(4)], { ...options, retention: 3 });
    expect(result.stories.map((s) => s.id)).toEqual(['post-4', 'post-3', 'post-2']);
    expect(result.removed).toEqual(['post-1']);
  });

  it('never reports a story as added when retention drops it at once', () => {
    const result = mergeItems([stored(5), stored(6)], [item(1)], { ...options, retention: 2 });
    expect(result.added).toEqual([]);
    expect(result.removed).toEqual(['post-1']);
    expect(result.bodies).toEqual({});
  });

  describe('archive pages (Older stories, whole-blog search)', () => {
    const archive = { ...options, fromArchive: true };

    it('adds an archive page’s stories read and archived, so they neither count as unread nor notify as new', () => {
      const result = mergeItems([stored(5), stored(4)], [item(3), item(2)], archive);
      expect(result.stories.map((s) => [s.id, s.read, s.archived])).toEqual([
        ['post-5', false, undefined],
        ['post-4', false, undefined],
        ['post-3', true, true],
        ['post-2', true, true],
      ]);
      expect(result.added).toEqual(['post-3', 'post-2']);
      expect(result.bodies).toEqual({ 'post-3': '<p>Body 3</p>', 'post-2': '<p>Body 2</p>' });
    });

    it('leaves a story the reader already has as it was: unread stays unread, live stays live', () => {
      const result = mergeItems([stored(3), stored(2, { read: true })], [item(3), item(2)], archive);
      expect(result.changed).toBe(false);
      expect(result.stories.map((s) => [s.read, s.archived])).toEqual([
        [false, undefined],
        [true, undefined],
      ]);
    });

    it('keeps archive stories out of retention: a poll with news keeps them, up to their own cap, newest first', () => {
      const old = [stored(3, { read: true, archived: true }), stored(2, { read: true, archived: true })];
      const result = mergeItems([stored(5), stored(4), ...old], [item(6)], { ...options, retention: 3 });
      expect(result.stories.map((s) => s.id)).toEqual(['post-6', 'post-5', 'post-4', 'post-3', 'post-2']);
      const capped = mergeItems([stored(5), ...old, stored(1, { archived: true })], [], {
        ...options,
        archiveLimit: 2,
      });
      expect(capped.stories.map((s) => s.id)).toEqual(['post-5', 'post-3', 'post-2']);
      expect(capped.removed).toEqual(['post-1']);
    });

    it('moves a story that ages out of retention into the archive when archive stories are older, leaving no gap', () => {
      const old = stored(1, { read: true, archived: true });
      const result = mergeItems([stored(3), stored(2), old], [item(4)], { ...options, retention: 2 });
      expect(result.stories.map((s) => [s.id, s.archived])).toEqual([
        ['post-4', undefined],
        ['post-3', undefined],
        ['post-2', true],
        ['post-1', true],
      ]);
      expect(result.removed).toEqual([]);
      expect(result.changed).toBe(true);
      // Without archive stories behind it, retention drops it as before.
      const plain = mergeItems([stored(3), stored(2)], [item(4)], { ...options, retention: 2 });
      expect(plain.removed).toEqual(['post-2']);
    });

    it('drops a story past retention that is newer than no archive story (a saved old one does not count)', () => {
      const result = mergeItems([stored(3), stored(2), stored(1, { saved: T0 })], [item(4)], {
        ...options,
        retention: 2,
      });
      expect(result.removed).toEqual(['post-2']);
    });

    it('drops a story past retention that is older than every archive story (one a search found, say)', () => {
      const found = stored(5, { read: true, archived: true });
      const result = mergeItems([found, stored(4), stored(3), stored(2)], [], { ...options, retention: 2 });
      expect(result.removed).toEqual(['post-2']);
      expect(result.stories.map((s) => s.id)).toEqual(['post-5', 'post-4', 'post-3']);
    });

    it('counts moving a story into the archive as a change, and archive stories left as they were as none', () => {
      const old = stored(1, { read: true, archived: true });
      const moved = mergeItems([stored(3), stored(2), old], [], { ...options, retention: 1 });
      expect(moved).toMatchObject({ changed: true, added: [], updated: [], removed: [] });
      expect(moved.stories[1]).toMatchObject({ id: 'post-2', archived: true });
      const same = mergeItems([stored(3), old], [item(3)], { ...options, retention: 1 });
      expect(same.changed).toBe(false);
      expect(same.stories[1]).toBe(old);
    });

    it('gives archive stories bodies only within the budget, after every newer story', () => {
      const result = mergeItems([stored(3, { bodyBytes: 40 })], [item(2), item(1)], { ...archive, maxBodies: 2 });
      expect(Object.keys(result.bodies)).toEqual(['post-2']);
      expect(result.stories.at(-1)).toMatchObject({ id: 'post-1', archived: true, bodyDropped: true });
    });

    it('keeps an archive story archived through an edit', () => {
      const result = mergeItems(
        [stored(1, { archived: true, read: true })],
        [item(1, { contentHtml: '<p>Edited</p>' })],
        options,
      );
      expect(result.stories[0]).toMatchObject({ archived: true, read: true });
    });
  });

  it('keeps a saved story past the retention cap, with its body, and counts only the others', () => {
    const saved = stored(1, { saved: T0, bodyBytes: 40 });
    const result = mergeItems([saved, stored(2), stored(3)], [item(4), item(5)], { ...options, retention: 2 });
    expect(result.stories.map((s) => s.id)).toEqual(['post-5', 'post-4', 'post-1']);
    expect(result.removed).toEqual(['post-3', 'post-2']);
    expect(result.stories.at(-1)).toMatchObject({ saved: T0 });
    expect(result.stories.at(-1)!.bodyDropped).toBeUndefined();
    expect(result.bodiesDropped).toEqual([]);
  });

  it('keeps a saved story’s body past the newest maxBodies', () => {
    const result = mergeItems([stored(1, { saved: T0 }), stored(2)], [item(3)], { ...options, maxBodies: 1 });
    expect(result.stories.map((s) => [s.id, s.bodyDropped ?? false])).toEqual([
      ['post-3', false],
      ['post-2', true],
      ['post-1', false],
    ]);
    expect(result.bodiesDropped).toEqual(['post-2']);
  });

  it('charges saved bodies to the byte budget first: newer unsaved bodies get what is left', () => {
    const result = mergeItems([stored(1, { saved: T0, bodyBytes: 600 }), stored(2, { bodyBytes: 300 })], [], {
      ...options,
      bodyBudgetBytes: 800,
    });
    expect(result.bodiesDropped).toEqual(['post-2']);
    expect(result.stories.find((s) => s.id === 'post-1')!.bodyDropped).toBeUndefined();
    const roomy = mergeItems([stored(1, { saved: T0, bodyBytes: 600 }), stored(2, { bodyBytes: 300 })], [], {
      ...options,
      bodyBudgetBytes: 900,
    });
    expect(roomy.bodiesDropped).toEqual([]);
  });

  it('charges a saved body already dropped nothing, and keeps it saved', () => {
    const dropped = stored(1, { saved: T0, bodyDropped: true, bodyBytes: 600 });
    const result = mergeItems([dropped, stored(2, { bodyBytes: 300 })], [], { ...options, bodyBudgetBytes: 400 });
    expect(result).toMatchObject({ changed: false, bodiesDropped: [] });
  });

  it('keeps saved bodies even with no budget left (the poll’s storage-full fallback)', () => {
    const result = mergeItems([stored(1, { saved: T0, bodyBytes: 40 }), stored(2, { bodyBytes: 40 })], [], {
      ...options,
      bodyBudgetBytes: 0,
    });
    expect(result.bodiesDropped).toEqual(['post-2']);
    expect(result.stories.map((s) => s.bodyDropped ?? false)).toEqual([true, false]);
  });

  it('keeps a saved story saved through an edit', () => {
    const result = mergeItems([stored(1, { saved: T0 })], [item(1, { contentHtml: '<p>Edited</p>' })], options);
    expect(result.updated).toEqual(['post-1']);
    expect(result.stories[0]).toMatchObject({ saved: T0 });
    const plain = mergeItems([stored(1)], [item(1, { contentHtml: '<p>Edited</p>' })], options);
    expect(plain.stories[0]).not.toHaveProperty('saved');
  });

  it('drops the bodies of stories past the newest maxBodies, once, keeping their headlines', () => {
    const result = mergeItems([stored(1)], [item(2), item(3)], { ...options, maxBodies: 2 });
    expect(result.stories.map((s) => [s.id, s.bodyDropped ?? false])).toEqual([
      ['post-3', false],
      ['post-2', false],
      ['post-1', true],
    ]);
    expect(result.bodiesDropped).toEqual(['post-1']);
    expect(result.bodies).toEqual({ 'post-2': '<p>Body 2</p>', 'post-3': '<p>Body 3</p>' });
    const again = mergeItems(result.stories, [item(2), item(3)], { ...options, maxBodies: 2 });
    expect(again).toMatchObject({ changed: false, bodiesDropped: [] });
  });

  it.each<[string, Partial<FeedItem>]>([
    ['update time', { updated: T2 }],
    ['publication time', { published: '2026-01-01T12:00:00.000Z' }],
    ['title', { title: 'A real title at last' }],
    ['link', { link: 'https://www.smileband.co.uk/moved.html' }],
    ['picture', { image: 'https://blogger.googleusercontent.com/img/b/x/s400/y.jpg' }],
    ['author', { author: 'Someone Else' }],
    ['labels', { labels: ['UK', 'Politics'] }],
  ])('sees an edit to the %s alone, and keeps the story read', (_field, patch) => {
    const result = mergeItems([stored(1, { read: true })], [item(1, patch)], options);
    expect(result).toMatchObject({ changed: true, updated: ['post-1'], added: [] });
    expect(result.stories[0]).toMatchObject({ ...patch, read: true });
  });

  it('reports a poll that only drops an old body as a change, so the drop is written', () => {
    const first = mergeItems([], [item(1), item(2)], options);
    const result = mergeItems(first.stories, [item(1), item(2)], { ...options, maxBodies: 1 });
    expect(result).toMatchObject({ changed: true, added: [], updated: [], removed: [], bodiesDropped: ['post-1'] });
  });

  it('keeps bodies that fill the byte budget exactly, and drops the first that passes it', () => {
    const first = mergeItems([], [item(1), item(2)], options);
    const [newest, older] = first.stories;
    const exact = newest!.bodyBytes! + older!.bodyBytes!;
    const fits = mergeItems(first.stories, [], { ...options, bodyBudgetBytes: exact });
    expect(fits.bodiesDropped).toEqual([]);
    const over = mergeItems(first.stories, [], { ...options, bodyBudgetBytes: exact - 1 });
    expect(over.bodiesDropped).toEqual(['post-1']);
  });

  it('starts stories the reader had read before as read', () => {
    const result = mergeItems([], [item(1), item(2)], { ...options, readIds: new Set(['post-2']) });
    expect(result.stories.map((s) => [s.id, s.read])).toEqual([
      ['post-2', true],
      ['post-1', false],
    ]);
  });

  it('caps a stored body at its storage bytes and marks it truncated', () => {
    const result = mergeItems([], [item(1, { contentHtml: 'x'.repeat(5000) })], options);
    const body = result.bodies['post-1']!;
    expect(entryBytes('body:post-1', body)).toBeLessThanOrEqual(1000);
    expect(body.length).toBeGreaterThan(980);
    expect(result.stories[0]).toMatchObject({ truncated: true, bodyBytes: entryBytes('body:post-1', body) });
  });

  it('counts markup at the bytes the browser charges: 6 for each <', () => {
    const result = mergeItems([], [item(1, { contentHtml: '<'.repeat(5000) })], options);
    const body = result.bodies['post-1']!;
    expect(entryBytes('body:post-1', body)).toBeLessThanOrEqual(1000);
    expect(body.length).toBeLessThan(170);
  });

  it('records what a body that fits costs', () => {
    const result = mergeItems([], [item(1)], options);
    expect(result.stories[0]).toMatchObject({
      truncated: false,
      bodyBytes: entryBytes('body:post-1', '<p>Body 1</p>'),
    });
  });

  it('keeps bodies newest first within the byte budget; older stories keep only the headline', () => {
    const big = (n: number) => item(n, { contentHtml: 'y'.repeat(480) });
    const result = mergeItems([], [big(1), big(2), big(3), big(4), big(5)], { ...options, bodyBudgetBytes: 1100 });
    expect(Object.keys(result.bodies).sort()).toEqual(['post-4', 'post-5']);
    expect(result.stories.map((s) => [s.id, s.bodyDropped ?? false])).toEqual([
      ['post-5', false],
      ['post-4', false],
      ['post-3', true],
      ['post-2', true],
      ['post-1', true],
    ]);
    // Nothing was stored for them before: nothing to remove.
    expect(result.bodiesDropped).toEqual([]);
  });

  it('a later poll pushes stored bodies out of the budget, oldest first, and says which to remove', () => {
    const first = mergeItems(
      [],
      [1, 2, 3].map((n) => item(n, { contentHtml: 'y'.repeat(480) })),
      { ...options, bodyBudgetBytes: 1600 },
    );
    expect(first.bodiesDropped).toEqual([]);
    const second = mergeItems(first.stories, [item(4, { contentHtml: 'z'.repeat(480) })], {
      ...options,
      now: T2,
      bodyBudgetBytes: 1600,
    });
    expect(Object.keys(second.bodies)).toEqual(['post-4']);
    expect(second.bodiesDropped).toEqual(['post-1']);
    expect(second.stories.find((s) => s.id === 'post-1')!.bodyDropped).toBe(true);
    expect(second.stories.find((s) => s.id === 'post-2')!.bodyDropped).toBeUndefined();
  });

  it('never keeps an older body once a newer one did not fit', () => {
    const result = mergeItems(
      [],
      [item(1, { contentHtml: 'small' }), item(2, { contentHtml: 'z'.repeat(900) }), item(3, { contentHtml: 'new' })],
      { ...options, bodyBudgetBytes: 500 },
    );
    expect(Object.keys(result.bodies)).toEqual(['post-3']);
    expect(result.stories.map((s) => s.bodyDropped ?? false)).toEqual([false, true, true]);
  });

  it('takes in a new comment count, as an update that keeps the story’s read state', () => {
    const result = mergeItems(
      [stored(1, { read: true })],
      [item(1, { comments: 4, commentsLink: 'https://x.test/1#c' })],
      options,
    );
    expect(result.updated).toEqual(['post-1']);
    expect(result.stories[0]).toMatchObject({ comments: 4, commentsLink: 'https://x.test/1#c', read: true });
  });

  it.each([
    ['count', { comments: 5 }],
    ['page', { commentsLink: 'https://x.test/1#comments' }],
  ])('takes in a change of the comments %s alone', (_case, change) => {
    const before = { comments: 4, commentsLink: 'https://x.test/1#c' };
    const result = mergeItems([stored(1, before)], [item(1, { ...before, ...change })], options);
    expect(result.updated).toEqual(['post-1']);
    expect(result.stories[0]).toMatchObject({ ...before, ...change });
  });

  it('lets a story already without its body take no room from older ones', () => {
    const before = [stored(3, { bodyDropped: true, bodyBytes: 600 }), stored(2, { bodyBytes: 50 })];
    const result = mergeItems(before, [item(4)], { ...options, bodyBudgetBytes: 300 });
    expect(result.stories.map((s) => [s.id, s.bodyDropped ?? false])).toEqual([
      ['post-4', false],
      ['post-3', true],
      ['post-2', false],
    ]);
    expect(result.bodiesDropped).toEqual([]);
  });

  it('asks to remove no body for an edited story whose body was dropped before', () => {
    const edited = item(1, { updated: T1, contentHtml: '<p>New body</p>' });
    const result = mergeItems([stored(1, { bodyDropped: true })], [edited], { ...options, bodyBudgetBytes: 0 });
    expect(result.updated).toEqual(['post-1']);
    expect(result.stories[0]!.bodyDropped).toBe(true);
    expect(result.bodiesDropped).toEqual([]);
  });

  it('a budget of zero keeps every headline and no body', () => {
    const result = mergeItems([stored(1, { bodyBytes: 100 })], [item(2), item(3)], { ...options, bodyBudgetBytes: 0 });
    expect(result.stories.map((s) => s.id)).toEqual(['post-3', 'post-2', 'post-1']);
    expect(result.bodies).toEqual({});
    expect(result.bodiesDropped).toEqual(['post-1']);
  });

  it('an undated story takes the time it was first seen, and keeps it on later polls', () => {
    const undated = item(7, {
      published: '2026-05-05T00:00:00.000Z',
      updated: '2026-05-05T00:00:00.000Z',
      undated: true,
    });
    const first = mergeItems([], [undated], options);
    expect(first.stories[0]).toMatchObject({ published: T1, updated: T1 });
    const later = { ...undated, published: '2026-06-06T00:00:00.000Z', updated: '2026-06-06T00:00:00.000Z' };
    const second = mergeItems(first.stories, [later], { ...options, now: T2 });
    expect(second).toMatchObject({ changed: false, updated: [] });
  });

  it('an undated story stored with a date far ahead (before dates were bounded) takes the poll’s time', () => {
    const undated = item(7, { published: T2, updated: T2, undated: true });
    const far = stored(7, { published: '9999-12-31T23:59:59.000Z', updated: '9999-12-31T23:59:59.000Z' });
    const result = mergeItems([far], [undated], options);
    expect(result.stories[0]).toMatchObject({ published: T1, updated: T1 });
    // A day ahead is a clock's error, not a wrong date: it stays.
    const ahead = new Date(Date.parse(T1) + 86_400e3).toISOString();
    const kept = mergeItems([stored(7, { published: ahead, updated: ahead })], [undated], options);
    expect(kept.stories[0]).toMatchObject({ published: ahead });
  });
});
