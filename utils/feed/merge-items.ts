import { hashString } from './hash';
import type { FeedItem, StoryMeta } from './types';

export { hashString };

export interface MergeOptions {
  /** ISO time of this poll. */
  now: string;
  /** How many stories to keep, newest first. */
  retention: number;
  /** Longest body stored, in characters. */
  maxBodyChars: number;
  /** How many of the newest stories keep their bodies. */
  maxBodies: number;
  /** Ids the reader had read before (a feed they switched back to): they arrive read. */
  readIds?: ReadonlySet<string>;
}

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
  const byId = new Map(stored.map((story) => [story.id, story]));
  const bodies: Record<string, string> = {};
  const added: string[] = [];
  const updated: string[] = [];
  for (const item of incoming) {
    const previous = byId.get(item.id);
    const contentHash = hashString(item.contentHtml);
    if (previous && !isEdited(previous, item, contentHash)) continue;
    const { contentHtml, ...fields } = item;
    const truncated = contentHtml.length > options.maxBodyChars;
    byId.set(item.id, {
      ...fields,
      read: previous?.read ?? options.readIds?.has(item.id) ?? false,
      firstSeen: previous?.firstSeen ?? options.now,
      truncated,
      contentHash,
    });
    bodies[item.id] = truncated ? contentHtml.slice(0, options.maxBodyChars) : contentHtml;
    (previous ? updated : added).push(item.id);
  }
  const sorted = [...byId.values()].sort(newestFirst);
  const kept = sorted.slice(0, Math.max(0, options.retention));
  const removed = sorted.slice(kept.length).map((story) => story.id);
  for (const id of removed) delete bodies[id];
  const bodiesDropped: string[] = [];
  for (let i = options.maxBodies; i < kept.length; i++) {
    const story = kept[i]!;
    delete bodies[story.id];
    if (story.bodyDropped) continue;
    kept[i] = { ...story, bodyDropped: true };
    bodiesDropped.push(story.id);
  }
  const gone = new Set(removed);
  return {
    stories: kept,
    bodies,
    added: added.filter((id) => !gone.has(id)),
    updated,
    removed,
    bodiesDropped,
    changed: added.length > 0 || updated.length > 0 || removed.length > 0 || bodiesDropped.length > 0,
  };
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
    previous.labels.join('\n') !== item.labels.join('\n')
  );
}
