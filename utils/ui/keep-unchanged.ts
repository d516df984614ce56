import type { StoryMeta } from '../feed/types';

/**
 * Storage hands back a fresh copy of the whole list on every change. This keeps the previous object
 * for each story that did not change, so memoized rows skip re-rendering: marking one story read
 * re-renders one row, not five hundred.
 */
export function keepUnchanged(previous: readonly StoryMeta[] | undefined, next: StoryMeta[]): StoryMeta[] {
  if (!previous?.length) return next;
  const byId = new Map(previous.map((story) => [story.id, story]));
  let reused = 0;
  const merged = next.map((story) => {
    const old = byId.get(story.id);
    if (old && sameStory(old, story)) {
      reused++;
      return old;
    }
    return story;
  });
  return reused === next.length && next.length === previous.length && merged.every((s, i) => s === previous[i])
    ? (previous as StoryMeta[])
    : merged;
}

function sameStory(a: StoryMeta, b: StoryMeta): boolean {
  return (
    a.read === b.read &&
    a.contentHash === b.contentHash &&
    a.updated === b.updated &&
    a.headline === b.headline &&
    a.image === b.image &&
    a.link === b.link &&
    a.labels.join('\n') === b.labels.join('\n')
  );
}
