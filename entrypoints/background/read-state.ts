import { setRead } from '@/utils/stories/read-state';
import { storage } from 'wxt/utils/storage';
import { readArchiveItem, settingsItem, storiesEntries, storiesItem } from '@/utils/storage';
import { serialize } from './write-queue';
import { noteMarks } from './sync';
import { ARCHIVE_LIMIT } from './store-maintenance';

/** Marks stories read or unread; returns the ids whose state changed (what Undo puts back). */
export async function updateRead(ids: readonly string[] | 'all', read: boolean): Promise<{ changed: string[] }> {
  const changed = await serialize(async () => {
    const result = setRead(await storiesItem.getValue(), ids, read);
    if (result.changed.length) await storage.setItems(storiesEntries(result.stories));
    return result.changed;
  });
  // Shared with the reader's other browsers (after the write: the sync glue takes its own turn).
  await noteMarks('read', changed, read);
  return { changed };
}

/**
 * Applies read ids from an imported file: the current feed's stories now, other feeds' when the
 * reader switches to them (through the read archive). Not shared with the other browsers: a file's
 * read ids include stories that arrived read (archive pages, search), which no reader read.
 */
export function importRead(read: Record<string, string[]>): Promise<{ changed: string[] }> {
  return serialize(async () => {
    const [settings, stories, archive] = await Promise.all([
      settingsItem.getValue(),
      storiesItem.getValue(),
      readArchiveItem.getValue(),
    ]);
    // Own entries only: a feed named like an Object.prototype member is data, not a lookup.
    const merged = new Map(Object.entries(archive));
    for (const [feed, ids] of Object.entries(read)) {
      merged.set(feed, [...new Set([...ids, ...(merged.get(feed) ?? [])])].slice(0, ARCHIVE_LIMIT));
    }
    const current = Object.hasOwn(read, settings.feedUrl) ? read[settings.feedUrl]! : [];
    const result = setRead(stories, current, true);
    await readArchiveItem.setValue(Object.fromEntries(merged));
    if (result.changed.length) await storage.setItems(storiesEntries(result.stories));
    return { changed: result.changed };
  });
}
