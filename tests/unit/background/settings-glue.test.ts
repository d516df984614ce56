import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { updateBadge } from '@/entrypoints/background/badge';
import { applySettings } from '@/entrypoints/background/apply-settings';
import { pollFeed } from '@/entrypoints/background/poll';
import { applyRetention } from '@/entrypoints/background/store-maintenance';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import {
  bodyKey,
  feedStateItem,
  pendingNoticesItem,
  readArchiveItem,
  settingsItem,
  storiesItem,
} from '@/utils/storage';

const atom = readFileSync(new URL('../../fixtures/smileband-atom.xml', import.meta.url), 'utf8');
const rss = readFileSync(new URL('../../fixtures/smileband-rss.xml', import.meta.url), 'utf8');
const OTHER = 'https://other.example/feeds/posts/default';
const deps = () => ({
  fetch: vi.fn<typeof fetch>((url) =>
    Promise.resolve(new Response(requestUrl(url).startsWith(OTHER) ? rss.replaceAll('post-7351', 'post-9351') : atom)),
  ),
  now: () => Date.now(),
  online: () => true,
  random: () => 0.5,
  announce: async () => {},
});

describe('applying settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('re-creates the alarm when the interval changes', async () => {
    await applySettings({ ...DEFAULT_SETTINGS, intervalMinutes: 60 }, DEFAULT_SETTINGS);
    expect((await browser.alarms.get('poll-feed'))?.periodInMinutes).toBe(60);
  });

  it('starts a fresh store for a new feed and brings read state back on return', async () => {
    await pollFeed(deps());
    const read = (await storiesItem.getValue()).slice(0, 3).map((story) => story.id);
    await storiesItem.setValue(
      (await storiesItem.getValue()).map((story) => ({ ...story, read: read.includes(story.id) })),
    );

    const { switchFeed } = await import('@/entrypoints/background/store-maintenance');
    await switchFeed(DEFAULT_SETTINGS.feedUrl, OTHER);
    expect(await storiesItem.getValue()).toEqual([]);
    expect(await storage.getItem(bodyKey(read[0]!))).toBeNull();

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, feedUrl: OTHER });
    await pollFeed(deps());
    expect((await storiesItem.getValue()).every((story) => !story.read && story.id.includes('post-9351'))).toBe(true);

    await switchFeed(OTHER, DEFAULT_SETTINGS.feedUrl);
    await settingsItem.setValue(DEFAULT_SETTINGS);
    await pollFeed(deps());
    const back = await storiesItem.getValue();
    expect(back.filter((story) => story.read).map((story) => story.id)).toEqual(read);
  });

  it('keeps the Saved shelf, bodies and all, through a switch to another feed and back', async () => {
    await pollFeed(deps());
    const [kept] = await storiesItem.getValue();
    await storiesItem.setValue(
      (await storiesItem.getValue()).map((story) =>
        story.id === kept!.id ? { ...story, saved: '2026-11-30T12:00:00.000Z' } : story,
      ),
    );
    const body = await storage.getItem<string>(bodyKey(kept!.id));
    const { switchFeed } = await import('@/entrypoints/background/store-maintenance');
    await switchFeed(DEFAULT_SETTINGS.feedUrl, OTHER);
    expect((await storiesItem.getValue()).map((story) => story.id)).toEqual([kept!.id]);
    expect(await storage.getItem(bodyKey(kept!.id))).toBe(body);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, feedUrl: OTHER });
    await pollFeed(deps());
    expect((await storiesItem.getValue()).filter((story) => story.saved).map((story) => story.id)).toEqual([kept!.id]);
  });

  it('updates the badge when the rules change what it counts', async () => {
    await pollFeed(deps());
    await updateBadge();
    expect(await browser.action.getBadgeText({})).toBe('25');
    const muted = { ...DEFAULT_SETTINGS, keywordRules: [{ words: 'Jamaica', action: 'hide' as const }] };
    await settingsItem.setValue(muted);
    await applySettings(muted, DEFAULT_SETTINGS);
    expect(Number(await browser.action.getBadgeText({}))).toBeLessThan(25);
  });

  it('applies a lower retention at once, bodies included', async () => {
    await pollFeed(deps());
    const stories = await storiesItem.getValue();
    await applyRetention(10);
    expect(await storiesItem.getValue()).toHaveLength(10);
    expect(await storage.getItem(bodyKey(stories[10]!.id))).toBeNull();
    expect(await storage.getItem(bodyKey(stories[9]!.id))).not.toBeNull();
  });

  it('reads the new feed at once when its address changes, from a fresh store', async () => {
    await pollFeed(deps());
    const serve = deps().fetch;
    vi.stubGlobal('fetch', serve);
    try {
      await settingsItem.setValue({ ...DEFAULT_SETTINGS, feedUrl: OTHER });
      await applySettings({ ...DEFAULT_SETTINGS, feedUrl: OTHER }, DEFAULT_SETTINGS);
      expect(requestUrl(serve.mock.calls[0]![0])).toBe(OTHER);
      const stories = await storiesItem.getValue();
      expect(stories).toHaveLength(25);
      expect(stories.every((story) => story.id.includes('post-9351'))).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('drops stories only when retention goes down', async () => {
    await pollFeed(deps());
    await applySettings({ ...DEFAULT_SETTINGS, retention: 1000 }, { ...DEFAULT_SETTINGS, retention: 500 });
    await applySettings({ ...DEFAULT_SETTINGS, retention: 20 }, { ...DEFAULT_SETTINGS, retention: 20 });
    expect(await storiesItem.getValue()).toHaveLength(25);
    await applySettings({ ...DEFAULT_SETTINGS, retention: 20 }, { ...DEFAULT_SETTINGS, retention: 21 });
    expect(await storiesItem.getValue()).toHaveLength(20);
  });

  it('writes nothing when a lower retention still keeps every story', async () => {
    await pollFeed(deps());
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    await applyRetention(100);
    expect(writes).not.toHaveBeenCalled();
    writes.mockRestore();
  });

  it('switches away from an empty store without removing anything', async () => {
    const removes = vi.spyOn(fakeBrowser.storage.local, 'remove');
    const { switchFeed } = await import('@/entrypoints/background/store-maintenance');
    await switchFeed(DEFAULT_SETTINGS.feedUrl, OTHER);
    expect(removes).not.toHaveBeenCalled();
    removes.mockRestore();
  });

  it('keeps the old feed’s read ids (the newest 1000) and nothing else, and starts the new feed clean', async () => {
    const { switchFeed, ARCHIVE_LIMIT } = await import('@/entrypoints/background/store-maintenance');
    await pollFeed(deps());
    const stories = await storiesItem.getValue();
    await storiesItem.setValue(stories.map((story, i) => ({ ...story, read: i < 2 })));
    await pendingNoticesItem.setValue([stories[5]!.id]);
    await switchFeed(DEFAULT_SETTINGS.feedUrl, OTHER);
    expect(await readArchiveItem.getValue()).toEqual({ [DEFAULT_SETTINGS.feedUrl]: [stories[0]!.id, stories[1]!.id] });
    expect(await feedStateItem.getValue()).toMatchObject({ url: OTHER, etag: null, lastModified: null });
    expect(await pendingNoticesItem.getValue()).toEqual([]);

    const older = Array.from({ length: ARCHIVE_LIMIT }, (_, i) => `old-${i}`);
    await readArchiveItem.setValue({ [OTHER]: older });
    await storiesItem.setValue(stories.slice(0, 1).map((story) => ({ ...story, read: true })));
    await switchFeed(OTHER, DEFAULT_SETTINGS.feedUrl);
    const kept = (await readArchiveItem.getValue())[OTHER]!;
    expect(kept).toHaveLength(ARCHIVE_LIMIT);
    expect(kept.slice(0, 2)).toEqual([stories[0]!.id, 'old-0']);
  });

  it('touches neither the alarm nor the badge for a change to something else', async () => {
    const alarms = vi.spyOn(fakeBrowser.alarms, 'get');
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await applySettings({ ...DEFAULT_SETTINGS, notifications: false }, DEFAULT_SETTINGS);
    expect(alarms).not.toHaveBeenCalled();
    expect(badge).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('sets everything up from the first settings (nothing before them)', async () => {
    await pollFeed(deps());
    await applySettings(DEFAULT_SETTINGS, null);
    expect((await browser.alarms.get('poll-feed'))?.periodInMinutes).toBe(DEFAULT_SETTINGS.intervalMinutes);
    expect(await browser.action.getBadgeText({})).toBe('25');
  });

  it('hides the count when the badge is turned off, and shows it again when turned on', async () => {
    await pollFeed(deps());
    await updateBadge();
    expect(await browser.action.getBadgeText({})).toBe('25');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, badge: false });
    await applySettings({ ...DEFAULT_SETTINGS, badge: false }, DEFAULT_SETTINGS);
    expect(await browser.action.getBadgeText({})).toBe('');
    await settingsItem.setValue(DEFAULT_SETTINGS);
    await applySettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, badge: false });
    expect(await browser.action.getBadgeText({})).toBe('25');
  });
});

function requestUrl(input: RequestInfo | URL): string {
  return input instanceof Request ? input.url : input instanceof URL ? input.href : input;
}
