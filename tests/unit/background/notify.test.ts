import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { announce, openFromNotification, saveFromNotification } from '@/entrypoints/background/notify';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { pendingNoticesItem, settingsItem, storiesItem } from '@/utils/storage';
import { story } from '../../support/stories';

// Local noon (no zone): outside the quiet hours these tests set, on any machine's clock.
const NOON = new Date('2026-02-03T12:00:00').getTime();
const recent = new Date(NOON - 15 * 60e3).toISOString();
// Tabs opened since the fake browser started (it starts with one blank tab).
const openedUrls = async () => (await fakeBrowser.tabs.query({})).flatMap((tab) => tab.url ?? []);
// Ten past seven, local time: just after the quiet hours these tests set (22:00–07:00), 15 minutes
// after the last poll; nothing new.
const MORNING = new Date('2026-02-04T07:10:00').getTime();
const announceAfterQuietHours = () =>
  announce({ added: [], firstRun: false, lastSuccessAt: new Date(MORNING - 15 * 60e3).toISOString(), now: MORNING });
const shown = async () =>
  fakeBrowser.notifications.getAll() as Promise<
    Record<string, { title: string; message: string; contextMessage?: string }>
  >;

describe('notifications', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows each new story with its real headline and the sponsor disclosure', async () => {
    await announce({ added: [story(1), story(2)], firstRun: false, lastSuccessAt: recent, now: NOON });
    const all = await shown();
    expect(Object.keys(all)).toEqual(['story|post-1', 'story|post-2']);
    // The headline in the line that wraps, the disclosure in the context line.
    expect(all['story|post-1']).toEqual(
      expect.objectContaining({
        title: 'New on 222 News',
        message: 'Headline 1',
        contextMessage: 'Sponsored by smileband',
      }),
    );
  });

  it('follows the reader’s rules: a muted or quiet story is not announced, an "always" word is', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      keywordRules: [
        { words: 'football', action: 'hide' },
        { words: 'transfer', action: 'quiet' },
        { words: 'final', action: 'always' },
      ],
      labelRules: { Sport: 'quiet' },
    });
    const labelled = (n: number, headline: string, labels: string[] = []) => ({ ...story(n), headline, labels });
    await announce({
      added: [
        labelled(1, 'Football tonight'),
        labelled(2, 'Transfer news'),
        labelled(3, 'Cup final tonight', ['Sport']),
        labelled(4, 'Scores', ['Sport']),
        labelled(5, 'Bank holds rates'),
      ],
      firstRun: false,
      lastSuccessAt: recent,
      now: NOON,
    });
    expect(Object.keys(await shown())).toEqual(['story|post-3', 'story|post-5']);
  });

  it('leaves out of the quiet-hours digest a held story the reader has muted since', async () => {
    const labelled = (n: number, headline: string) => ({ ...story(n), headline, labels: [] });
    await storiesItem.setValue([labelled(1, 'Football tonight'), labelled(2, 'Bank holds rates')]);
    await pendingNoticesItem.setValue(['post-1', 'post-2']);
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      quietHours: { enabled: true, start: '22:00', end: '07:00' },
      keywordRules: [{ words: 'football', action: 'hide' }],
    });
    await announceAfterQuietHours();
    const messages = Object.values(await shown()).map((notice) => notice.message);
    expect(messages).toEqual(['Bank holds rates']);
  });

  it('holds an "always notify" story through quiet hours, like any other', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      quietHours: { enabled: true, start: '22:00', end: '07:00' },
      labelRules: { Sport: 'hide' },
      keywordRules: [{ words: 'final', action: 'always' }],
    });
    const night = new Date('2026-02-03T23:00:00').getTime();
    const final = { ...story(1), headline: 'The final', labels: ['Sport'] };
    await announce({
      added: [final],
      firstRun: false,
      lastSuccessAt: new Date(night - 15 * 60e3).toISOString(),
      now: night,
    });
    expect(await shown()).toEqual({});
    expect(await pendingNoticesItem.getValue()).toEqual(['post-1']);
  });

  it('names no sponsor on a story whose greeting names none', async () => {
    await announce({ added: [{ ...story(1), sponsor: null }], firstRun: false, lastSuccessAt: recent, now: NOON });
    expect((await shown())['story|post-1']).toEqual(
      expect.objectContaining({ message: 'Headline 1', contextMessage: 'Smileband News' }),
    );
  });

  it('sums up more than three new stories in one notification', async () => {
    const added = [1, 2, 3, 4, 5].map((n) => story(n));
    await announce({ added, firstRun: false, lastSuccessAt: recent, now: NOON });
    const all = Object.values(await shown());
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      title: '5 new stories',
      message: '• Headline 1\n• Headline 2\n• Headline 3\n• Headline 4\nand 1 more',
      contextMessage: 'Sponsored by smileband',
    });
  });

  it('is silent for the backlog on first install', async () => {
    await announce({ added: [story(1)], firstRun: true, lastSuccessAt: null, now: NOON });
    expect(await shown()).toEqual({});
  });

  it('is silent when switched off', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, notifications: false });
    await announce({ added: [story(1)], firstRun: false, lastSuccessAt: recent, now: NOON });
    expect(await shown()).toEqual({});
  });

  // Reads local time: the night and the morning below have no zone, like quiet hours.
  it('holds stories through quiet hours and gives one digest after', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, quietHours: { enabled: true, start: '22:00', end: '07:00' } });
    await storiesItem.setValue([story(2), story(1)]);
    const night = new Date('2026-02-03T23:00:00').getTime();
    await announce({ added: [story(1)], firstRun: false, lastSuccessAt: recent, now: night });
    await announce({ added: [story(2)], firstRun: false, lastSuccessAt: recent, now: night + 3600e3 });
    expect(await shown()).toEqual({});
    expect(await pendingNoticesItem.getValue()).toEqual(['post-2', 'post-1']);
    await announceAfterQuietHours();
    expect(Object.values(await shown())).toEqual([expect.objectContaining({ title: '2 stories while you were away' })]);
    expect(await pendingNoticesItem.getValue()).toEqual([]);
  });

  it('opens a clicked story and marks it read; a tab with the original where no side panel can open', async () => {
    await storiesItem.setValue([story(1), story(2)]);
    await announce({ added: [story(1)], firstRun: false, lastSuccessAt: recent, now: NOON });
    await openFromNotification('story|post-1');
    expect((await storiesItem.getValue()).map((s) => s.read)).toEqual([true, false]);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain('https://www.smileband.co.uk/1.html');
    expect(await shown()).toEqual({});
  });

  it('offers Open and Save on a story (Chrome)', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await announce({ added: [story(1)], firstRun: false, lastSuccessAt: recent, now: NOON });
    expect(create).toHaveBeenCalledWith(
      'story|post-1',
      expect.objectContaining({ buttons: [{ title: 'Open' }, { title: 'Save' }] }),
    );
  });

  it('lists four stories whole in a summary, and sums up only from the fifth', async () => {
    await announce({ added: [1, 2, 3, 4].map((n) => story(n)), firstRun: false, lastSuccessAt: recent, now: NOON });
    expect(Object.values(await shown())).toEqual([
      expect.objectContaining({
        title: '4 new stories',
        message: '• Headline 1\n• Headline 2\n• Headline 3\n• Headline 4',
      }),
    ]);
  });

  it('writes nothing when a poll brings nothing and nothing waits', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await announce({ added: [], firstRun: false, lastSuccessAt: recent, now: NOON });
    expect(set).not.toHaveBeenCalled();
    expect(await shown()).toEqual({});
  });

  it('opens the story list from a summary, in a tab where no side panel can open', async () => {
    await announce({ added: [1, 2, 3, 4, 5].map((n) => story(n)), firstRun: false, lastSuccessAt: recent, now: NOON });
    const [id] = Object.keys(await shown());
    expect(id).toBe(`summary|${NOON}`);
    await openFromNotification(id!);
    expect(await openedUrls()).toEqual([expect.stringMatching(/\/sidepanel\.html$/)]);
    expect(await shown()).toEqual({});
  });

  it('opens a story that is no longer stored in the side panel page, in a tab', async () => {
    await openFromNotification('story|post-gone');
    expect(await openedUrls()).toEqual([expect.stringMatching(/\/sidepanel\.html\?item=post-gone$/)]);
  });

  it('does nothing but close a notification it does not know', async () => {
    await storiesItem.setValue([story(1)]);
    const stored = await fakeBrowser.storage.local.get(null);
    await openFromNotification('other|post-1');
    await saveFromNotification('summary|1');
    expect(await openedUrls()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(stored);
  });

  it('opens the original in a tab where the browser has no chrome namespace at all', async () => {
    vi.stubGlobal('chrome', undefined);
    await storiesItem.setValue([story(1)]);
    await openFromNotification('story|post-1');
    expect(await openedUrls()).toContain('https://www.smileband.co.uk/1.html');
    vi.unstubAllGlobals();
  });

  it('drops a held story that was removed before the quiet hours ended', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, quietHours: { enabled: true, start: '22:00', end: '07:00' } });
    await pendingNoticesItem.setValue(['post-gone', 'post-1']);
    await storiesItem.setValue([story(1)]);
    await announceAfterQuietHours();
    expect(Object.values(await shown())).toEqual([
      expect.objectContaining({ title: 'New on 222 News', message: 'Headline 1' }),
    ]);
    expect(await pendingNoticesItem.getValue()).toEqual([]);
  });

  it('names the extension on a summary whose stories name no sponsor', async () => {
    const added = [1, 2, 3, 4].map((n) => ({ ...story(n), sponsor: null }));
    await announce({ added, firstRun: false, lastSuccessAt: recent, now: NOON });
    expect(Object.values(await shown())).toEqual([expect.objectContaining({ contextMessage: 'Smileband News' })]);
  });

  describe('where the side panel can open (Chrome)', () => {
    const setOptions = vi.fn(() => Promise.resolve());
    const open = vi.fn(() => Promise.resolve());
    beforeEach(() => {
      setOptions.mockClear();
      open.mockClear();
      vi.stubGlobal('chrome', { sidePanel: { setOptions, open } });
      vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ id: 7 } as never);
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    });

    it('shows a clicked story there, in the focused window, and opens no tab', async () => {
      await storiesItem.setValue([story(1)]);
      await openFromNotification('story|post 1/2');
      expect(setOptions).toHaveBeenCalledWith({ path: 'sidepanel.html?item=post%201%2F2' });
      expect(open).toHaveBeenCalledWith({ windowId: 7 });
      expect(await openedUrls()).toEqual([]);
    });

    it('shows the story list there for a summary', async () => {
      await openFromNotification('summary|1');
      expect(setOptions).toHaveBeenCalledWith({ path: 'sidepanel.html' });
      expect(open).toHaveBeenCalledWith({ windowId: 7 });
    });
  });

  it('"Save" puts the story on the Saved shelf, unread, without opening anything', async () => {
    await storiesItem.setValue([story(1), story(2)]);
    const tabs = await fakeBrowser.tabs.query({});
    await saveFromNotification('story|post-1');
    const [saved, other] = await storiesItem.getValue();
    expect(saved!.read).toBe(false);
    expect(Date.parse(saved!.saved!)).toBeGreaterThan(0);
    expect(other!.saved).toBeUndefined();
    expect(await fakeBrowser.tabs.query({})).toEqual(tabs);
    expect(await shown()).toEqual({});
  });

  it('"Save" on a full shelf says so in a notification', async () => {
    const full = Array.from({ length: 200 }, (_, i) => ({ ...story(i + 2), saved: new Date(NOON).toISOString() }));
    await storiesItem.setValue([story(1), ...full]);
    await saveFromNotification('story|post-1');
    expect((await storiesItem.getValue())[0]!.saved).toBeUndefined();
    const notices = Object.values(await shown()) as { message: string }[];
    expect(notices.map((notice) => notice.message)).toEqual([
      expect.stringMatching(/^The Saved shelf is full \(200 stories/),
    ]);
    expect((notices[0] as unknown as { title: string }).title).toBe('Smileband News');
  });
});
