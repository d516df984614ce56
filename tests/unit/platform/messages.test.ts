import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isRequest, isShowStory, sendRequest } from '@/utils/platform/messages';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('messages between the pages and the worker', () => {
  it.each([
    [{ type: 'refresh' }],
    [{ type: 'set-read', ids: ['a'], read: true }],
    [{ type: 'mark-all-read' }],
    [{ type: 'import-read', read: {} }],
    [{ type: 'set-saved', ids: ['a'], saved: true }],
    [{ type: 'older-stories', label: null }],
  ])('the worker takes %j as a request', (message) => {
    expect(isRequest(message)).toBe(true);
    expect(isShowStory(message)).toBe(false);
  });

  it.each([[null], [undefined], ['refresh'], [{}], [{ type: 'show-story', id: 'a' }], [{ type: 'delete-all' }]])(
    'the worker leaves %j alone',
    (message) => {
      expect(isRequest(message)).toBe(false);
    },
  );

  it('the side panel takes a story to show only with its id', () => {
    expect(isShowStory({ type: 'show-story', id: 'post-1' })).toBe(true);
    expect(isShowStory({ type: 'show-story' })).toBe(false);
    expect(isShowStory({ type: 'show-story', id: 7 })).toBe(false);
    expect(isShowStory({ id: 'post-1' })).toBe(false);
    expect(isShowStory(null)).toBe(false);
  });

  it('a page’s request goes to the worker and the worker’s answer comes back', async () => {
    fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
      isRequest(message) && message.type === 'mark-all-read' ? Promise.resolve({ changed: ['a'] }) : undefined,
    );
    await expect(sendRequest({ type: 'mark-all-read' })).resolves.toEqual({ changed: ['a'] });
  });
});
