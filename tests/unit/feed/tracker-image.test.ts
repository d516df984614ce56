// Which pictures are tracking pixels: the rule the worker and the pages share.
import { describe, expect, it } from 'vitest';
import { isTrackerImage } from '@/utils/feed/tracker-image';

const size = (width: string | null, height: string | null = null, style: string | null = null) => ({
  width,
  height,
  style,
});

describe('isTrackerImage', () => {
  it.each([
    ['1 × 1', size('1', '1'), true],
    ['1 px wide only', size('1', '300'), true],
    ['0 high only', size('300', '0'), true],
    ['spelled 01, 1px, 0.5, 1.0 px', size('01'), true],
    ['a width of 1px padded to 31 characters', size(`${' '.repeat(28)}1px`), true],
    ['a width of 1px padded to 32 characters: too long to be a length', size(`${' '.repeat(29)}1px`), false],
    ['an empty width is no size', size('', '300'), false],
    ['an ordinary picture', size('640', '480'), false],
    ['1px by inline style', size(null, null, 'border:0; width: 1px !important'), true],
    ['hidden by inline style', size(null, null, 'display:none'), true],
    ['an ordinary style', size(null, null, 'width: 640px; height: auto'), false],
    [
      'a size past the first 2 KB of style is not read',
      size(null, null, `${'color:red;'.repeat(205)}width:1px`),
      false,
    ],
  ])('%s', (_case, image, tracker) => {
    expect(isTrackerImage(image)).toBe(tracker);
  });
});
