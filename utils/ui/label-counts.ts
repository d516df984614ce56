import type { StoryMeta } from '../feed/types';

export interface LabelCount {
  label: string;
  /** Stories with the label, and how many of them are unread. */
  stories: number;
  unread: number;
}

/** The labels the stored stories carry, most used first, then in the reader's alphabetical order. */
export function labelCounts(stories: readonly StoryMeta[], locale: string): LabelCount[] {
  const counts = new Map<string, LabelCount>();
  for (const story of stories) {
    for (const label of story.labels) {
      let count = counts.get(label);
      if (!count) counts.set(label, (count = { label, stories: 0, unread: 0 }));
      count.stories++;
      if (!story.read) count.unread++;
    }
  }
  const byName = collator(locale);
  return [...counts.values()].sort((a, b) => b.stories - a.stories || byName.compare(a.label, b.label));
}

// The counts are taken again on every change to the story list; the collator is built once.
const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
  let found = collators.get(locale);
  if (!found) collators.set(locale, (found = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })));
  return found;
}
