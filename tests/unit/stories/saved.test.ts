import { describe, expect, it } from 'vitest';
import { SAVED_LIMIT, savedCount, setSaved } from '@/utils/stories/saved';
import type { StoryMeta } from '@/utils/feed/types';
import { asStored, postItem } from '../../support/stories';

const NOW = '2026-11-30T12:00:00.000Z';
const EARLIER = '2026-11-29T12:00:00.000Z';
const ROOMY = { stories: SAVED_LIMIT, bodyBytes: 1e9 };

function stories(n: number, patch: (i: number) => Partial<StoryMeta> = () => ({})): StoryMeta[] {
  return Array.from({ length: n }, (_, i) => asStored(postItem(i + 1, EARLIER), patch(i + 1)));
}

describe('setSaved', () => {
  it('saves stories with the time they were saved, and says which changed', () => {
    const result = setSaved(stories(3), ['post-2', 'post-3', 'nowhere'], true, NOW, ROOMY);
    expect(result.changed).toEqual(['post-2', 'post-3']);
    expect(result.stories.map((s) => s.saved)).toEqual([undefined, NOW, NOW]);
    expect(result.full).toBe(false);
  });

  it('keeps the first save time of a story saved again, and reports no change', () => {
    const result = setSaved(
      stories(2, (i) => (i === 1 ? { saved: EARLIER } : {})),
      ['post-1'],
      true,
      NOW,
      ROOMY,
    );
    expect(result.changed).toEqual([]);
    expect(result.stories[0]!.saved).toBe(EARLIER);
  });

  it('unsaves, leaving no saved field behind', () => {
    const result = setSaved(
      stories(2, () => ({ saved: EARLIER })),
      ['post-2'],
      false,
      NOW,
      ROOMY,
    );
    expect(result.changed).toEqual(['post-2']);
    expect(result.stories[1]).not.toHaveProperty('saved');
    // Everything else about the story stays.
    expect(result.stories[1]).toMatchObject({ id: 'post-2', headline: 'Headline 2', read: false });
    expect(result.stories[0]!.saved).toBe(EARLIER);
  });

  it('stops at the limit, saves none past it and says the shelf is full', () => {
    const list = stories(5, (i) => (i <= 2 ? { saved: EARLIER } : {}));
    const limits = { stories: 3, bodyBytes: 1e9 };
    const result = setSaved(list, ['post-3', 'post-4', 'post-5'], true, NOW, limits);
    expect(result.changed).toEqual(['post-3']);
    expect(result.full).toBe(true);
    expect(savedCount(result.stories)).toBe(3);
    // Unsaving is never refused, even on a full shelf.
    expect(setSaved(result.stories, ['post-1'], false, NOW, limits).changed).toEqual(['post-1']);
  });

  it('stops where the saved bodies would pass their byte limit; a story without its body costs nothing', () => {
    const list = stories(4, (i) => ({ bodyBytes: 100, ...(i === 1 ? { saved: EARLIER } : {}) }));
    list[3] = { ...list[3]!, bodyDropped: true };
    const result = setSaved(list, ['post-2', 'post-3', 'post-4'], true, NOW, { stories: 10, bodyBytes: 200 });
    expect(result.changed).toEqual(['post-2', 'post-4']);
    expect(result.full).toBe(true);
    const exact = setSaved(list, ['post-2', 'post-3'], true, NOW, { stories: 10, bodyBytes: 300 });
    expect(exact).toMatchObject({ changed: ['post-2', 'post-3'], full: false });
  });

  it('counts a body of unknown size at a typical post’s 16 KB', () => {
    const list = stories(2);
    expect(setSaved(list, ['post-1'], true, NOW, { stories: 10, bodyBytes: 16 * 1024 }).full).toBe(false);
    expect(setSaved(list, ['post-1'], true, NOW, { stories: 10, bodyBytes: 16 * 1024 - 1 }).full).toBe(true);
  });
});
