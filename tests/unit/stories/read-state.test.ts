import { describe, expect, it } from 'vitest';
import { setRead, unreadCount } from '@/utils/stories/read-state';
import { story } from '../../support/stories';

const stories = [story('a'), story('b', { read: true }), story('c')];

describe('read state', () => {
  it('counts unread stories', () => {
    expect(unreadCount(stories)).toBe(2);
    expect(unreadCount([])).toBe(0);
  });

  it.each([
    [['a'], true, ['a'], 1],
    [['b'], true, [], 2],
    [['b'], false, ['b'], 3],
    [['a', 'missing'], true, ['a'], 1],
    ['all', true, ['a', 'c'], 0],
  ] as const)('setRead(%j, %s) changes %j and leaves %i unread', (ids, read, changed, unread) => {
    const result = setRead(stories, ids, read);
    expect(result.changed).toEqual(changed);
    expect(unreadCount(result.stories)).toBe(unread);
  });

  it('does not modify the list it was given', () => {
    setRead(stories, 'all', true);
    expect(unreadCount(stories)).toBe(2);
  });
});
