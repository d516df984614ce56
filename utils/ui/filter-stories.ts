import type { StoryMeta } from '../feed/types';

export interface StoryFilter {
  query: string;
  unreadOnly: boolean;
}

/** Case- and accent-insensitive: "negociations" finds "Négociations". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Stories whose headline or labels contain every word of the query (and unread, if asked). */
export function filterStories(stories: readonly StoryMeta[], { query, unreadOnly }: StoryFilter): readonly StoryMeta[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length && !unreadOnly) return stories;
  return stories.filter((story) => {
    if (unreadOnly && story.read) return false;
    if (!words.length) return true;
    const haystack = fold(`${story.headline} ${story.labels.join(' ')}`);
    return words.every((word) => haystack.includes(word));
  });
}
