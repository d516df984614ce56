import { storiesHeadItem, storiesItem } from '@/utils/storage';
import { peekItem, readItem } from '@/utils/ui/early-reads';
import { keepUnchanged } from '@/utils/ui/keep-unchanged';
import { useAfterPaint } from '@/utils/ui/use-after-paint';
import { useStored } from '@/utils/ui/use-stored';

/**
 * The stories the panel shows: `full`, the whole index, once read; `stories`, what there is so far.
 * The list paints from the index's head (its newest stories), as the popup does, and reads the whole
 * index, a thousand stories, after that frame; a story's page reads the index at once.
 */
export function usePanelStories(itemId: string | null) {
  const listFirst = itemId === null;
  const head = useStored(storiesHeadItem, { read: readItem, peek: peekItem, enabled: listFirst });
  const headPainted = useAfterPaint(listFirst && head !== undefined);
  const full = useStored(storiesItem, {
    reconcile: keepUnchanged,
    read: readItem,
    peek: peekItem,
    enabled: !listFirst || headPainted,
  });
  return { stories: full ?? head, full };
}
