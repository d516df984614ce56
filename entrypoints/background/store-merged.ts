import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { MergeResult } from '@/utils/feed/merge-items';
import type { StoryMeta } from '@/utils/feed/types';
import { bodyKey, storiesEntries } from '@/utils/storage';
import { bodyBudgetBytes } from './storage-budget';

type Entry = { key: StorageItemKey; value: unknown };

/**
 * Writes a merge: old bodies leave first (room before new ones arrive, so a full store still takes
 * it), then one storage.set for the rest, so bodies, the index and `extra` land together.
 */
export async function storeMerged(merged: MergeResult, extra: Entry[] = []): Promise<void> {
  const stale = [...merged.removed, ...merged.bodiesDropped];
  if (stale.length) await storage.removeItems(stale.map(bodyKey));
  await storage.setItems([
    ...Object.entries(merged.bodies).map(([id, html]) => ({ key: bodyKey(id), value: html })),
    ...(merged.changed ? storiesEntries(merged.stories) : []),
    ...extra,
  ]);
}

/**
 * Runs `write` with the room the bodies have; when storage is full all the same, again with none:
 * headlines before bodies.
 */
export async function withBodyBudget(
  stories: readonly StoryMeta[],
  write: (bodyBudgetBytes: number) => Promise<MergeResult>,
): Promise<MergeResult> {
  try {
    return await write(await bodyBudgetBytes(stories));
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    console.warn('Smileband News: storage full; saving headlines without bodies', error);
    return write(0);
  }
}

function isQuotaError(error: unknown): boolean {
  return /quota/i.test(error instanceof Error ? error.message : String(error));
}
