import type { StoryMeta } from '../feed/types';

export function unreadCount(stories: readonly StoryMeta[]): number {
  let count = 0;
  for (const story of stories) if (!story.read) count++;
  return count;
}

/**
 * Sets `read` on the given stories; returns the new list and the ids whose state actually changed
 * (what an Undo needs to put back).
 */
export function setRead(
  stories: readonly StoryMeta[],
  ids: readonly string[] | 'all',
  read: boolean,
): { stories: StoryMeta[]; changed: string[] } {
  const wanted = ids === 'all' ? null : new Set(ids);
  const changed: string[] = [];
  const next = stories.map((story) => {
    if (story.read === read || (wanted && !wanted.has(story.id))) return story;
    changed.push(story.id);
    return { ...story, read };
  });
  return { stories: changed.length ? next : [...stories], changed };
}
