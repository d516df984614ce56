// How much room the next poll may give story bodies: the fixed budget, or what the quota leaves.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bodyBudgetBytes } from '@/entrypoints/background/storage-budget';
import { BODY_BUDGET_BYTES, STORAGE_HEADROOM_BYTES, STORAGE_QUOTA_BYTES } from '@/utils/config';
import { story } from '../../support/stories';

const MB = 1024 * 1024;
const stories = [story('a'), story('b', { bodyDropped: true }), story('c')];

describe('bodyBudgetBytes', () => {
  // Bytes per key, as Chrome's getBytesInUse would count them.
  let used: Record<string, number>;
  beforeEach(() => {
    fakeBrowser.reset();
    used = {};
    const getBytesInUse = vi.fn((keys: string[] | null) =>
      Promise.resolve(
        Object.entries(used)
          .filter(([key]) => keys === null || keys.includes(key))
          .reduce((sum, [, bytes]) => sum + bytes, 0),
      ),
    );
    Object.assign(fakeBrowser.storage.local, { getBytesInUse });
  });
  afterEach(() => {
    delete (fakeBrowser.storage.local as { getBytesInUse?: unknown }).getBytesInUse;
  });

  it('gives the whole budget when the rest of the store is small', async () => {
    used = { stories: 1 * MB, 'body:a': 3 * MB, 'body:c': 1 * MB };
    expect(await bodyBudgetBytes(stories)).toBe(BODY_BUDGET_BYTES);
  });

  it('gives what the quota leaves after everything but the bodies it may replace', async () => {
    // The stored bodies of stories that still have one can be replaced; anything else stays.
    used = { stories: 2 * MB, other: 1.5 * MB, 'body:a': 2 * MB, 'body:b': 1 * MB, 'body:c': 1 * MB };
    const rest = 2 * MB + 1.5 * MB + 1 * MB;
    expect(await bodyBudgetBytes(stories)).toBe(STORAGE_QUOTA_BYTES - STORAGE_HEADROOM_BYTES - rest);
  });

  it('gives nothing when the rest of the store already fills the quota', async () => {
    used = { stories: STORAGE_QUOTA_BYTES };
    expect(await bodyBudgetBytes(stories)).toBe(0);
  });

  it('falls back on the fixed budget when the browser cannot measure', async () => {
    used = { stories: 9 * MB };
    Object.assign(fakeBrowser.storage.local, { getBytesInUse: () => Promise.reject(new Error('unsupported')) });
    expect(await bodyBudgetBytes(stories)).toBe(BODY_BUDGET_BYTES);
  });
});
