import { describe, expect, it } from 'vitest';
import { labelCounts } from '@/utils/ui/label-counts';
import { story } from '../../support/stories';

describe('labelCounts', () => {
  it('counts each label’s stories and unread ones, most used first', () => {
    const stories = [
      story(1, { labels: ['World', 'Economy'], read: true }),
      story(2, { labels: ['World'] }),
      story(3, { labels: ['Weather'] }),
      story(4, { labels: ['World', 'Weather'], read: true }),
    ];
    expect(labelCounts(stories, 'en')).toEqual([
      { label: 'World', stories: 3, unread: 1 },
      { label: 'Weather', stories: 2, unread: 1 },
      { label: 'Economy', stories: 1, unread: 0 },
    ]);
  });

  it('puts labels used as often in the reader’s alphabetical order, numbers by value', () => {
    const stories = [
      story(5, { labels: ['Zürich'] }),
      story(6, { labels: ['Ärzte'] }),
      story(7, { labels: ['apps'] }),
      story(8, { labels: ['Top 10'] }),
      story(9, { labels: ['Top 9'] }),
    ];
    expect(labelCounts(stories, 'de').map((count) => count.label)).toEqual([
      'apps',
      'Ärzte',
      'Top 9',
      'Top 10',
      'Zürich',
    ]);
  });

  it('has nothing for stories without labels', () => {
    expect(labelCounts([story(10, { labels: [] }), story(11, { labels: [] })], 'en')).toEqual([]);
  });
});
