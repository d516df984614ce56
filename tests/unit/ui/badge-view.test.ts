import { describe, expect, it } from 'vitest';
import { BADGE_COLOR, BADGE_ERROR_COLOR, badgeText, badgeView } from '@/utils/ui/badge-view';

const NOW = Date.parse('2026-02-02T16:00:00Z');
const base = {
  showCount: true,
  now: NOW,
  lastSuccessAt: '2026-02-02T15:00:00Z',
  extensionName: 'Smileband News',
  error: null,
};

describe('badgeText', () => {
  it.each([
    [0, ''],
    [-1, ''],
    [1, '1'],
    [25, '25'],
    [99, '99'],
    [100, '99+'],
    [1000, '99+'],
  ])('%i unread → %j', (unread, text) => {
    expect(badgeText(unread)).toBe(text);
  });
});

describe('badgeView', () => {
  it('shows the count in the normal colour when polling works', () => {
    expect(badgeView({ ...base, unread: 25 })).toEqual({
      text: '25',
      color: BADGE_COLOR,
      title: 'Smileband News: 25 unread stories',
    });
    expect(badgeView({ ...base, unread: 1 }).title).toBe('Smileband News: 1 unread story');
    expect(badgeView({ ...base, unread: 0 })).toEqual({
      text: '',
      color: BADGE_COLOR,
      title: 'Smileband News: No unread stories',
    });
  });

  it('keeps the count but turns red on a failed poll, saying what failed and when it last worked', () => {
    const error = {
      kind: 'http' as const,
      status: 503,
      host: 'www.smileband.co.uk',
      message: 'www.smileband.co.uk answered 503.',
    };
    const view = badgeView({ ...base, unread: 3, error });
    expect(view.text).toBe('3');
    expect(view.color).toBe(BADGE_ERROR_COLOR);
    expect(view.title).toBe(
      'Smileband News: 3 unread stories\nUpdate failed: www.smileband.co.uk answered 503.\nLast updated 1 hour ago.',
    );
  });

  it('shows no count when the reader turned it off, but still shows a failure', () => {
    expect(badgeView({ ...base, unread: 25, showCount: false }).text).toBe('');
    const error = { kind: 'offline' as const, message: 'You are offline.' };
    expect(badgeView({ ...base, unread: 25, showCount: false, error }).text).toBe('!');
  });

  it('shows "!" on a failed poll with nothing unread', () => {
    const error = {
      kind: 'network' as const,
      host: 'www.smileband.co.uk',
      message: 'Could not reach www.smileband.co.uk.',
    };
    const view = badgeView({ ...base, unread: 0, lastSuccessAt: null, error });
    expect(view).toMatchObject({ text: '!', color: BADGE_ERROR_COLOR });
    expect(view.title).toMatch(/Not updated yet\.$/);
  });
});
