import { describe, expect, it } from 'vitest';
import type { StoryMeta } from '@/utils/feed/types';
import { labelCounts } from '@/utils/ui/label-counts';

const story = (labels: string[], read = false) => ({ id: labels.join(), labels, read }) as unknown as StoryMeta;

describe('labelCounts', () => {
  it('counts each label’s stories and unread ones, most used first', () => {
    const stories = [
      story(['World', 'Economy'], true),
      story(['World']),
      story(['Weather']),
      story(['World', 'Weather'], true),
    ];
    expect(labelCounts(stories, 'en')).toEqual([
      { label: 'World', stories: 3, unread: 1 },
      { label: 'Weather', stories: 2, unread: 1 },
      { label: 'Economy', stories: 1, unread: 0 },
    ]);
  });

  it('puts labels used as often in the reader’s alphabetical order, numbers by value', () => {
    const stories = [story(['Zürich']), story(['Ärzte']), story(['apps']), story(['Top 10']), story(['Top 9'])];
    expect(labelCounts(stories, 'de').map((count) => count.label)).toEqual([
      'apps',
      'Ärzte',
      'Top 9',
      'Top 10',
      'Zürich',
    ]);
  });

  it('has nothing for stories without labels', () => {
    expect(labelCounts([story([]), story([])], 'en')).toEqual([]);
  });
});
