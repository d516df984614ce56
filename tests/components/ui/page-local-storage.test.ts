import { afterEach, describe, expect, it, vi } from 'vitest';
import { readListFilter, writeListFilter } from '@/utils/ui/remembered-filter';
import { readFirstScreen, writeFirstScreen } from '@/utils/ui/first-screen-cache';
import { warmPageMemory } from '@/utils/ui/page-local-storage';

// What the pages remember in their own localStorage: a copy for display, so anything odd in it
// reads as nothing remembered, never as an error.
describe('the pages’ own memory', () => {
  afterEach(() => vi.restoreAllMocks());

  it('remembers the list filter, and reads a missing or odd one as no filter', () => {
    const none = { query: '', unreadOnly: false, label: null, saved: false };
    expect(readListFilter()).toEqual(none);
    writeListFilter({ query: 'rates', unreadOnly: true, label: 'Weather', saved: true });
    expect(readListFilter()).toEqual({ query: 'rates', unreadOnly: true, label: 'Weather', saved: true });
    for (const odd of [
      '{not json',
      '"text"',
      'null',
      '{"query": 5, "unreadOnly": "yes", "label": 7, "saved": "yes"}',
      '[]',
      '{"label": ""}',
    ]) {
      localStorage.setItem('smileband-news:list-filter', odd);
      expect(readListFilter(), odd).toEqual(none);
    }
    localStorage.setItem('smileband-news:list-filter', '{"unreadOnly": true}');
    expect(readListFilter()).toEqual({ ...none, unreadOnly: true });
  });

  it('remembers the first screen, and refuses one without stories or status', () => {
    expect(readFirstScreen()).toBeUndefined();
    const screen = {
      stories: [],
      status: { lastAttemptAt: null, lastSuccessAt: null, lastChangeAt: null, error: null },
    };
    writeFirstScreen(screen);
    expect(readFirstScreen()).toEqual(screen);
    for (const odd of ['{"stories": {}, "status": {}}', '{"stories": []}', 'null', '{oops']) {
      localStorage.setItem('smileband-news:first-screen', odd);
      expect(readFirstScreen(), odd).toBeUndefined();
    }
  });

  it('keeps the rules and where stories open with the first screen, and drops an unsound copy of them', () => {
    const status = { lastAttemptAt: null, lastSuccessAt: null, lastChangeAt: null, error: null };
    const view = { labelRules: { Sport: 'quiet' as const }, keywordRules: [], openIn: 'original' as const };
    writeFirstScreen({ stories: [], status, view });
    expect(readFirstScreen()?.view).toEqual(view);
    for (const odd of [
      { labelRules: null, keywordRules: [] },
      { labelRules: [], keywordRules: [] },
      { labelRules: {}, keywordRules: 'football' },
      { labelRules: 'Sport', keywordRules: [] },
      null,
    ]) {
      localStorage.setItem('smileband-news:first-screen', JSON.stringify({ stories: [], status, view: odd }));
      expect(readFirstScreen(), JSON.stringify(odd)).toEqual({ stories: [], status, view: undefined });
    }
  });

  it('loads the page’s storage ahead of its first read when asked to warm it', () => {
    // The side panel's script asks before mounting: the first access is the slow, synchronous one.
    const storage = vi.spyOn(window, 'localStorage', 'get');
    warmPageMemory();
    expect(storage).toHaveBeenCalled();
  });

  it('goes on without it when storage refuses (full, or turned off)', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => writeListFilter({ query: 'x', unreadOnly: true, label: null, saved: false })).not.toThrow();
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(readListFilter()).toEqual({ query: '', unreadOnly: false, label: null, saved: false });
    expect(readFirstScreen()).toBeUndefined();
    // Site data turned off: even touching localStorage throws. The side panel's early script goes on.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => warmPageMemory()).not.toThrow();
    expect(readListFilter()).toEqual({ query: '', unreadOnly: false, label: null, saved: false });
  });
});
