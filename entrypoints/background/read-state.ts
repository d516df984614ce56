import { setRead } from '@/utils/feed/read-state';
import { storiesItem } from '@/utils/storage';
import { serialize } from './serialize';

/** Marks stories read or unread; returns the ids whose state changed (what Undo puts back). */
export function updateRead(ids: readonly string[] | 'all', read: boolean): Promise<{ changed: string[] }> {
  return serialize(async () => {
    const result = setRead(await storiesItem.getValue(), ids, read);
    if (result.changed.length) await storiesItem.setValue(result.stories);
    return { changed: result.changed };
  });
}
