import type { StoryMeta } from '../feed/types';

/**
 * Storage hands back a fresh copy of the whole list on every change. This keeps the previous object
 * for each story that did not change, so memoized rows skip re-rendering: marking one story read
 * re-renders one row, not five hundred.
 */
export function keepUnchanged(previous: readonly StoryMeta[] | undefined, next: StoryMeta[]): StoryMeta[] {
  if (!previous?.length) return next;
  const byId = new Map(previous.map((story) => [story.id, story]));
  const merged = next.map((story) => {
    const old = byId.get(story.id);
    return old && sameStory(old, story) ? old : story;
  });
  // Nothing changed at all: the very same list, so nothing downstream recomputes.
  return merged.length === previous.length && merged.every((s, i) => s === previous[i])
    ? (previous as StoryMeta[])
    : merged;
}

/** Every field alike: a row shows most of them, and the side panel the rest (a dropped body). */
function sameStory(a: StoryMeta, b: StoryMeta): boolean {
  const keys = Object.keys(a) as (keyof StoryMeta)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => a[key] === b[key] || (key === 'labels' && sameWords(a.labels, b.labels)));
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}
