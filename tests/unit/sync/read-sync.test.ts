import { describe, expect, it } from 'vitest';
import {
  applySync,
  decodeSync,
  EMPTY_SYNC,
  encodeSync,
  mergeSync,
  SETTLE_SECONDS,
  storyKey,
  SYNC_ITEM_CHARS,
  syncTime,
  withMarks,
  fromText,
  toText,
  type SyncState,
} from '@/utils/sync/read-sync';
import { asStored, postItem } from '../../support/stories';
import type { StoryMeta } from '@/utils/feed/types';

const NOW = Date.parse('2026-02-03T09:00:00Z');
const T = syncTime(NOW);
/** Story n, published n hours before NOW, with a Blogger-length id. */
const story = (n: number, patch: Partial<StoryMeta> = {}) =>
  asStored(
    postItem(n, new Date(NOW - n * 3600e3).toISOString(), {
      id: `tag:blogger.com,1999:blog-4412077813695013120.post-73512948701234${String(n).padStart(5, '0')}`,
    }),
    patch,
  );

/** What Chrome charges for the items: key plus JSON value, each at most 8,192; all at most 102,400. */
function quota(items: Record<string, string>) {
  const sizes = Object.entries(items).map(([key, value]) => key.length + JSON.stringify(value).length);
  return { total: sizes.reduce((a, b) => a + b, 0), largest: Math.max(...sizes), count: sizes.length };
}

describe('storyKey', () => {
  it('is eight base-36 characters, the same for the same id and different for 10,000 ids', () => {
    const keys = new Set(Array.from({ length: 10_000 }, (_, n) => storyKey(story(n).id)));
    expect(keys.size).toBe(10_000);
    expect([...keys].every((key) => /^[0-9a-z]{8}$/.test(key))).toBe(true);
    expect(storyKey(story(1).id)).toBe(storyKey(story(1).id));
  });
});

describe('marks and their merge', () => {
  it('keeps every read mark of both browsers (a union of reads)', () => {
    const a = withMarks(EMPTY_SYNC, 'read', [story(1).id], true, T);
    const b = withMarks(EMPTY_SYNC, 'read', [story(2).id], true, T + 5);
    const merged = mergeSync(a, b);
    expect(applySync([story(1), story(2), story(3)], merged).map((s) => s.read)).toEqual([true, true, false]);
  });

  it('lets the later mark win where both marked a story: a later unread beats a read, and back', () => {
    const read = withMarks(EMPTY_SYNC, 'read', [story(1).id], true, T);
    const unread = withMarks(EMPTY_SYNC, 'read', [story(1).id], false, T + 60);
    expect(applySync([story(1, { read: true })], mergeSync(read, unread))[0]!.read).toBe(false);
    expect(applySync([story(1, { read: true })], mergeSync(unread, read))[0]!.read).toBe(false);
    const readAgain = withMarks(unread, 'read', [story(1).id], true, T + 120);
    expect(applySync([story(1)], mergeSync(unread, readAgain))[0]!.read).toBe(true);
    // A tie keeps the read: no read mark is lost to a clock that agrees to the second.
    const tie = withMarks(EMPTY_SYNC, 'read', [story(1).id], false, T);
    expect(applySync([story(1)], mergeSync(tie, read))[0]!.read).toBe(true);
  });

  it('carries the Saved shelf: saved elsewhere is saved here, with its time; taken off later, taken off', () => {
    const saved = withMarks(EMPTY_SYNC, 'saved', [story(1).id], true, T);
    const [here] = applySync([story(1)], saved);
    expect(here!.saved).toBe(new Date(NOW).toISOString());
    const off = withMarks(saved, 'saved', [story(1).id], false, T + 10);
    expect(applySync([here!], off)[0]).not.toHaveProperty('saved');
  });

  it('changes nothing, and returns the same list, when the document agrees', () => {
    const list = [story(1, { read: true }), story(2)];
    const state = withMarks(EMPTY_SYNC, 'read', [story(1).id], true, T);
    expect(applySync(list, state)).toBe(list);
  });
});

describe('the document in storage.sync', () => {
  it('round-trips: marks, saved marks and read-up-to', () => {
    let state: SyncState = withMarks(EMPTY_SYNC, 'read', [story(1).id, story(2).id], true, T);
    state = withMarks(state, 'read', [story(3).id], false, T + 1);
    state = withMarks(state, 'saved', [story(2).id], true, T + 2);
    const { items, state: written } = encodeSync(state, [], NOW);
    const back = decodeSync(items);
    expect(back).toEqual(written);
    expect([...back.read.values()]).toEqual(
      expect.arrayContaining([
        [true, T],
        [false, T + 1],
      ]),
    );
  });

  it('folds settled read marks of the oldest stories into "read up to"', () => {
    const stories = [story(5, { read: true }), story(4, { read: true }), story(3), story(2, { read: true })];
    const old = T - SETTLE_SECONDS - 10;
    const state = withMarks(
      EMPTY_SYNC,
      'read',
      stories.filter((s) => s.read).map((s) => s.id),
      true,
      old,
    );
    const { state: written } = encodeSync(state, stories, NOW);
    expect(written.upTo).toBe(story(4).published);
    expect(written.upAt).toBe(old);
    expect([...written.read.keys()]).toEqual([storyKey(story(2).id)]);
    // A browser that has none of it reads the same.
    expect(applySync([story(5), story(4), story(3), story(2)], written).map((s) => s.read)).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  it('keeps marks of the last hour as marks: another browser’s later unread still wins', () => {
    const stories = [story(2, { read: true }), story(1, { read: true })];
    const state = withMarks(EMPTY_SYNC, 'read', [story(2).id, story(1).id], true, T - 60);
    expect(encodeSync(state, stories, NOW).state).toEqual(state);
    const folded = encodeSync(state, stories, NOW + 2 * SETTLE_SECONDS * 1000).state;
    expect(folded.read.size).toBe(0);
    const unreadLater = withMarks(EMPTY_SYNC, 'read', [story(2).id], false, T);
    expect(applySync(stories, mergeSync(folded, unreadLater))[0]!.read).toBe(false);
  });

  it('holds 1,000 and 10,000 read stories well inside the quota, every item under 8 KB', () => {
    for (const count of [1_000, 10_000]) {
      const stories = Array.from({ length: count }, (_, n) => story(n + 1, { read: true }));
      // Read over the last week, so most marks have settled.
      const state = stories.reduce((acc, s, n) => withMarks(acc, 'read', [s.id], true, T - n * 60), EMPTY_SYNC);
      const { items } = encodeSync(state, stories, NOW);
      const size = quota(items);
      expect(size.largest).toBeLessThanOrEqual(8_192);
      expect(size.total).toBeLessThan(4_000);
      expect(
        applySync(
          stories.map((s) => ({ ...s, read: false })),
          decodeSync(items),
        ).every((s) => s.read),
      ).toBe(true);
    }
  });

  it('with 10,000 marks it cannot fold (every other story unread), keeps the newest marks within the quota', () => {
    const stories = Array.from({ length: 10_000 }, (_, n) => story(n + 1, { read: n % 2 === 0 }));
    const state = stories.reduce((acc, s, n) => withMarks(acc, 'read', [s.id], s.read, T - n * 60), EMPTY_SYNC);
    const { items } = encodeSync(state, stories, NOW);
    const size = quota(items);
    expect(size.total).toBeLessThanOrEqual(102_400);
    expect(size.largest).toBeLessThanOrEqual(8_192);
    expect(size.count).toBeLessThanOrEqual(512);
    const back = decodeSync(items);
    // The newest marks made it; the oldest did not.
    expect(back.read.get(storyKey(stories[0]!.id))).toEqual([true, T]);
    expect(back.read.get(storyKey(stories[1]!.id))).toEqual([false, T - 60]);
    expect(back.read.has(storyKey(stories[9_999]!.id))).toBe(false);
    expect(Object.values(items).every((value) => value.length <= SYNC_ITEM_CHARS)).toBe(true);
  });

  it('reads an absent, partial or foreign document as empty', () => {
    expect(decodeSync({})).toEqual(EMPTY_SYNC);
    expect(decodeSync({ rs: '2', rs0: '1|||' })).toEqual(EMPTY_SYNC);
    expect(decodeSync({ rs: '1', rs0: '9|x|y|z|w' })).toEqual(EMPTY_SYNC);
    expect(decodeSync({ rs: 'many' })).toEqual(EMPTY_SYNC);
    const odd = decodeSync({ rs: '1', rs0: '1|not a date|zz|bad,abcdefgh.1x,abcdefgh?1|' });
    expect(odd.upTo).toBe('');
    expect([...odd.read]).toEqual([['abcdefgh', [true, 69]]]);
  });
});

describe('the document at its edges', () => {
  const key = (n: number) => storyKey(story(n).id);

  it('takes the later "read up to" of two browsers, with its time, whichever comes first', () => {
    const early: SyncState = { ...EMPTY_SYNC, upTo: story(5).published, upAt: T - 100 };
    const late: SyncState = { ...EMPTY_SYNC, upTo: story(2).published, upAt: T - 200 };
    for (const merged of [mergeSync(early, late), mergeSync(late, early)]) {
      expect([merged.upTo, merged.upAt]).toEqual([story(2).published, T - 200]);
    }
    const sameLater = { ...early, upAt: T - 50 };
    for (const merged of [mergeSync(early, sameLater), mergeSync(sameLater, early)]) expect(merged.upAt).toBe(T - 50);
  });

  it('keeps the read on a tie, whichever browser’s document comes first', () => {
    const read = withMarks(EMPTY_SYNC, 'read', [story(1).id], true, T);
    const unread = withMarks(EMPTY_SYNC, 'read', [story(1).id], false, T);
    expect(mergeSync(read, unread).read.get(key(1))).toEqual([true, T]);
    expect(mergeSync(unread, read).read.get(key(1))).toEqual([true, T]);
  });

  it('reads "read up to" as read only up to its time, and a mark made at or after it as the mark says', () => {
    const state: SyncState = { ...EMPTY_SYNC, upTo: story(3).published, upAt: T };
    expect(applySync([story(4), story(3), story(2)], state).map((s) => s.read)).toEqual([true, true, false]);
    const unreadAt = withMarks(state, 'read', [story(4).id], false, T);
    expect(applySync([story(4)], unreadAt)[0]!.read).toBe(false);
    const unreadBefore = withMarks(state, 'read', [story(4).id], false, T - 1);
    expect(applySync([story(4)], unreadBefore)[0]!.read).toBe(true);
    expect(applySync([story(4)], EMPTY_SYNC)[0]!.read).toBe(false);
  });

  it('unsaving keeps the story as it was otherwise, and a story saved both here and there is left alone', () => {
    const saved = story(1, { saved: '2026-02-01T00:00:00.000Z', read: true });
    const off = withMarks(EMPTY_SYNC, 'saved', [saved.id], false, T);
    const [taken] = applySync([saved], off);
    expect(taken).toMatchObject({ id: saved.id, headline: saved.headline, read: true });
    expect(taken).not.toHaveProperty('saved');
    const list = [saved];
    expect(applySync(list, withMarks(EMPTY_SYNC, 'saved', [saved.id], true, T))).toBe(list);
  });

  it('round-trips saved marks and unread marks exactly', () => {
    let state = withMarks(EMPTY_SYNC, 'saved', [story(1).id], true, T + 2);
    state = withMarks(state, 'saved', [story(2).id], false, T + 3);
    state = withMarks(state, 'read', [story(3).id], false, T + 4);
    const { items } = encodeSync(state, [], NOW);
    expect(Object.keys(items).sort()).toEqual(['rs', 'rs0']);
    const back = decodeSync(items);
    expect(back.saved.get(key(1))).toEqual([true, T + 2]);
    expect(back.saved.get(key(2))).toEqual([false, T + 3]);
    expect(back.read.get(key(3))).toEqual([false, T + 4]);
  });

  it('fills the room to the last mark that fits, newest first, whatever order they were made in', () => {
    let state: SyncState = EMPTY_SYNC;
    for (let n = 1; n <= 50; n++) state = withMarks(state, 'read', [story(n).id], true, T - 1000 + n);
    const full = toText(state);
    const one = full.split('|')[3]!.split(',')[0]!.length + 1;
    expect(toText(state, full.length)).toBe(full);
    for (const limit of [full.length, full.length - 1, full.length - one, 200]) {
      const text = toText(state, limit);
      expect(text.length).toBeLessThanOrEqual(limit);
      expect(text.length).toBeGreaterThan(limit - one);
    }
    // Saved marks take their room first.
    const withSaved = withMarks(state, 'saved', [story(60).id, story(61).id], true, T);
    expect(toText(withSaved, 200).length).toBeLessThanOrEqual(200);
    expect(toText(withSaved, 200).length).toBeGreaterThan(200 - one);
    // The newest (n = 50) is first, and the first to stay.
    const kept = fromText(toText(state, 200)).read;
    expect(kept.has(key(50))).toBe(true);
    expect(kept.has(key(1))).toBe(false);
  });

  it('folds up to the newest settled story, with the newest mark it covers as its time', () => {
    const stories = [story(6, { read: true }), story(5, { read: true }), story(4, { read: true }), story(3)];
    const settledAt = T - SETTLE_SECONDS;
    let state = withMarks(EMPTY_SYNC, 'read', [story(6).id], true, settledAt - 500);
    state = withMarks(state, 'read', [story(5).id], true, settledAt - 100);
    state = withMarks(state, 'read', [story(4).id], true, settledAt);
    const { state: written } = encodeSync(state, [...stories].reverse(), NOW);
    expect([written.upTo, written.upAt, written.read.size]).toEqual([story(4).published, settledAt, 0]);
    // A story covered without a mark of its own leaves the time at the newest mark.
    const unmarked = new Map(state.read);
    unmarked.delete(key(4));
    const partly = encodeSync({ ...state, read: unmarked }, stories, NOW).state;
    expect([partly.upTo, partly.upAt]).toEqual([story(4).published, settledAt - 100]);
    // "Read up to" never moves back, and with nothing new to fold the document stays as it was.
    const ahead: SyncState = { ...state, upTo: story(1).published, upAt: settledAt - 1000 };
    expect(encodeSync(ahead, stories, NOW).state).toEqual(ahead);
    // A mark a second younger than the hour stays a mark, and stops the fold there.
    const young = withMarks(state, 'read', [story(4).id], true, settledAt + 1);
    const kept = encodeSync(young, stories, NOW).state;
    expect([kept.upTo, kept.upAt, [...kept.read.keys()]]).toEqual([story(5).published, settledAt - 100, [key(4)]]);
  });

  it('reads a document that is not ours as empty, part by part', () => {
    const good = encodeSync(withMarks(EMPTY_SYNC, 'read', [story(1).id], true, T), [], NOW).items;
    expect(decodeSync(good).read.size).toBe(1);
    for (const parts of ['0', '1.5', '513', '-1']) expect(decodeSync({ ...good, rs: parts })).toEqual(EMPTY_SYNC);
    expect(decodeSync({ rs: '512' })).toEqual(EMPTY_SYNC);
    expect(decodeSync({ rs: '1', rs0: 5 })).toEqual(EMPTY_SYNC);
    // A part still on its way: nothing of the document is taken, not even its first part's marks.
    expect(decodeSync({ rs: '2', rs0: '1||0|abcdefgh.1|' })).toEqual(EMPTY_SYNC);
    expect(decodeSync({ rs: '1', rs0: '1|||' })).toMatchObject({ upTo: '', upAt: 0 });
    expect(decodeSync({ rs: '1', rs0: '2||||' })).toEqual(EMPTY_SYNC);
    for (const upTo of ['x2026-02-03T09:00:00.000Z', '2026-02-03T09:00:00.000Zx']) {
      expect(decodeSync({ rs: '1', rs0: `1|${upTo}|0||` }).upTo).toBe('');
    }
    // Marks of one kind do not read as the other: a read mark among the saved ones is left out.
    const mixed = decodeSync({ rs: '1', rs0: '1||0|abcdefgh*1,abcdefgi-1|abcdefgh.1,abcdefgi*2,abcdefgj-3' });
    expect([...mixed.read.keys()]).toEqual([]);
    expect([...mixed.saved]).toEqual([
      ['abcdefgi', [true, 2]],
      ['abcdefgj', [false, 3]],
    ]);
  });
});
