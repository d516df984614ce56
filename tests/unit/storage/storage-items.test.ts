import { describe, expect, it } from 'vitest';
import { hashString } from '@/utils/feed/hash';
import type { PollStatus } from '@/utils/storage';
import { HEAD_SIZE, storiesEntries, storiesHeadItem, storiesItem, withLastCheck } from '@/utils/storage';
import { asStored, postItem } from '../../support/stories';

describe('storiesEntries', () => {
  it('writes the whole list and its first screen (the newest 30) together', () => {
    const stories = Array.from({ length: 40 }, (_, i) => asStored(postItem(i, '2026-11-30T09:00:00Z')));
    const [all, head] = storiesEntries(stories);
    expect(all).toEqual({ key: storiesItem.key, value: stories });
    expect(head).toEqual({ key: storiesHeadItem.key, value: stories.slice(0, HEAD_SIZE) });
    expect(head!.value).toHaveLength(30);
  });
});

describe('withLastCheck', () => {
  const status: PollStatus = {
    lastAttemptAt: '2026-11-30T09:00:00.000Z',
    lastSuccessAt: '2026-11-30T09:00:00.000Z',
    lastChangeAt: null,
    error: null,
  };

  it('shows a later unchanged check as the last update', () => {
    expect(withLastCheck(status, '2026-11-30T09:15:00.000Z')).toMatchObject({
      lastAttemptAt: '2026-11-30T09:15:00.000Z',
      lastSuccessAt: '2026-11-30T09:15:00.000Z',
    });
  });

  it('never moves the last update back to an older check, and ignores a check over an error', () => {
    expect(withLastCheck(status, '2026-11-30T08:45:00.000Z')).toBe(status);
    // The same time: the status as it is (a new object would redraw what reads it).
    expect(withLastCheck(status, status.lastSuccessAt)).toBe(status);
    const failed = {
      ...status,
      error: { kind: 'offline' as const, message: 'You are offline.', at: status.lastAttemptAt! },
    };
    expect(withLastCheck(failed, '2026-11-30T09:15:00.000Z')).toBe(failed);
    expect(withLastCheck(status, null)).toBe(status);
  });
});

describe('hashString', () => {
  it('gives eight hex digits, the same for the same text and different for a one-letter change', () => {
    expect(hashString('')).toBe('811c9dc5');
    expect(hashString('abc')).toMatch(/^[\da-f]{8}$/);
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
    expect(hashString('abc')).not.toBe(hashString('ab'));
    // FNV-1a of "a" is 0xe40c292c; a small hash keeps its leading zeros.
    expect(hashString('a')).toBe('e40c292c');
    expect(hashString('post-50')).toBe('006a66d3');
  });
});
