import type { StoryFilter } from './filter-stories';
import { recall, remember } from './page-local-storage';

// The list's filter (search, "Unread only", the chosen label and the Saved view), remembered across openings of the
// popup and shared with the side panel, whose previous/next follow it.
const KEY = 'smileband-news:list-filter';

export function readListFilter(): StoryFilter {
  const value = recall(KEY, (stored) => stored as Partial<StoryFilter> | null);
  return {
    query: typeof value?.query === 'string' ? value.query : '',
    unreadOnly: value?.unreadOnly === true,
    label: typeof value?.label === 'string' && value.label ? value.label : null,
    saved: value?.saved === true,
  };
}

export function writeListFilter(filter: StoryFilter): void {
  remember(KEY, filter);
}
