import { describe, expect, it, vi } from 'vitest';
import type { StoryMeta } from '@/utils/feed/types';
import { filterStories, matchRanges, queryWords } from '@/utils/ui/filter-stories';
import { keepUnchanged } from '@/utils/ui/keep-unchanged';
import { bloggerSrcset } from '@/utils/preview/picture-sizes';
import { sharperThumbnail } from '@/utils/ui/thumbnail';
import { asStored, postItem } from '../../support/stories';
import { story } from '../../support/stories';

describe('filterStories', () => {
  const stories = [
    story('a', { headline: 'Bank of England Holds Rates', labels: ['Economy'] }),
    story('b', { headline: 'Ceasefire talks: Négociations resume in Doha', labels: ['World'], read: true }),
    story('c', { headline: 'Starlink pours satellites into orbit', labels: ['Technology', 'Space'] }),
  ];
  it.each([
    ['', false, ['a', 'b', 'c']],
    ['bank', false, ['a']],
    ['  RATES  ', false, ['a']],
    ['negociations', false, ['b']],
    // An accented query finds the same words, with or without their accents.
    ['NÉGOCIATIONS', false, ['b']],
    ['bánk', false, ['a']],
    ['space', false, ['c']],
    ['orbit starlink', false, ['c']],
    ['orbit bank', false, []],
    ['', true, ['a', 'c']],
    ['doha', true, []],
    // At word starts only: "rate" finds "Rates" but would not find "Strategy" or "Pirates".
    ['rate', false, ['a']],
    ['ates', false, []],
    ['tarlink', false, []],
    ['ngland', false, []],
    // A label's word start counts too; after punctuation is a word start.
    ['echnology', false, []],
    ['resume', false, ['b']],
  ])('%j, unread only %s → %j', (query, unreadOnly, ids) => {
    expect(filterStories(stories, { query, unreadOnly, label: null, saved: false }).map((s) => s.id)).toEqual(ids);
  });

  it.each([
    ['Economy', '', false, ['a']],
    ['World', '', false, ['b']],
    ['World', '', true, []],
    ['Space', 'starlink', false, ['c']],
    ['Space', 'bank', false, []],
    // Labels match as the feed writes them.
    ['space', '', false, []],
    ['Nowhere', '', false, []],
  ])('label %j with %j, unread only %s → %j', (label, query, unreadOnly, ids) => {
    expect(filterStories(stories, { query, unreadOnly, label, saved: false }).map((s) => s.id)).toEqual(ids);
  });

  it.each([
    ['strasse', 'Straße gesperrt'],
    ['STRASSE', 'Straße gesperrt'],
    ['straße', 'Strasse gesperrt'],
    ['fire', 'ﬁre spreads'],
    // A capital with no small letter of its own matches the letter it is a form of.
    ['θ', 'ϴ symbol'],
  ])('%j finds %j: letters whose capitals are two letters match them', (query, headline) => {
    expect(
      filterStories([story('x', { headline })], { query, unreadOnly: false, label: null, saved: false }),
    ).toHaveLength(1);
  });

  it('shows only saved stories in the Saved view, the most recently saved first, with the rest of the filter', () => {
    const shelf = [
      { ...story('a', { headline: 'Bank of England Holds Rates' }), saved: '2026-11-01T00:00:00.000Z' },
      story('b', { headline: 'Banks open late' }),
      {
        ...story('c', { headline: 'Bank holiday weather', labels: [], read: true }),
        saved: '2026-11-03T00:00:00.000Z',
      },
      { ...story('d', { headline: 'Rates rise' }), saved: '2026-11-02T00:00:00.000Z' },
    ];
    const view = (query: string, unreadOnly = false) =>
      filterStories(shelf, { query, unreadOnly, label: null, saved: true }).map((s) => s.id);
    expect(view('')).toEqual(['c', 'd', 'a']);
    expect(view('bank')).toEqual(['c', 'a']);
    expect(view('', true)).toEqual(['d', 'a']);
    // The side panel keeps a story it showed in its previous/next, unsaved meanwhile: last.
    const kept = filterStories(shelf, { query: '', unreadOnly: false, label: null, saved: true }, new Set(['b']));
    expect(kept.map((s) => s.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('hands back the list itself when there is nothing to filter by', () => {
    expect(filterStories(stories, { query: '  ', unreadOnly: false, label: null, saved: false })).toBe(stories);
  });
});

describe('filterStories while the reader types', () => {
  it('folds each story once, not again on every keystroke, and still finds what each keystroke asks', () => {
    const stories = Array.from({ length: 100 }, (_, i) =>
      story(String(i), { headline: i % 2 ? 'Bank of England holds rates' : 'Banana prices fall', labels: ['UK'] }),
    );
    const folds = vi.spyOn(String.prototype, 'normalize');
    const found = ['b', 'ba', 'ban', 'bank', 'bank o'].map(
      (query) => filterStories(stories, { query, unreadOnly: false, label: null, saved: false }).length,
    );
    expect(found).toEqual([100, 100, 100, 50, 50]);
    // One fold per story, and one per keystroke for the query itself.
    expect(folds.mock.calls.length).toBeLessThanOrEqual(100 + 5);
    folds.mockRestore();
  });

  it('marks a headline drawn again for the next keystroke without folding it again', () => {
    const headline = 'Négociations: the Bank of England holds rates at 4% (typed while it draws)';
    const folds = vi.spyOn(String.prototype, 'normalize');
    const marked = ['b', 'ba', 'ban', 'bank', 'bank o'].map((query) => matchRanges(headline, queryWords(query)));
    expect(marked.at(-1)).toEqual([
      [18, 22],
      [23, 24],
    ]);
    // One fold per character, once; then one per query.
    expect(folds.mock.calls.length).toBeLessThanOrEqual(headline.length + 5);
    folds.mockRestore();
  });
});

describe('matchRanges', () => {
  const marked = (text: string, query: string) =>
    matchRanges(text, queryWords(query))
      .map(([start, end]) => text.slice(start, end))
      .join('|');
  it.each([
    ['Bank of England Holds Rates', 'rates', 'Rates'],
    ['Strategy rates: pirates rate', 'rate', 'rate|rate'],
    ['Strategy', 'rate', ''],
    // Accents and case folded for matching, the reader's own letters marked.
    ['Négociations à Zürich', 'negoc zur', 'Négoc|Zür'],
    ['NÉGOCIATIONS', 'négociations', 'NÉGOCIATIONS'],
    // Overlapping words merge into one mark.
    ['Starlink satellites', 'star starl', 'Starl'],
    ['Starlink satellites', 'starl star', 'Starl'],
    ['Starlink satellites', 'sat starlink', 'Starlink|sat'],
    // Letters that fold to two (İ → i̇) do not shift the marks after them.
    ['İstanbul İzmir Rates', 'rates', 'Rates'],
    ['Rates held', '', ''],
    // Marks that touch become one.
    ['rates-held', 'rates- held', 'rates-held'],
    ['Straße gesperrt', 'strasse', 'Straße'],
  ])('%j, %j → %j', (text, query, expected) => {
    expect(marked(text, query)).toBe(expected);
  });

  it('marks nothing for no words', () => {
    expect(matchRanges('Rates held', [])).toEqual([]);
  });
});

describe('sharperThumbnail', () => {
  it.each([
    [
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEijamaica/s72-c/jamaica.jpg',
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEijamaica/s112-c/jamaica.jpg',
    ],
    [
      'https://blogger.googleusercontent.com/img/a/AVvXsEgabc=s72-c',
      'https://blogger.googleusercontent.com/img/a/AVvXsEgabc=s112-c',
    ],
    ['https://1.bp.blogspot.com/-x/y/s72-c/pic.png', 'https://1.bp.blogspot.com/-x/y/s112-c/pic.png'],
    ['https://example.com/s72-c/pic.png', 'https://example.com/s72-c/pic.png'],
    // A full-size picture (no crop) is asked for at the row's size, cropped square like the rest.
    [
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEijamaica/s1600/jamaica.jpg',
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEijamaica/s112-c/jamaica.jpg',
    ],
    // Blogger's host named only in another site's path is another site.
    [
      'https://example.com/https://blogger.googleusercontent.com/s72-c/pic.png',
      'https://example.com/https://blogger.googleusercontent.com/s72-c/pic.png',
    ],
  ])('%s', (url, sharper) => {
    expect(sharperThumbnail(url, 112)).toBe(sharper);
  });
});

describe('bloggerSrcset', () => {
  it.each([
    [
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEi/s320/starlink.jpg',
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEi/w{W}/starlink.jpg',
    ],
    [
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEi/w640-h360-rw/a.webp',
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEi/w{W}/a.webp',
    ],
    [
      'https://blogger.googleusercontent.com/img/a/AVvXsEgabc=s1600',
      'https://blogger.googleusercontent.com/img/a/AVvXsEgabc=w{W}',
    ],
    ['https://1.bp.blogspot.com/-x/y/s400/pic.png', 'https://1.bp.blogspot.com/-x/y/w{W}/pic.png'],
  ])('%s', (url, sized) => {
    expect(bloggerSrcset(url)).toBe([400, 800, 1200].map((w) => `${sized.replace('{W}', String(w))} ${w}w`).join(', '));
  });

  it.each([
    'https://example.com/s320/pic.png',
    'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEi/starlink.jpg',
    'http://blogger.googleusercontent.com/img/s320/a.jpg',
  ])('leaves %s alone', (url) => {
    expect(bloggerSrcset(url)).toBeNull();
  });
});

describe('keepUnchanged', () => {
  it('keeps the previous object of every story that did not change', () => {
    const previous = [story('a', { headline: 'A' }), story('b', { headline: 'B' })];
    const next = [story('a', { headline: 'A' }), story('b', { headline: 'B', labels: [], read: true })];
    const merged = keepUnchanged(previous, next);
    expect(merged[0]).toBe(previous[0]);
    expect(merged[1]).toBe(next[1]);
  });

  it('returns the previous list itself when nothing changed', () => {
    const previous = [story('a', { headline: 'A' }), story('b', { headline: 'B' })];
    expect(keepUnchanged(previous, [story('a', { headline: 'A' }), story('b', { headline: 'B' })])).toBe(previous);
  });

  // A row shows each of these: the headline, sponsor mark, picture, labels, date, read state, and
  // whether the side panel can show the body. A change to any one must reach the row.
  it.each<[string, Partial<StoryMeta>]>([
    ['read', { read: true }],
    ['headline', { headline: 'Rates held again' }],
    ['sponsor', { sponsor: null }],
    ['picture', { image: 'https://blogger.googleusercontent.com/img/b/x/s400/y.jpg' }],
    ['link', { link: 'https://www.smileband.co.uk/moved.html' }],
    ['labels', { labels: ['UK', 'Economy'] }],
    ['one label renamed', { labels: ['Wales'] }],
    ['update time', { updated: '2026-11-30T10:00:00Z' }],
    ['publication time', { published: '2026-11-29T10:00:00Z' }],
    ['edited body', { contentHash: 'changed' }],
    ['body cut at the cap', { truncated: true }],
    ['body dropped for space', { bodyDropped: true }],
  ])('hands on a story whose %s changed', (_field, patch) => {
    const before = asStored(postItem(1, '2026-11-30T09:00:00Z'));
    const previous = [before, asStored(postItem(2, '2026-11-30T08:00:00Z'))];
    const next = [{ ...before, ...patch }, { ...previous[1]! }];
    const merged = keepUnchanged(previous, next);
    expect(merged[0]).toBe(next[0]);
    expect(merged[1]).toBe(previous[1]);
    expect(merged).not.toBe(previous);
  });

  it('keeps a story whose labels are the same words in a fresh list', () => {
    const before = asStored(postItem(1, '2026-11-30T09:00:00Z'), { labels: ['UK', 'Economy'] });
    const merged = keepUnchanged([before], [{ ...before, labels: ['UK', 'Economy'] }]);
    expect(merged[0]).toBe(before);
  });

  it('hands on a list with a story fewer, even when the rest is unchanged', () => {
    const previous = [story('a', { headline: 'A' }), story('b', { headline: 'B' })];
    const merged = keepUnchanged(previous, [story('a', { headline: 'A' })]);
    expect(merged).toEqual([previous[0]]);
    expect(merged).not.toBe(previous);
  });

  it('hands on the same stories in a new order', () => {
    const previous = [story('a', { headline: 'A' }), story('b', { headline: 'B' })];
    const merged = keepUnchanged(previous, [story('b', { headline: 'B' }), story('a', { headline: 'A' })]);
    expect(merged).toEqual([previous[1], previous[0]]);
    expect(merged).not.toBe(previous);
  });

  it('takes a new order and new stories as they come', () => {
    const previous = [story('a', { headline: 'A' })];
    const merged = keepUnchanged(previous, [story('c', { headline: 'C' }), story('a', { headline: 'A' })]);
    expect(merged.map((s) => s.id)).toEqual(['c', 'a']);
    expect(merged[1]).toBe(previous[0]);
  });
});
