// One setup for tests that open a page (popup, side panel): the clock they run at and what the
// worker has stored when the page opens. Storage and localStorage start empty in every component
// test (tests/components/setup.ts).
import { afterEach, beforeEach, vi } from 'vitest';
import type { StoryMeta } from '@/utils/feed/types';
import { HEAD_SIZE, pollStatusItem, storiesHeadItem, storiesItem, type PollStatus } from '@/utils/storage';
import { NOW, updatedStatus } from './stories';

export { NOW, story } from './stories';

/** Date alone faked to NOW, so "Updated 5 minutes ago" is exact; timers stay real. Call inside a describe. */
export function atPageClock(): void {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
  afterEach(() => void vi.useRealTimers());
}

/** What the worker leaves after a poll: the index and its head, the poll `status` (5 minutes ago). */
export async function storeStories(stories: StoryMeta[], status: PollStatus = updatedStatus(NOW, 5)): Promise<void> {
  await storiesItem.setValue(stories);
  await storiesHeadItem.setValue(stories.slice(0, HEAD_SIZE));
  await pollStatusItem.setValue(status);
}
