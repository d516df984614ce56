// Read and saved state shared across the reader's browsers through storage.sync, whose quotas are
// small (Chrome: 102,400 bytes in all, 8,192 an item, 512 items): a compact document of marks.
// Pure: the worker reads and writes the areas (entrypoints/background/sync.ts).
//
// Only the reader's own acts become marks, one per story, each with its time. The document never
// claims a story by date: a browser cannot know that another holds every post it holds, so any
// "read up to" would mark read stories the reader never saw (the first format's flaw, see
// fromText). The properties this keeps are tested on generated histories (tests/unit/sync):
// - merge is commutative, associative and idempotent;
// - a story is read in a browser only if the reader read it in some browser, or it arrived read there;
// - the later of two marks wins, and a tie keeps read / saved;
// - what does not fit the quota loses its oldest marks, which then stay as each browser has them.
import { MAX_AHEAD_MS } from '../feed/limits';
import { SAVED_LIMIT } from './saved';
import type { StoryMeta } from '../feed/types';

/** One mark: the state the reader gave a story, and when (seconds since SYNC_EPOCH). */
export type Mark = readonly [on: boolean, at: number];

export interface SyncState {
  /** Per story key (storyKey): read or unread. */
  read: Map<string, Mark>;
  /** Per story key: saved or taken off the shelf. */
  saved: Map<string, Mark>;
}

export const EMPTY_SYNC: SyncState = { read: new Map(), saved: new Map() };

/** Mark times count seconds from here: six base-36 digits last until 2090. */
const SYNC_EPOCH_MS = Date.UTC(2024, 0, 1);

export function syncTime(ms: number): number {
  return Math.max(0, Math.floor((ms - SYNC_EPOCH_MS) / 1000));
}

/** How far ahead of this browser's clock a mark may be: another browser's clock may be a day off. */
export const MAX_AHEAD_SECONDS = MAX_AHEAD_MS / 1000;

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

/** Marks the reader just made, at `at` (seconds): they replace this browser's earlier marks. */
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
  return { read: mergeMarks(a.read, b.read), saved: mergeMarks(a.saved, b.saved) };
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

/**
 * The stories as the document has them: read state, and the Saved shelf (a story saved elsewhere
 * keeps the time it was saved there) up to the shelf's limit, newest saves first. A story the
 * document says nothing of stays as it is. Returns the same array when nothing changes.
 */
export function applySync(stories: readonly StoryMeta[], state: SyncState, shelf = SAVED_LIMIT): StoryMeta[] {
  const saves = shelfSaves(stories, state, shelf);
  let changed = false;
  const next = stories.map((story) => {
    const key = storyKey(story.id);
    const read = state.read.get(key);
    const saved = state.saved.get(key);
    let result = story;
    if (read && read[0] !== story.read) result = { ...result, read: read[0] };
    const savedAt = saves.get(story.id);
    if (savedAt !== undefined) result = { ...result, saved: new Date(SYNC_EPOCH_MS + savedAt * 1000).toISOString() };
    else if (saved && !saved[0] && story.saved) {
      result = { ...result };
      delete result.saved;
    }
    if (result !== story) changed = true;
    return result;
  });
  return changed ? next : (stories as StoryMeta[]);
}

/** The stories the document saves that are not on the shelf here, newest saves first, while there is room. */
function shelfSaves(stories: readonly StoryMeta[], state: SyncState, shelf: number): Map<string, number> {
  const wanted: [id: string, at: number][] = [];
  let onShelf = 0;
  for (const story of stories) {
    const mark = story.saved ? undefined : state.saved.get(storyKey(story.id));
    // A story the document takes off the shelf frees its place.
    if (story.saved && state.saved.get(storyKey(story.id))?.[0] !== false) onShelf++;
    if (mark?.[0]) wanted.push([story.id, mark[1]]);
  }
  wanted.sort((x, y) => y[1] - x[1]);
  return new Map(wanted.slice(0, Math.max(0, shelf - onShelf)));
}

/** The largest document written, in all (under Chrome's 102,400 bytes, with room for keys). */
export const SYNC_DOC_CHARS = 96_000;
/** One item's value (under Chrome's 8,192 bytes an item, key and JSON quotes included). */
export const SYNC_ITEM_CHARS = 8_000;
/** This browser's own copy keeps more (storage.local is larger): about 20,000 marks. */
export const LOCAL_DOC_CHARS = 320_000;
export const SYNC_PREFIX = 'rs';

/** The document as storage.sync items: `rs` says how many parts follow, `rs0`… hold them. */
export function encodeSync(state: SyncState): Record<string, string> {
  const text = toText(state, SYNC_DOC_CHARS);
  const items: Record<string, string> = {};
  const parts = Math.max(1, Math.ceil(text.length / SYNC_ITEM_CHARS));
  for (let i = 0; i < parts; i++)
    items[`${SYNC_PREFIX}${i}`] = text.slice(i * SYNC_ITEM_CHARS, (i + 1) * SYNC_ITEM_CHARS);
  items[SYNC_PREFIX] = String(parts);
  return items;
}

/** This format's number, last in the text: the first format had none. */
export const SYNC_FORMAT = 2;

/**
 * The document as text, at most `limit` characters: saved marks first (the shelf is small and
 * precious), then read marks, each newest first, as many as fit. The first format's layout is kept,
 * with its "read up to" empty, so the release before this one still reads the marks.
 */
export function toText(state: SyncState, limit = Infinity): string {
  const head = '1||0|';
  const tail = `|${SYNC_FORMAT}`;
  // Each mark is charged its length and one separator: a comma, or the `|` between the fields.
  let room = limit - head.length - tail.length;
  const fit = (map: ReadonlyMap<string, Mark>, on: string, off: string) => {
    const kept: string[] = [];
    // Newest first, then by key: the same marks make the same text in every browser (no write
    // goes back and forth over an order), and the same marks are the ones that fit.
    for (const [key, [value, at]] of [...map].sort((x, y) => y[1][1] - x[1][1] || (x[0] < y[0] ? -1 : 1))) {
      const mark = `${key}${value ? on : off}${at.toString(36)}`;
      if (room < mark.length + 1) break;
      room -= mark.length + 1;
      kept.push(mark);
    }
    return kept.join(',');
  };
  const saved = fit(state.saved, '*', '-');
  return `${head}${fit(state.read, '.', '!')}|${saved}${tail}`;
}

/** The document from storage.sync items; an absent, partial or foreign one reads as empty. */
export function decodeSync(items: Record<string, unknown>, now: number): SyncState {
  const parts = Number(items[SYNC_PREFIX]);
  if (!Number.isInteger(parts) || parts < 1 || parts > 512) return EMPTY_SYNC;
  let text = '';
  for (let i = 0; i < parts; i++) {
    const part = items[`${SYNC_PREFIX}${i}`];
    if (typeof part !== 'string') return EMPTY_SYNC;
    text += part;
  }
  return fromText(text, now);
}

/**
 * The document from its text (toText); anything else reads as empty. A mark from more than a day
 * ahead of `now` (ms) is taken as made a day ahead: a wrong clock cannot win forever, and what is
 * written back is the bounded time.
 *
 * The first format (no number last) also carried "read up to" a date: every story published
 * before it counted as read, in every browser, whether or not that browser's reader had seen it.
 * Its marks are taken; the date is not (each browser already holds the read state it applied).
 */
export function fromText(text: string, now: number): SyncState {
  const fields = text.split('|');
  const [version, , , read, saved, format] = fields;
  if (version !== '1' || saved === undefined || (format !== undefined && format !== String(SYNC_FORMAT)))
    return EMPTY_SYNC;
  const latest = syncTime(now) + MAX_AHEAD_SECONDS;
  return { read: readMarks(read!, '.', '!', latest), saved: readMarks(saved, '*', '-', latest) };
}

function readMarks(text: string, on: string, off: string, latest: number): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  // A `-` last in a character class is itself: no escape needed.
  const pattern = new RegExp(`^([0-9a-z]{8})([${on}${off}])([0-9a-z]{1,8})$`);
  for (const part of text.split(',')) {
    const match = pattern.exec(part);
    if (match) marks.set(match[1]!, [match[2] === on, Math.min(parseInt(match[3]!, 36), latest)]);
  }
  return marks;
}

/** What one exchange with storage.sync leaves: the items to write (null: they are there already), the copy and the stories here. */
export interface SyncRound {
  items: Record<string, string> | null;
  local: SyncState;
  stories: StoryMeta[];
}

/**
 * One exchange: this browser's copy merged with what storage.sync holds, the stories here made to
 * agree, and the merged document to write. The copy here keeps every mark (up to LOCAL_DOC_CHARS):
 * a mark that no longer fits storage.sync must not lose here to an older mark still there.
 */
export function syncRound(
  local: SyncState,
  remote: Record<string, unknown>,
  stories: readonly StoryMeta[],
  now: number,
  /** False for a pull: nothing will be written, so the document is not encoded. */
  write = true,
): SyncRound {
  const merged = mergeSync(local, decodeSync(remote, now));
  const items = write ? encodeSync(merged) : null;
  const same = !items || Object.entries(items).every(([key, value]) => remote[key] === value);
  return { items: same ? null : items, local: merged, stories: applySync(stories, merged) };
}
