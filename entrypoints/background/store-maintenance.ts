import { storage } from 'wxt/utils/storage';
import { BODY_BUDGET_BYTES, MAX_BODY_BYTES, MAX_STORED_BODIES } from '@/utils/config';
import { mergeItems } from '@/utils/feed/merge-items';
import {
  bodyKey,
  feedStateItem,
  pendingNoticesItem,
  pollStatusItem,
  readArchiveItem,
  storiesEntries,
  storiesItem,
} from '@/utils/storage';
import { serialize } from './write-queue';

/** Read ids remembered per feed left behind; enough for any retention. */
export const ARCHIVE_LIMIT = 1000;

/**
 * Starts a fresh store for a new feed. The old feed's read ids are kept, so switching back brings
 * its read state back (see mergeItems' readIds); its saved stories stay, with their bodies: the
 * reader's shelf is theirs, whichever feed it came from.
 */
export function switchFeed(from: string, to: string): Promise<void> {
  return serialize(async () => {
    const [stories, archive] = await Promise.all([storiesItem.getValue(), readArchiveItem.getValue()]);
    const read = stories.filter((story) => story.read).map((story) => story.id);
    const kept = [...new Set([...read, ...(Object.hasOwn(archive, from) ? archive[from]! : [])])].slice(
      0,
      ARCHIVE_LIMIT,
    );
    const shelf = stories.filter((story) => story.saved);
    await storage.setItems([
      { key: readArchiveItem.key, value: { ...archive, [from]: kept } },
      ...storiesEntries(shelf),
      { key: feedStateItem.key, value: { ...feedStateItem.fallback, url: to } },
      { key: pollStatusItem.key, value: pollStatusItem.fallback },
      { key: pendingNoticesItem.key, value: [] },
    ]);
    const gone = stories.filter((story) => !story.saved);
    if (gone.length) await storage.removeItems(gone.map((story) => bodyKey(story.id)));
  });
}

/** Applies a lower retention at once rather than at the next poll with news. */
export function applyRetention(retention: number): Promise<void> {
  return serialize(async () => {
    const stories = await storiesItem.getValue();
    const merged = mergeItems(stories, [], {
      now: new Date().toISOString(),
      retention,
      maxBodyBytes: MAX_BODY_BYTES,
      bodyBudgetBytes: BODY_BUDGET_BYTES,
      maxBodies: MAX_STORED_BODIES,
    });
    if (!merged.changed) return;
    await storage.setItems(storiesEntries(merged.stories));
    await storage.removeItems([...merged.removed, ...merged.bodiesDropped].map(bodyKey));
  });
}
