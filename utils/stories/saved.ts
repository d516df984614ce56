import { UNKNOWN_BODY_BYTES } from '../feed/stored-size';
import type { StoryMeta } from '../feed/types';

/** Stories on the Saved shelf at most: each keeps its body, which the storage budget counts. */
export const SAVED_LIMIT = 200;

export interface ShelfLimits {
  /** Saved stories at most. */
  stories: number;
  /** Storage bytes the saved stories' bodies may take together. */
  bodyBytes: number;
}

export function savedCount(stories: readonly StoryMeta[]): number {
  let count = 0;
  for (const story of stories) if (story.saved) count++;
  return count;
}

export interface SetSavedResult {
  stories: StoryMeta[];
  /** Ids whose saved state changed. */
  changed: string[];
  /** True when some were not saved because the shelf holds `limit` already. */
  full: boolean;
}

/**
 * Saves (at `now`) or unsaves the given stories. Saving stops when the shelf holds `limits.stories`
 * stories or its bodies `limits.bodyBytes`: the rest stay as they were and `full` says so.
 * Unsaving is never refused. Unknown ids are ignored.
 */
export function setSaved(
  stories: readonly StoryMeta[],
  ids: readonly string[],
  saved: boolean,
  now: string,
  limits: ShelfLimits,
): SetSavedResult {
  const wanted = new Set(ids);
  const changed: string[] = [];
  let count = 0;
  let bytes = 0;
  for (const story of stories) {
    if (!story.saved) continue;
    count++;
    bytes += bodyCost(story);
  }
  let full = false;
  const next = stories.map((story) => {
    if (!wanted.has(story.id) || Boolean(story.saved) === saved) return story;
    if (!saved) {
      changed.push(story.id);
      const rest = { ...story };
      delete rest.saved;
      return rest;
    }
    if (count >= limits.stories || bytes + bodyCost(story) > limits.bodyBytes) {
      full = true;
      return story;
    }
    count++;
    bytes += bodyCost(story);
    changed.push(story.id);
    return { ...story, saved: now };
  });
  return { stories: changed.length ? next : [...stories], changed, full };
}

/** What a story's stored body takes; nothing once it was dropped. */
function bodyCost(story: StoryMeta): number {
  return story.bodyDropped ? 0 : (story.bodyBytes ?? UNKNOWN_BODY_BYTES);
}
