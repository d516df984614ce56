// Read and saved state shared across the reader's browsers through storage.sync, whose quotas are
// small (Chrome: 102,400 bytes in all, 8,192 an item, 512 items): a compact document of marks.
// Pure: the worker reads and writes the areas (entrypoints/background/sync.ts).
import type { StoryMeta } from '../feed/types';

/** One mark: the state the reader gave a story, and when (seconds since SYNC_EPOCH). */
export type Mark = readonly [on: boolean, at: number];

export interface SyncState {
  /**
   * Every story published at or before this (ISO) was read as of `upAt`, unless a later mark says
   * otherwise: "read up to", which keeps thousands of read stories to a few bytes. '' for none.
   */
  upTo: string;
  upAt: number;
  /** Per story key (storyKey): read or unread. */
  read: Map<string, Mark>;
  /** Per story key: saved or taken off the shelf. */
  saved: Map<string, Mark>;
}

export const EMPTY_SYNC: SyncState = { upTo: '', upAt: 0, read: new Map(), saved: new Map() };

/** Mark times count seconds from here: six base-36 digits last until 2090. */
const SYNC_EPOCH_MS = Date.UTC(2024, 0, 1);

export function syncTime(ms: number): number {
  return Math.max(0, Math.floor((ms - SYNC_EPOCH_MS) / 1000));
}

/**
 * A story's key in the document: 8 base-36 characters of two 32-bit hashes of its id (Blogger's
 * ids run to 70 characters). Two stories sharing one would share a mark; among 10,000 stories the
 * odds are about one in 60,000.
 */
export function storyKey(id: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  const value = ((a >>> 0) % 0x10000) * 0x100000000 + (b >>> 0);
  return value.toString(36).padStart(8, '0').slice(-8);
}

/** Marks the reader just made, at `at` (seconds): the later of two marks for a story wins. */
export function withMarks(
  state: SyncState,
  kind: 'read' | 'saved',
  ids: readonly string[],
  on: boolean,
  at: number,
): SyncState {
  const marks = new Map(state[kind]);
  for (const id of ids) marks.set(storyKey(id), [on, at]);
  return { ...state, [kind]: marks };
}

/** Two browsers' documents as one: every mark kept, the later one where both marked a story. */
export function mergeSync(a: SyncState, b: SyncState): SyncState {
  const later = a.upTo > b.upTo || (a.upTo === b.upTo && a.upAt >= b.upAt) ? a : b;
  return { upTo: later.upTo, upAt: later.upAt, read: mergeMarks(a.read, b.read), saved: mergeMarks(a.saved, b.saved) };
}

function mergeMarks(a: ReadonlyMap<string, Mark>, b: ReadonlyMap<string, Mark>): Map<string, Mark> {
  const merged = new Map(a);
  for (const [key, mark] of b) {
    const mine = merged.get(key);
    // Equal times: read and saved win, so a mark is never lost to a tie.
    if (!mine || mark[1] > mine[1] || (mark[1] === mine[1] && mark[0])) merged.set(key, mark);
  }
  return merged;
}

/** What the document says of a story: read and saved, or undefined where it says nothing. */
export function syncedState(state: SyncState, story: Pick<StoryMeta, 'id' | 'published'>) {
  const key = storyKey(story.id);
  const mark = state.read.get(key);
  const bulk = state.upTo !== '' && story.published <= state.upTo;
  let read: boolean | undefined = mark?.[0];
  if (bulk && (!mark || mark[1] < state.upAt)) read = true;
  return { read, saved: state.saved.get(key) };
}

/**
 * The stories as the document has them: read state, and the Saved shelf (a story saved elsewhere
 * keeps the time it was saved there). Returns the same array when nothing changes.
 */
export function applySync(stories: readonly StoryMeta[], state: SyncState): StoryMeta[] {
  let changed = false;
  const next = stories.map((story) => {
    const synced = syncedState(state, story);
    let result = story;
    if (synced.read !== undefined && synced.read !== story.read) result = { ...result, read: synced.read };
    const saved = synced.saved;
    if (saved && saved[0] !== !!story.saved) {
      if (saved[0]) result = { ...result, saved: new Date(SYNC_EPOCH_MS + saved[1] * 1000).toISOString() };
      else {
        result = { ...result };
        delete result.saved;
      }
    }
    if (result !== story) changed = true;
    return result;
  });
  return changed ? next : (stories as StoryMeta[]);
}

/** The largest document written, in all (under Chrome's 102,400 bytes, with room for keys). */
export const SYNC_DOC_CHARS = 96_000;
/** One item's value (under Chrome's 8,192 bytes an item, key and JSON quotes included). */
export const SYNC_ITEM_CHARS = 8_000;
export const SYNC_PREFIX = 'rs';

/**
 * The document as storage.sync items: `rs` says how many parts follow, `rs0`… hold them. Before it
 * is written, "read up to" advances over the stories known here: the newest time at or before
 * which every story here is read takes the place of their marks. What still exceeds the document's
 * size loses its oldest read marks first (they stay read here, and in any browser that has them).
 */
export function encodeSync(
  state: SyncState,
  stories: readonly Pick<StoryMeta, 'id' | 'published' | 'read'>[],
  now: number,
): { items: Record<string, string>; state: SyncState } {
  const compact = compactSync(state, stories, now);
  const text = toText(compact, SYNC_DOC_CHARS);
  const items: Record<string, string> = {};
  const parts = Math.max(1, Math.ceil(text.length / SYNC_ITEM_CHARS));
  for (let i = 0; i < parts; i++)
    items[`${SYNC_PREFIX}${i}`] = text.slice(i * SYNC_ITEM_CHARS, (i + 1) * SYNC_ITEM_CHARS);
  items[SYNC_PREFIX] = String(parts);
  return { items, state: fromText(text) };
}

/**
 * The document as text, at most `limit` characters: saved marks first (the shelf is small and
 * precious), then read marks, newest first, as many as fit.
 */
export function toText(state: SyncState, limit = Infinity): string {
  const marks = (map: ReadonlyMap<string, Mark>, on: string, off: string) =>
    [...map]
      .sort((x, y) => y[1][1] - x[1][1])
      .map(([key, [value, at]]) => `${key}${value ? on : off}${at.toString(36)}`);
  const read = marks(state.read, '.', '!');
  const saved = marks(state.saved, '*', '-').join(',');
  const head = `1|${state.upTo}|${state.upAt.toString(36)}|`;
  // Each mark costs its length and a separator: a comma before it, or the `|` after the last.
  let room = limit - head.length - saved.length;
  let keep = 0;
  while (keep < read.length && room >= read[keep]!.length + 1) room -= read[keep++]!.length + 1;
  return `${head}${read.slice(0, keep).join(',')}|${saved}`;
}

/** Marks younger than this stay marks: a browser's marks still on their way are weighed exactly. */
export const SETTLE_SECONDS = 3600;

/**
 * "Read up to" moved as far as the stories here allow: past every story, oldest first, that is read
 * and whose mark has settled. It takes the time of the newest mark it covers, so a later mark
 * unread from another browser still wins.
 */
function compactSync(
  state: SyncState,
  stories: readonly Pick<StoryMeta, 'id' | 'published' | 'read'>[],
  now: number,
): SyncState {
  const settled = syncTime(now) - SETTLE_SECONDS;
  const byTime = [...stories].sort((a, b) => a.published.localeCompare(b.published));
  let upTo = state.upTo;
  let upAt = state.upAt;
  const covered = new Set<string>();
  for (const story of byTime) {
    const key = storyKey(story.id);
    const mark = state.read.get(key);
    if (!story.read || (mark && mark[1] > settled)) break;
    if (story.published > upTo) upTo = story.published;
    if (mark && mark[1] > upAt) upAt = mark[1];
    covered.add(key);
  }
  if (upTo === state.upTo) return state;
  const read = new Map([...state.read].filter(([key]) => !covered.has(key)));
  return { ...state, upTo, upAt, read };
}

/** The document from storage.sync items; an absent, partial or foreign one reads as empty. */
export function decodeSync(items: Record<string, unknown>): SyncState {
  const parts = Number(items[SYNC_PREFIX]);
  if (!Number.isInteger(parts) || parts < 1 || parts > 512) return EMPTY_SYNC;
  let text = '';
  for (let i = 0; i < parts; i++) {
    const part = items[`${SYNC_PREFIX}${i}`];
    if (typeof part !== 'string') return EMPTY_SYNC;
    text += part;
  }
  return fromText(text);
}

/** The document from its text (toText); anything else reads as empty. */
export function fromText(text: string): SyncState {
  const [version, upTo, upAt, read, saved] = text.split('|');
  if (version !== '1' || saved === undefined) return EMPTY_SYNC;
  return {
    upTo: /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(upTo!) ? upTo! : '',
    upAt: parseInt(upAt!, 36) || 0,
    read: readMarks(read!, '.', '!'),
    saved: readMarks(saved, '*', '-'),
  };
}

function readMarks(text: string, on: string, off: string): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  // A `-` last in a character class is itself: no escape needed.
  const pattern = new RegExp(`^([0-9a-z]{8})([${on}${off}])([0-9a-z]{1,8})$`);
  for (const part of text.split(',')) {
    const match = pattern.exec(part);
    if (match) marks.set(match[1]!, [match[2] === on, parseInt(match[3]!, 36)]);
  }
  return marks;
}
