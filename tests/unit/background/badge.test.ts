import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { updateBadge } from '@/entrypoints/background/badge';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { pollStatusItem, settingsItem, storiesItem } from '@/utils/storage';
import { story } from '../../support/stories';

const stories = (unread: number, read = 0) =>
  Array.from({ length: unread + read }, (_, i) => story(`s${i}`, { read: i >= unread }));

describe('updateBadge', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    [0, ''],
    [7, '7'],
    [150, '99+'],
  ])('shows %i unread stories as %j', async (unread, text) => {
    await storiesItem.setValue(stories(unread, 3));
    await updateBadge();
    expect(await browser.action.getBadgeText({})).toBe(text);
  });

  it('counts only the unread stories the reader’s rules do not hide', async () => {
    await storiesItem.setValue([
      story('a', { headline: 'Football tonight', labels: [] }),
      story('b', { headline: 'Scores', labels: ['Sport'] }),
      story('c', { headline: 'Bank holds rates', labels: [] }),
      story('d', { headline: 'Celebrity news', labels: ['Celebrity'] }),
    ]);
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      keywordRules: [{ words: 'football', action: 'hide' }],
      labelRules: { Sport: 'quiet', Celebrity: 'hide' },
    });
    await updateBadge();
    // The quiet one is listed and counted; the two hidden ones are not.
    expect(await browser.action.getBadgeText({})).toBe('2');
  });

  it('names the extension and the count in the tooltip, on the badge’s own colour', async () => {
    await storiesItem.setValue(stories(7));
    await updateBadge();
    expect(await browser.action.getTitle({})).toBe('Smileband News: 7 unread stories');
    const color = await browser.action.getBadgeBackgroundColor({});
    await pollStatusItem.setValue({
      lastAttemptAt: '2026-02-03T09:00:00.000Z',
      lastSuccessAt: null,
      lastChangeAt: null,
      error: { kind: 'offline', message: 'You are offline.', at: '2026-02-03T09:00:00.000Z' },
    });
    await updateBadge();
    expect(await browser.action.getBadgeBackgroundColor({})).not.toEqual(color);
  });

  it('says in the tooltip what failed', async () => {
    await storiesItem.setValue(stories(2));
    await pollStatusItem.setValue({
      lastAttemptAt: '2026-02-03T09:00:00.000Z',
      lastSuccessAt: null,
      lastChangeAt: null,
      error: {
        kind: 'timeout',
        host: 'www.smileband.co.uk',
        limit: 20,
        message: 'www.smileband.co.uk did not answer within 20 s.',
        at: '2026-02-03T09:00:00.000Z',
      },
    });
    await updateBadge();
    expect(await browser.action.getTitle({})).toMatch(
      /Update failed: www\.smileband\.co\.uk did not answer within 20 s\./,
    );
  });
});
