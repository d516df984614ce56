import { describe, expect, it } from 'vitest';
import {
  applySync,
  decodeSync,
  EMPTY_SYNC,
  encodeSync,
  fromText,
  MAX_AHEAD_SECONDS,
  mergeSync,
  storyKey,
  SYNC_ITEM_CHARS,
  syncRound,
  syncTime,
  toText,
  withMarks,
  type Mark,
  type SyncState,
} from '@/utils/stories/read-sync';
import * as release010 from '../../fixtures/release-0.1.0/read-sync';
import { story } from '../../support/stories';
import type { StoryMeta } from '@/utils/feed/types';

const NOW = Date.parse('2026-02-03T09:00:00Z');
const T = syncTime(NOW);
/** Story n (the shared factory) with a Blogger-length id. */
const post = (n: number, patch: Partial<StoryMeta> = {}) =>
  story(n, {
    id: `tag:blogger.com,1999:blog-4412077813695013120.post-73512948701234${String(n).padStart(5, '0')}`,
    ...patch,
  });
const key = (n: number) => storyKey(post(n).id);

/** A document of read marks made in one go (linear: withMarks copies the map on every call). */
function readMarks(stories: readonly StoryMeta[], mark: (s: StoryMeta, n: number) => Mark): SyncState {
  return { ...EMPTY_SYNC, read: new Map(stories.map((s, n) => [storyKey(s.id), mark(s, n)])) };
}

/** What Chrome charges for the items: key plus JSON value, each at most 8,192; all at most 102,400. */
function quota(items: Record<string, string>) {
  const sizes = Object.entries(items).map(([k, value]) => k.length + JSON.stringify(value).length);
  return { total: sizes.reduce((a, b) => a + b, 0), largest: Math.max(...sizes), count: sizes.length };
}

describe('storyKey', () => {
  it('is eight base-36 characters, the same for the same id and different for 10,000 ids', () => {
    const keys = new Set(Array.from({ length: 10_000 }, (_, n) => storyKey(post(n).id)));
    expect(keys.size).toBe(10_000);
    expect([...keys].every((k) => /^[0-9a-z]{8}$/.test(k))).toBe(true);
    expect(storyKey(post(1).id)).toBe(storyKey(post(1).id));
  });
});

describe('marks and their merge', () => {
  it('keeps every read mark of both browsers (a union of reads)', () => {
    const a = withMarks(EMPTY_SYNC, 'read', [post(1).id], true, T);
    const b = withMarks(EMPTY_SYNC, 'read', [post(2).id], true, T + 5);
    expect(applySync([post(1), post(2), post(3)], mergeSync(a, b)).map((s) => s.read)).toEqual([true, true, false]);
  });

  it('lets the later mark win where both marked a story: a later unread beats a read, and back', () => {
    const read = withMarks(EMPTY_SYNC, 'read', [post(1).id], true, T);
    const unread = withMarks(EMPTY_SYNC, 'read', [post(1).id], false, T + 60);
    expect(applySync([post(1, { read: true })], mergeSync(read, unread))[0]!.read).toBe(false);
    expect(applySync([post(1, { read: true })], mergeSync(unread, read))[0]!.read).toBe(false);
    const readAgain = withMarks(unread, 'read', [post(1).id], true, T + 120);
    expect(applySync([post(1)], mergeSync(unread, readAgain))[0]!.read).toBe(true);
  });

  it('keeps the read and the save on a tie, whichever browser’s document comes first', () => {
    for (const kind of ['read', 'saved'] as const) {
      const on = withMarks(EMPTY_SYNC, kind, [post(1).id], true, T);
      const off = withMarks(EMPTY_SYNC, kind, [post(1).id], false, T);
      expect(mergeSync(on, off)[kind].get(key(1))).toEqual([true, T]);
      expect(mergeSync(off, on)[kind].get(key(1))).toEqual([true, T]);
    }
  });

  it('carries the Saved shelf: saved elsewhere is saved here, with its time; taken off later, taken off', () => {
    const saved = withMarks(EMPTY_SYNC, 'saved', [post(1).id], true, T);
    const [here] = applySync([post(1)], saved);
    expect(here!.saved).toBe(new Date(NOW).toISOString());
    const off = withMarks(saved, 'saved', [post(1).id], false, T + 10);
    const [taken] = applySync([{ ...here!, read: true }], off);
    expect(taken).toMatchObject({ id: here!.id, headline: here!.headline, read: true });
    expect(taken).not.toHaveProperty('saved');
  });

  it('changes nothing, and returns the same list, when the document agrees or says nothing', () => {
    const list = [post(1, { read: true }), post(2), post(3, { saved: '2026-02-01T00:00:00.000Z' })];
    let state = withMarks(EMPTY_SYNC, 'read', [post(1).id], true, T);
    state = withMarks(state, 'saved', [post(3).id], true, T);
    expect(applySync(list, state)).toBe(list);
    expect(applySync(list, EMPTY_SYNC)).toBe(list);
  });

  it('never reads a story as read by date: a story the document does not mark stays as it is here', () => {
    // The first format's "read up to" marked every older story read; marks are per story only.
    const state = readMarks([post(1)], () => [true, T]);
    expect(applySync([post(2), post(1), post(0)], state).map((s) => s.read)).toEqual([false, true, false]);
  });

  it('fills the Saved shelf from the document only up to its limit, newest saves first', () => {
    const stories = Array.from({ length: 300 }, (_, n) =>
      post(n + 1, n < 5 ? { saved: '2026-02-01T00:00:00.000Z' } : {}),
    );
    const saves = { ...EMPTY_SYNC, saved: new Map(stories.map((s, n) => [storyKey(s.id), [true, T - n] as Mark])) };
    const applied = applySync(stories, saves, 20);
    const shelf = applied.filter((s) => s.saved).map((s) => s.id);
    expect(shelf).toHaveLength(20);
    // The five saved here stay, and the fifteen newest saves from elsewhere join them.
    expect(shelf).toEqual(stories.slice(0, 20).map((s) => s.id));
    // A save the document takes off frees its place for the next.
    const off = withMarks(saves, 'saved', [stories[0]!.id], false, T + 1);
    const next = applySync(applied, off, 20).filter((s) => s.saved);
    expect(next.map((s) => s.id)).toEqual(stories.slice(1, 21).map((s) => s.id));
  });
});

describe('the document in storage.sync', () => {
  it('round-trips read, unread, saved and unsaved marks exactly, in two items', () => {
    let state = withMarks(EMPTY_SYNC, 'read', [post(1).id, post(2).id], true, T);
    state = withMarks(state, 'read', [post(3).id], false, T + 1);
    state = withMarks(state, 'saved', [post(1).id], true, T + 2);
    state = withMarks(state, 'saved', [post(2).id], false, T + 3);
    const items = encodeSync(state);
    expect(Object.keys(items).sort()).toEqual(['rs', 'rs0']);
    expect(decodeSync(items, NOW)).toEqual(state);
  });

  it('holds 1,000 read stories whole, and of 10,000 the newest marks, every item under 8 KB', () => {
    for (const count of [1_000, 10_000]) {
      const stories = Array.from({ length: count }, (_, n) => post(n + 1, { read: n % 3 !== 0 }));
      const state = readMarks(stories, (s, n) => [s.read, T - n * 60]);
      const items = encodeSync(state);
      const size = quota(items);
      expect(size.total).toBeLessThanOrEqual(100_000);
      expect(size.largest).toBeLessThanOrEqual(8_192);
      expect(Object.values(items).every((value) => value.length <= SYNC_ITEM_CHARS)).toBe(true);
      const back = decodeSync(items, NOW);
      expect(back.read.get(key(1))).toEqual([false, T]);
      expect(back.read.get(key(2))).toEqual([true, T - 60]);
      if (count === 1_000) expect(back.read.size).toBe(1_000);
      else {
        // The oldest make room: they stay as each browser has them.
        expect(back.read.size).toBeGreaterThan(5_000);
        expect(back.read.has(storyKey(stories.at(-1)!.id))).toBe(false);
      }
    }
  });

  it('fills the room to the last mark that fits, saved marks first, newest first', () => {
    const state = readMarks(
      Array.from({ length: 50 }, (_, n) => post(n + 1)),
      (_, n) => [true, T - 1000 + n],
    );
    const full = toText(state);
    const one = full.split('|')[3]!.split(',')[0]!.length + 1;
    expect(toText(state, full.length)).toBe(full);
    for (const limit of [full.length - 1, full.length - one, 200]) {
      const text = toText(state, limit);
      expect(text.length).toBeLessThanOrEqual(limit);
      expect(text.length).toBeGreaterThan(limit - one - 1);
    }
    const withSaved = withMarks(state, 'saved', [post(60).id, post(61).id], true, T);
    expect(fromText(toText(withSaved, 60), NOW).saved.size).toBe(2);
    // The newest (made last, n = 50) is the first to stay.
    const kept = fromText(toText(state, 200), NOW).read;
    expect(kept.has(key(50))).toBe(true);
    expect(kept.has(key(1))).toBe(false);
  });

  it('reads an absent, partial or foreign document as empty, part by part', () => {
    const good = encodeSync(withMarks(EMPTY_SYNC, 'read', [post(1).id], true, T));
    expect(decodeSync(good, NOW).read.size).toBe(1);
    for (const parts of ['0', '1.5', '513', '-1', 'many'])
      expect(decodeSync({ ...good, rs: parts }, NOW)).toEqual(EMPTY_SYNC);
    expect(decodeSync({}, NOW)).toEqual(EMPTY_SYNC);
    expect(decodeSync({ rs: '512' }, NOW)).toEqual(EMPTY_SYNC);
    expect(decodeSync({ rs: '1', rs0: 5 }, NOW)).toEqual(EMPTY_SYNC);
    // A part still on its way: nothing of the document is taken, not even its first part's marks.
    expect(decodeSync({ rs: '2', rs0: '1||0|abcdefgh.1||2' }, NOW)).toEqual(EMPTY_SYNC);
    expect(decodeSync({ rs: '1', rs0: '9|x|y|z|w' }, NOW)).toEqual(EMPTY_SYNC);
    // A later format than this one: not guessed at.
    expect(decodeSync({ rs: '1', rs0: '1||0|abcdefgh.1||3' }, NOW)).toEqual(EMPTY_SYNC);
    const odd = decodeSync({ rs: '1', rs0: '1||0|bad,abcdefgh.1x,abcdefgh?1||2' }, NOW);
    expect([...odd.read]).toEqual([['abcdefgh', [true, 69]]]);
    // Marks of one kind do not read as the other.
    const mixed = decodeSync({ rs: '1', rs0: '1||0|abcdefgh*1,abcdefgi-1|abcdefgh.1,abcdefgi*2,abcdefgj-3|2' }, NOW);
    expect([...mixed.read.keys()]).toEqual([]);
    expect([...mixed.saved]).toEqual([
      ['abcdefgi', [true, 2]],
      ['abcdefgj', [false, 3]],
    ]);
  });
});

describe('time from another browser', () => {
  it('takes a mark from a wrong clock as made a day ahead at most, so a later real mark wins', () => {
    const far = fromText(`1||0|${key(1)}.zzzzzzzz,${key(2)}.${(T + 60).toString(36)}|${key(3)}*zzzzzzzz|2`, NOW);
    expect(far.read.get(key(1))).toEqual([true, T + MAX_AHEAD_SECONDS]);
    expect(far.saved.get(key(3))).toEqual([true, T + MAX_AHEAD_SECONDS]);
    // An hour ahead is another browser's clock: taken as it is.
    expect(far.read.get(key(2))).toEqual([true, T + 60]);
    // Two days later the reader marks it unread here: that wins, and stays won.
    const later = NOW + 2 * 86_400e3;
    const unread = withMarks(EMPTY_SYNC, 'read', [post(1).id], false, syncTime(later));
    const round = syncRound(unread, encodeSync(far), [post(1, { read: true })], later);
    expect(round.stories[0]!.read).toBe(false);
    expect(decodeSync(round.items!, later).read.get(key(1))).toEqual([false, syncTime(later)]);
  });

  it('writes back the bounded time, not the one it read', () => {
    const items = { rs: '1', rs0: `1||0|${key(1)}.zzzzzzzz||2` };
    const round = syncRound(EMPTY_SYNC, items, [], NOW);
    expect(round.items!.rs0).toBe(`1||0|${key(1)}.${(T + MAX_AHEAD_SECONDS).toString(36)}||2`);
  });
});

describe('the first format (release 0.1.0)', () => {
  it('is read: its marks are taken, its "read up to" is not', () => {
    let old: release010.SyncState = { ...release010.EMPTY_SYNC, upTo: post(3).published, upAt: T - 50 };
    old = release010.withMarks(old, 'read', [post(1).id], true, T - 10);
    old = release010.withMarks(old, 'saved', [post(2).id], true, T - 20);
    const state = decodeSync(release010.encodeSync(old, [], NOW).items, NOW);
    expect([...state.read]).toEqual([[key(1), [true, T - 10]]]);
    expect([...state.saved]).toEqual([[key(2), [true, T - 20]]]);
    expect(applySync([post(5), post(3), post(1)], state).map((s) => s.read)).toEqual([false, false, true]);
  });

  it('reads this format: the same marks, and nothing read by date', () => {
    let state = withMarks(EMPTY_SYNC, 'read', [post(1).id], true, T);
    state = withMarks(state, 'read', [post(2).id], false, T + 1);
    state = withMarks(state, 'saved', [post(3).id], true, T + 2);
    const old = release010.decodeSync(encodeSync(state));
    expect(old.upTo).toBe('');
    expect(old.read).toEqual(state.read);
    expect(old.saved).toEqual(state.saved);
  });
});
