import { hashString } from './hash';
import { MAX_AHEAD_MS } from './limits';
import { cutToBytes, entryBytes, UNKNOWN_BODY_BYTES } from './stored-size';
import type { FeedItem, StoryMeta } from './types';

export { hashString };

export interface MergeOptions {
  /** ISO time of this poll. */
  now: string;
  /** How many stories to keep, newest first. */
  retention: number;
  /** Largest body stored, in storage bytes (key and JSON value, as the browser counts them). */
  maxBodyBytes: number;
  /** Storage bytes all kept bodies may take together; the newest keep theirs first. */
  bodyBudgetBytes: number;
  /** How many of the newest stories keep their bodies at most, besides the saved ones. */
  maxBodies: number;
  /** Ids the reader had read before (a feed they switched back to): they arrive read. */
  readIds?: ReadonlySet<string>;
  /**
   * The items are an archive page the reader asked for: new ones arrive read and `archived`, so they
   * neither count as unread nor notify.
   */
  fromArchive?: boolean;
  /** Archive stories kept at most, newest first, apart from retention (default ARCHIVE_LIMIT). */
  archiveLimit?: number;
}

/** Stories fetched from the archive on request, kept at most (headlines; bodies within the budget). */
export const ARCHIVE_LIMIT = 1000;

export interface MergeResult {
  stories: StoryMeta[];
  /** Bodies to write: new stories and edited ones only. */
  bodies: Record<string, string>;
  added: string[];
  updated: string[];
  /** Stories dropped by the retention cap (their bodies go too). */
  removed: string[];
  /** Stories that keep their headline but lose their stored body. */
  bodiesDropped: string[];
  changed: boolean;
}

/**
 * Merges a poll's items into the stored stories by id. New stories arrive unread; an edited story
 * is updated in place and keeps its read state; stories gone from the feed stay until retention
 * pushes them out. Pure: the caller reads and writes storage.
 */
export function mergeItems(
  stored: readonly StoryMeta[],
  incoming: readonly FeedItem[],
  options: MergeOptions,
): MergeResult {
  const byIdStored = new Set(stored.filter((story) => !story.bodyDropped).map((story) => story.id));
  const byId = new Map(stored.map((story) => [story.id, story]));
  const bodies: Record<string, string> = {};
  const added: string[] = [];
  const updated: string[] = [];
  for (const item of incoming) {
    const previous = byId.get(item.id);
    const dated = withDates(item, previous, options.now);
    const contentHash = hashString(dated.contentHtml);
    if (previous && !isEdited(previous, dated, contentHash)) continue;
    const { contentHtml, ...fields } = dated;
    // The key as the browser stores it (utils/storage/index.ts bodyKey, without WXT's area prefix).
    const key = `body:${item.id}`;
    const body = cutToBytes(contentHtml, options.maxBodyBytes - entryBytes(key, ''));
    byId.set(item.id, {
      ...fields,
      read: previous?.read ?? (options.fromArchive || options.readIds?.has(item.id) || false),
      firstSeen: previous?.firstSeen ?? options.now,
      // A story once fetched from the archive stays there: the live feed has moved past it.
      ...((previous ? previous.archived : options.fromArchive) ? { archived: true as const } : {}),
      truncated: body.cut,
      contentHash,
      bodyBytes: entryBytes(key, '') - 2 + body.bytes,
      // An edit keeps the reader's shelf.
      ...(previous?.saved ? { saved: previous.saved } : {}),
    });
    bodies[item.id] = body.text;
    (previous ? updated : added).push(item.id);
  }
  // Retention counts the stories the reader has not saved: a saved one stays, however old. Archive
  // stories have a cap of their own; a story that ages out of retention while the reader has paged
  // the archive past it joins the archive, so the stored run of posts keeps no gap.
  const kept: StoryMeta[] = [];
  const removed: string[] = [];
  const archiveLimit = options.archiveLimit ?? ARCHIVE_LIMIT;
  const sorted = [...byId.values()].sort(newestFirst);
  const oldestArchived = sorted.findLast((story) => story.archived && !story.saved);
  let unsaved = 0;
  let archived = 0;
  let archivedNow = 0;
  for (const story of sorted) {
    if (story.saved) kept.push(story);
    else if (!story.archived && unsaved++ < options.retention) kept.push(story);
    else if (!story.archived && !(oldestArchived && newestFirst(story, oldestArchived) < 0)) removed.push(story.id);
    else if (archived++ >= archiveLimit) removed.push(story.id);
    else if (story.archived) kept.push(story);
    else {
      kept.push({ ...story, archived: true });
      archivedNow++;
    }
  }
  for (const id of removed) delete bodies[id];
  // Saved stories keep their bodies, and take their share of the byte budget first. The others'
  // bodies fit in what is left, strictly newest first: once one does not fit, every older one
  // gives way too, so the store always holds an unbroken run of the newest bodies.
  const bodiesDropped: string[] = [];
  let bodyCount = 0;
  let bodyBytes = 0;
  for (const story of kept) if (story.saved && !story.bodyDropped) bodyBytes += story.bodyBytes ?? UNKNOWN_BODY_BYTES;
  let full = false;
  for (let i = 0; i < kept.length; i++) {
    const story = kept[i]!;
    if (story.bodyDropped || story.saved) continue;
    const cost = story.bodyBytes ?? UNKNOWN_BODY_BYTES;
    full ||= bodyCount >= options.maxBodies || bodyBytes + cost > options.bodyBudgetBytes;
    if (!full) {
      bodyCount++;
      bodyBytes += cost;
      continue;
    }
    delete bodies[story.id];
    kept[i] = { ...story, bodyDropped: true };
    // Only a body stored before needs removing; a new one is simply not written.
    if (byIdStored.has(story.id)) bodiesDropped.push(story.id);
  }
  const gone = new Set(removed);
  return {
    stories: kept,
    bodies,
    added: added.filter((id) => !gone.has(id)),
    updated,
    removed,
    bodiesDropped,
    changed:
      added.length > 0 || updated.length > 0 || removed.length > 0 || bodiesDropped.length > 0 || archivedNow > 0,
  };
}

/**
 * An entry without dates of its own takes the time it was first seen, and keeps it: the feed's
 * fallback date moves with every post, which would otherwise read as an edit on every poll.
 */
function withDates(item: FeedItem, previous: StoryMeta | undefined, now: string): FeedItem {
  if (!item.undated) return item;
  // A date kept from before it was bounded (parseFeed's `latest`) is not kept: it would stay on top.
  const kept = previous && Date.parse(previous.published) <= Date.parse(now) + MAX_AHEAD_MS;
  const published = kept ? previous.published : now;
  return { ...item, published, updated: published };
}

export function newestFirst(a: StoryMeta, b: StoryMeta): number {
  return b.published.localeCompare(a.published) || b.firstSeen.localeCompare(a.firstSeen) || a.id.localeCompare(b.id);
}

function isEdited(previous: StoryMeta, item: FeedItem, contentHash: string): boolean {
  return (
    previous.contentHash !== contentHash ||
    previous.updated !== item.updated ||
    previous.published !== item.published ||
    previous.title !== item.title ||
    previous.link !== item.link ||
    previous.image !== item.image ||
    previous.author !== item.author ||
    previous.comments !== item.comments ||
    previous.commentsLink !== item.commentsLink ||
    previous.labels.join('\n') !== item.labels.join('\n')
  );
}
