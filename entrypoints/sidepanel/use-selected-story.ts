import { browser } from 'wxt/browser';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { StoryMeta } from '@/utils/feed/types';
import { isShowStory } from '@/utils/platform/messages';
import { filterStories } from '@/utils/ui/filter-stories';
import { readListFilter } from '@/utils/ui/remembered-filter';

/**
 * The story the panel shows (null: the list) and where it sits among the stories previous/next
 * walk: the list as the reader last filtered it (remembered-filter.ts, read again with each pick,
 * since the popup may have changed it), keeping the stories shown here, which opening marked read.
 * The popup tells open panels which story it picked.
 */
export function useSelectedStory(stories: readonly StoryMeta[] | undefined, itemId: string | null) {
  const [selected, setSelected] = useState(itemId);
  const [filter, setFilter] = useState(readListFilter);
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set(itemId ? [itemId] : []));
  const select = useCallback((id: string | null) => {
    if (id) setShown((before) => (before.has(id) ? before : new Set(before).add(id)));
    setFilter(readListFilter());
    setSelected(id);
  }, []);
  useEffect(() => {
    const onMessage = (message: unknown) => {
      if (isShowStory(message)) select(message.id);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [select]);
  const sequence = useMemo(
    () => (stories ? filterStories(stories, filter, shown) : undefined),
    [stories, filter, shown],
  );
  const index = sequence?.findIndex((candidate) => candidate.id === selected) ?? -1;
  const story = index >= 0 ? sequence![index] : undefined;
  return { selected, select, sequence, index, story, filter };
}
