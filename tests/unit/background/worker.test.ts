// The worker's wiring (entrypoints/background/index.ts): each browser event reaches what it should,
// through the fake browser, with the site's feed served by a stub fetch.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { POLL_ALARM } from '@/utils/config';
import { unreadCount } from '@/utils/stories/read-state';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { pollStatusItem, settingsItem, storiesItem } from '@/utils/storage';
import { fakeEvent } from '../../support/fake-event';
import { fromText as release010Doc } from '../../fixtures/release-0.1.0/read-sync';
import release010 from '../../fixtures/release-0.1.0/storage.json';
import { fromText } from '@/utils/stories/read-sync';

const atom = readFileSync(new URL('../../fixtures/smileband-atom.xml', import.meta.url), 'utf8');

describe('the background worker', () => {
  const fetch = vi.fn<typeof globalThis.fetch>();
  const errors = vi.fn();
  let menu: ReturnType<typeof vi.fn>;
  let notificationClicks: ReturnType<typeof fakeEvent>;
  let notificationButtons: ReturnType<typeof fakeEvent>;
  // The worker's own global events ("online"): Node has none.
  let windowEvents: EventTarget;

  beforeEach(() => {
    fakeBrowser.reset();
    fetch.mockReset();
    fetch.mockImplementation(() => Promise.resolve(new Response(atom)));
    vi.stubGlobal('fetch', fetch);
    windowEvents = new EventTarget();
    vi.stubGlobal('addEventListener', windowEvents.addEventListener.bind(windowEvents));
    vi.spyOn(console, 'error').mockImplementation(errors);
    errors.mockClear();
    // The fake browser has no commands, context menus or notification events: these stand in.
    menu = vi.fn();
    vi.spyOn(fakeBrowser.commands, 'onCommand', 'get').mockReturnValue(fakeEvent() as never);
    vi.spyOn(fakeBrowser.contextMenus, 'onClicked', 'get').mockReturnValue(fakeEvent() as never);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(menu as never);
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(() => Promise.resolve());
    notificationClicks = fakeEvent();
    notificationButtons = fakeEvent();
    vi.spyOn(fakeBrowser.notifications, 'onClicked', 'get').mockReturnValue(notificationClicks as never);
    vi.spyOn(fakeBrowser.notifications, 'onButtonClicked', 'get').mockReturnValue(notificationButtons as never);
    background.main();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  const stories = () => storiesItem.getValue();
  const polled = () => vi.waitFor(async () => expect(await stories()).toHaveLength(25));

  it('starts with the poll alarm at the reader’s interval and an empty badge', async () => {
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(POLL_ALARM)).toMatchObject({
        periodInMinutes: DEFAULT_SETTINGS.intervalMinutes,
      }),
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('polls on install, counts the stories on the badge, and offers the side panel in the menu', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await polled();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('25'));
    await vi.waitFor(() => expect(menu).toHaveBeenCalled());
  });

  it('on an update from release 0.1.0, brings its stored data up to date, polls nothing and loses nothing', async () => {
    const { local, sync } = release010 as { local: Record<string, unknown>; sync: Record<string, unknown> };
    // Its feed was the e2e server's; here the build's default. And its document said "read up to"
    // a date, as that release wrote it once marks had settled.
    const settings = { ...(local.settings as object), feedUrl: DEFAULT_SETTINGS.feedUrl };
    const syncDoc = `1|${(local.stories as { published: string }[])[10]!.published}|1j3qow|${(local.syncDoc as string).split('|').slice(3).join('|')}`;
    await fakeBrowser.storage.local.set({ ...local, settings, syncDoc });
    await fakeBrowser.storage.sync.set(sync);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' } as never);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.local.get('syncDoc$')).toEqual({ syncDoc$: { v: 2 } }),
    );
    const after = await fakeBrowser.storage.local.get(null);
    // The document keeps its marks, in this release's format, without the date.
    expect(after.syncDoc).toMatch(/^1\|\|0\|.*\|2$/);
    const marks = fromText(after.syncDoc as string, Date.now());
    const before = release010Doc(syncDoc);
    expect([marks.read, marks.saved]).toEqual([before.read, before.saved]);
    expect(marks.read.size).toBe(3);
    for (const key of Object.keys(local).filter((key) => key !== 'syncDoc' && key !== 'settings'))
      expect(after[key], key).toEqual(local[key]);
    expect(after.settings).toEqual(settings);
    await vi.waitFor(() => expect(menu).toHaveBeenCalled());
    expect(fetch).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
    // The badge counts what it counted before: 25 stories, 3 read, 2 hidden by the rule.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('20'));

    // Its next poll works and keeps every mark; nothing that was there is announced.
    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledOnce());
    await vi.waitFor(async () => expect((await pollStatusItem.getValue()).lastSuccessAt).not.toBe(null));
    const read = (list: unknown) => (list as { id: string; read: boolean }[]).filter((s) => s.read).map((s) => s.id);
    expect(read(await stories())).toEqual(read(local.stories));
    expect(create).not.toHaveBeenCalled();
  });

  it('polls when the browser starts, when its alarm rings and when the network comes back', async () => {
    await fakeBrowser.runtime.onStartup.trigger();
    await polled();
    expect(fetch).toHaveBeenCalledTimes(1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    windowEvents.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
  });

  it('says the reader is offline instead of asking the network, and asks again once online', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await pollStatusItem.getValue()).error).toMatchObject({ kind: 'offline' }));
    expect(fetch).not.toHaveBeenCalled();
    vi.stubGlobal('navigator', { onLine: true });
    windowEvents.dispatchEvent(new Event('online'));
    await polled();
  });

  it('ignores another alarm', async () => {
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now() });
    await new Promise((done) => setTimeout(done, 20));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('answers the pages’ requests, and leaves other messages to other listeners', async () => {
    await fakeBrowser.runtime.onStartup.trigger();
    await polled();
    const [first] = await stories();
    const replies = await fakeBrowser.runtime.onMessage.trigger({ type: 'set-read', ids: [first!.id], read: true }, {});
    expect(replies).toContainEqual({ changed: [first!.id] });
    expect(unreadCount(await stories())).toBe(24);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('24'));
    const refreshed = await fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, {});
    expect(refreshed).toContainEqual({ ok: true, error: null, added: 0 });
    expect(fetch).toHaveBeenCalledTimes(2);
    const others = await fakeBrowser.runtime.onMessage.trigger({ type: 'show-story', id: first!.id }, {});
    expect(others).toEqual([undefined]);
  });

  it('saves a story from its notification’s second button, and opens it from the first', async () => {
    await fakeBrowser.runtime.onStartup.trigger();
    await polled();
    const [first, second] = await stories();
    const open = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    notificationButtons.fire(`story|${first!.id}`, 1);
    await vi.waitFor(async () => expect((await stories())[0]!.saved).toEqual(expect.any(String)));
    expect((await stories())[0]!.read).toBe(false);
    expect(open).not.toHaveBeenCalled();
    notificationButtons.fire(`story|${second!.id}`, 0);
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith(expect.objectContaining({ url: second!.link })));
    notificationClicks.fire(`story|${first!.id}`);
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith(expect.objectContaining({ url: first!.link })));
  });

  it('carries a settings change into the alarm and the badge', async () => {
    await fakeBrowser.runtime.onStartup.trigger();
    await polled();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, intervalMinutes: 60, badge: false });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(POLL_ALARM)).toMatchObject({ periodInMinutes: 60 }),
    );
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
  });

  describe('logs a failure it did not expect, naming what failed', () => {
    const storageFails = () => vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage gone'));
    it.each([
      ['poll (install)', () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never)],
      ['poll (startup)', () => fakeBrowser.runtime.onStartup.trigger()],
      ['poll (alarm)', () => fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now() })],
      ['poll (online)', () => windowEvents.dispatchEvent(new Event('online'))],
      ['notification', () => notificationClicks.fire('story|a')],
      ['notification', () => notificationButtons.fire('story|a', 1)],
    ])('%s', async (what, happen) => {
      storageFails();
      await happen();
      await vi.waitFor(() => expect(errors).toHaveBeenCalledWith(`Smileband News: ${what}`, expect.any(Error)));
    });

    it('the side panel menu', async () => {
      menu.mockImplementation(() => {
        throw new Error('no menus');
      });
      await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
      await vi.waitFor(() => expect(errors).toHaveBeenCalledWith('Smileband News: menu', expect.any(Error)));
    });

    it('the badge', async () => {
      vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('no badge'));
      await storiesItem.setValue([]);
      await vi.waitFor(() => expect(errors).toHaveBeenCalledWith('Smileband News: badge', expect.any(Error)));
    });

    it('a settings change', async () => {
      vi.spyOn(fakeBrowser.alarms, 'create').mockRejectedValue(new Error('no alarms'));
      await settingsItem.setValue({ ...DEFAULT_SETTINGS, intervalMinutes: 60 });
      await vi.waitFor(() => expect(errors).toHaveBeenCalledWith('Smileband News: settings', expect.any(Error)));
    });

    it('the poll alarm at start', async () => {
      vi.spyOn(fakeBrowser.alarms, 'get').mockRejectedValue(new Error('no alarms'));
      background.main();
      await vi.waitFor(() => expect(errors).toHaveBeenCalledWith('Smileband News: alarm', expect.any(Error)));
    });
  });

  it('turns the badge to the error state when a poll fails, and says so in one log line', async () => {
    fetch.mockImplementation(() => Promise.reject(new TypeError('Failed to fetch')));
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await pollStatusItem.getValue()).error).not.toBeNull());
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('!'));
    expect(errors).not.toHaveBeenCalled();
  });
});
