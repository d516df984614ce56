import { storage } from 'wxt/utils/storage';
import { BODY_BUDGET_BYTES } from '@/utils/config';
import { SAVED_LIMIT, setSaved } from '@/utils/stories/saved';
import { storiesEntries, storiesItem } from '@/utils/storage';
import { serialize } from './write-queue';
import { noteMarks } from './sync';

/**
 * Saves or unsaves stories. A saved story outlives retention with its body (mergeItems); an
 * unsaved one past retention leaves at the next poll that brings news, not at once, so an unsave
 * pressed by mistake can be taken back.
 */
export async function updateSaved(
  ids: readonly string[],
  saved: boolean,
  now: () => Date = () => new Date(),
): Promise<{ changed: string[]; full: boolean }> {
  const result = await serialize(async () => {
    // Saved bodies may fill the whole body budget, leaving the newest stories none, never more.
    const result = setSaved(await storiesItem.getValue(), ids, saved, now().toISOString(), {
      stories: SAVED_LIMIT,
      bodyBytes: BODY_BUDGET_BYTES,
    });
    if (result.changed.length) await storage.setItems(storiesEntries(result.stories));
    return { changed: result.changed, full: result.full };
  });
  await noteMarks('saved', result.changed, saved);
  return result;
}
