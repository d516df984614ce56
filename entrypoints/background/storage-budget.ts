import { browser } from 'wxt/browser';
import { BODY_BUDGET_BYTES, STORAGE_HEADROOM_BYTES, STORAGE_QUOTA_BYTES } from '@/utils/config';
import type { StoryMeta } from '@/utils/feed/types';

type BytesInUse = (keys: string[] | null) => Promise<number>;

/**
 * Storage bytes the story bodies may take after the next write: the fixed budget, or less when the
 * rest of the store (index, settings, archive, anything else) leaves less room under the quota.
 * Measured with getBytesInUse where the browser has it (Chrome); Firefox's storage.local has no
 * such quota, so the fixed budget holds there.
 */
export async function bodyBudgetBytes(stories: readonly StoryMeta[]): Promise<number> {
  const local = browser.storage.local as unknown as { getBytesInUse?: BytesInUse };
  if (typeof local.getBytesInUse !== 'function') return BODY_BUDGET_BYTES;
  try {
    const [all, bodies] = await Promise.all([
      local.getBytesInUse(null),
      local.getBytesInUse(stories.filter((story) => !story.bodyDropped).map((story) => `body:${story.id}`)),
    ]);
    return Math.max(0, Math.min(BODY_BUDGET_BYTES, STORAGE_QUOTA_BYTES - STORAGE_HEADROOM_BYTES - (all - bodies)));
  } catch {
    return BODY_BUDGET_BYTES;
  }
}
