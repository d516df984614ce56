import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pollFeed, type PollDeps } from '@/entrypoints/background/poll';
import { importRead, updateRead } from '@/entrypoints/background/read-state';
import { updateSaved } from '@/entrypoints/background/saved';
import {
  isSettingsChange,
  isSyncChange,
  pullSettings,
  pullSync,
  pushSettings,
  pushSync,
  WRITE_GAP_MS,
} from '@/entrypoints/background/sync';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings-defaults';
import { applySettings } from '@/entrypoints/background/apply-settings';
import {
  readerFontScaleItem,
  readingStyleItem,
  settingsItem,
  storiesItem,
  syncDocItem,
  syncStatusItem,
} from '@/utils/storage';
import {
  decodeSync,
  EMPTY_SYNC,
  encodeSync,
  fromText,
  LOCAL_DOC_CHARS,
  storyKey,
  syncTime,
  toText,
  withMarks,
} from '@/utils/stories/read-sync';
import { asStored, postItem } from '../../support/stories';

const atom = readFileSync(new URL('../../fixtures/smileband-atom.xml', import.meta.url), 'utf8');
const NOW = Date.parse('2026-02-03T09:00:00Z');

function pollDeps() {
  const announce = vi.fn<PollDeps['announce']>(async () => {});
  const fetch = vi.fn<typeof globalThis.fetch>(() => Promise.resolve(new Response(atom, { status: 200 })));
  return { fetch, now: () => NOW, online: () => true, random: () => 0.5, announce } satisfies PollDeps;
}

/** What storage.sync holds: what another browser signed in to the same account would see. */
const syncArea = () => fakeBrowser.storage.sync.get(null);

/** Another browser: its own, empty storage.local, the same storage.sync. */
async function anotherBrowser() {
  const shared = await syncArea();
  fakeBrowser.reset();
  await fakeBrowser.storage.sync.set(shared);
}

const ids = async () => (await storiesItem.getValue()).map((story) => story.id);
const readIds = async () => (await storiesItem.getValue()).filter((story) => story.read).map((story) => story.id);

describe('read state across browsers', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('a new browser shows what was read and saved elsewhere from its first poll on, and announces none of it', async () => {
    await pollFeed(pollDeps(), 'install');
    const [first, second, third] = await ids();
    await updateRead([first!, second!, third!], true);
    await updateSaved([second!], true);
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    expect(Object.keys(await syncArea())).toEqual(expect.arrayContaining(['rs', 'rs0']));

    await anotherBrowser();
    await pullSync();
    const deps = pollDeps();
    await pollFeed(deps, 'install');
    expect(await readIds()).toEqual([first, second, third]);
    expect((await storiesItem.getValue()).filter((story) => story.saved).map((story) => story.id)).toEqual([second]);
  });

  it('a poll into an emptied store takes the shared marks first', async () => {
    await pollFeed(pollDeps(), 'install');
    const [first] = await ids();
    await updateRead([first!], true);
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    await anotherBrowser();
    await pollFeed(pollDeps(), 'manual');
    expect(await readIds()).toEqual([first]);
  });

  it('merges two browsers’ marks, and a later unread wins', async () => {
    await pollFeed(pollDeps(), 'install');
    const [first, second] = await ids();
    await updateRead([first!], true);
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    const browserA = await fakeBrowser.storage.local.get(null);

    await anotherBrowser();
    await pullSync();
    await pollFeed(pollDeps(), 'install');
    vi.setSystemTime(NOW + 60_000);
    await updateRead([second!], true);
    await updateRead([first!], false);
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    const shared = await syncArea();

    // Back in browser A: the storage.sync change arrives.
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set(browserA);
    await fakeBrowser.storage.sync.set(shared);
    await pullSync();
    expect(await readIds()).toEqual([second]);
  });

  it('writes once for marks made within two seconds', async () => {
    await pollFeed(pollDeps(), 'install');
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const [first, second, third] = await ids();
    await updateRead([first!], true);
    await updateRead([second!], true);
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS / 2);
    await updateSaved([third!], true);
    expect(set).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    expect(set).toHaveBeenCalledOnce();
  });

  it('keeps within the hour’s writes, the marks waiting in this browser', async () => {
    await pollFeed(pollDeps(), 'install');
    await fakeBrowser.storage.session.set({ syncWrites: { hour: Math.floor(Date.now() / 3600e3), count: 1500 } });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await updateRead([(await ids())[0]!], true);
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    expect(set).not.toHaveBeenCalled();
    // The next hour, the next write carries them.
    await fakeBrowser.storage.session.set({ syncWrites: { hour: 0, count: 0 } });
    await pushSync();
    expect(set).toHaveBeenCalledOnce();
  });

  it('a refused write keeps everything here and says why on the options page', async () => {
    await pollFeed(pollDeps(), 'install');
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const [first] = await ids();
    await updateRead([first!], true);
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    expect(await syncStatusItem.getValue()).toMatchObject({ error: 'QUOTA_BYTES quota exceeded' });
    expect(await readIds()).toEqual([first]);
    // A later write that goes through clears it.
    vi.restoreAllMocks();
    await pushSync();
    expect((await syncStatusItem.getValue()).error).toBeNull();
  });

  it('switched off, shares nothing and takes nothing', async () => {
    await pollFeed(pollDeps(), 'install');
    await settingsItem.setValue({ ...(await settingsItem.getValue()), syncRead: false });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await updateRead([(await ids())[0]!], true);
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    expect(set).not.toHaveBeenCalled();
    // Nor keeps marks for later: the stories' own read state goes out if it is switched on.
    expect(await syncDocItem.getValue()).toBe('');
  });

  it('counts its writes in the hour, starting again each hour, and writes nothing when nothing changed', async () => {
    await pollFeed(pollDeps(), 'install');
    await fakeBrowser.storage.session.set({ syncWrites: { hour: 1, count: 1500 } });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await updateRead([(await ids())[0]!], true);
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    expect(set).toHaveBeenCalledOnce();
    expect(await fakeBrowser.storage.session.get('syncWrites')).toEqual({
      syncWrites: { hour: Math.floor(NOW / 3600e3), count: 1 },
    });
    const local = vi.spyOn(fakeBrowser.storage.local, 'set');
    await pushSync();
    expect(set).toHaveBeenCalledOnce();
    // Nor rewrites the stories here, which the document already matches.
    expect(local.mock.calls.flatMap(([items]) => Object.keys(items as object))).not.toContain('stories');
  });

  it('a write takes in what the other browsers shared meanwhile', async () => {
    await pollFeed(pollDeps(), 'install');
    const [first, second] = await ids();
    await updateRead([first!], true);
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    const shared = await syncArea();
    const doc = withMarks(decodeSync(shared, NOW), 'read', [second!], true, syncTime(NOW) + 5);
    await fakeBrowser.storage.sync.set({ rs: '1', rs0: toText(doc) });
    await pushSync();
    expect(await readIds()).toEqual([first, second]);
  });

  it('switched off, takes nothing another browser shares; with nothing shared, writes nothing here', async () => {
    await pollFeed(pollDeps(), 'install');
    const [first] = await ids();
    const doc = withMarks(EMPTY_SYNC, 'read', [first!], true, syncTime(NOW));
    await fakeBrowser.storage.sync.set({ rs: '1', rs0: toText(doc) });
    await settingsItem.setValue({ ...(await settingsItem.getValue()), syncRead: false });
    await pullSync();
    expect(await readIds()).toEqual([]);

    // A mark made before it was switched off waits here, unshared.
    await syncDocItem.setValue(toText(withMarks(EMPTY_SYNC, 'read', [first!], false, syncTime(NOW) + 9)));
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await pushSync();
    expect(set).not.toHaveBeenCalled();

    fakeBrowser.reset();
    await pollFeed(pollDeps(), 'install');
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    await pullSync();
    expect(writes).not.toHaveBeenCalled();
    // Nor when the copy here already says what is shared.
    await updateRead([first!], true);
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    writes.mockClear();
    await pullSync();
    expect(writes).not.toHaveBeenCalled();
  });

  it('a browser holding fewer stories, its older ones from the archive, marks only what its reader read', async () => {
    // Browser B: sixty stories, all unread. Browser A: the ten newest, and fifty older ones that
    // came from the archive, read, never opened. A's reader opens one story.
    const sixty = Array.from({ length: 60 }, (_, n) =>
      asStored(postItem(n, new Date(NOW - n * 3600e3).toISOString(), { id: `post-${n}` })),
    );
    await storiesItem.setValue(sixty.map((story, n) => (n < 10 ? story : { ...story, read: true, archived: true })));
    await updateRead(['post-3'], true);
    vi.setSystemTime(NOW + 86_400e3);
    await pushSync();

    await anotherBrowser();
    await storiesItem.setValue(sixty);
    await pullSync();
    expect(await readIds()).toEqual(['post-3']);
  });

  it('shares no read state an imported file brings (it holds stories that arrived read)', async () => {
    await pollFeed(pollDeps(), 'install');
    const [first] = await ids();
    await importRead({ [DEFAULT_SETTINGS.feedUrl]: [first!] });
    await vi.advanceTimersByTimeAsync(WRITE_GAP_MS);
    expect(await readIds()).toEqual([first]);
    expect(await syncArea()).toEqual({});
  });

  it('keeps here the marks that no longer fit storage.sync, so an older mark there cannot win', async () => {
    await pollFeed(pollDeps(), 'install');
    const [first] = await ids();
    await updateRead([first!], true);
    // Seven thousand newer marks of other stories push this one out of the shared document.
    const many = Array.from({ length: 7_000 }, (_, n) => `elsewhere-${n}`);
    const doc = fromText(await syncDocItem.getValue(), NOW);
    await syncDocItem.setValue(toText(withMarks(doc, 'read', many, true, syncTime(NOW) + 60), LOCAL_DOC_CHARS));
    await pushSync();
    expect(decodeSync(await syncArea(), NOW).read.has(storyKey(first!))).toBe(false);
    // Another browser still has its older unread of that story, and shares it.
    const older = withMarks(EMPTY_SYNC, 'read', [first!], false, syncTime(NOW) - 60);
    await fakeBrowser.storage.sync.set(encodeSync(older));
    await pullSync();
    expect(await readIds()).toEqual([first]);
  });

  it('listens to storage.sync changes of its own document only', () => {
    expect(isSyncChange({ other: {}, rs0: {} }, 'sync')).toBe(true);
    expect(isSyncChange({ rs0: {} }, 'sync')).toBe(true);
    expect(isSyncChange({ rs0: {} }, 'local')).toBe(false);
    expect(isSyncChange({ other: {} }, 'sync')).toBe(false);
  });
});

describe('settings across browsers', () => {
  beforeEach(() => fakeBrowser.reset());

  const settings = async (patch: Partial<Settings>) =>
    settingsItem.setValue({ ...(await settingsItem.getValue()), ...patch });

  it('shares the settings saved here, and another browser that shares them takes them, keeping its feed', async () => {
    await settings({ syncSettings: true, intervalMinutes: 30, keywordRules: [{ words: 'football', action: 'hide' }] });
    await pushSettings(await settingsItem.getValue());
    expect(Object.keys(await syncArea())).toEqual(['st']);

    await anotherBrowser();
    await settings({ feedUrl: 'https://www.smileband.co.uk/feeds/posts/default?alt=rss' });
    // Not sharing settings here: nothing changes.
    expect(await pullSettings()).toBe(false);
    expect((await settingsItem.getValue()).intervalMinutes).toBe(15);
    await settings({ syncSettings: true });
    expect(await pullSettings()).toBe(true);
    expect(await settingsItem.getValue()).toMatchObject({
      intervalMinutes: 30,
      keywordRules: [{ words: 'football', action: 'hide' }],
      feedUrl: 'https://www.smileband.co.uk/feeds/posts/default?alt=rss',
      syncSettings: true,
    });
    // Taken already: nothing more to take.
    expect(await pullSettings()).toBe(false);
  });

  it('carries the side panel’s Text settings with them, and takes only choices it knows', async () => {
    await settings({ syncSettings: true });
    const sepia = { font: 'sans', spacing: 'loose', width: 'wide', theme: 'sepia' } as const;
    await readingStyleItem.setValue(sepia);
    await readerFontScaleItem.setValue(1.3);
    await pushSettings(await settingsItem.getValue());
    await anotherBrowser();
    await settings({ syncSettings: true });
    expect(await pullSettings()).toBe(true);
    expect(await readingStyleItem.getValue()).toEqual(sepia);
    expect(await readerFontScaleItem.getValue()).toBe(1.3);
    expect(await pullSettings()).toBe(false);
    // A change of Text settings alone is taken too.
    const shared = JSON.parse((await syncArea()).st as string) as Record<string, unknown>;
    await fakeBrowser.storage.sync.set({
      st: JSON.stringify({ ...shared, reading: { style: { ...sepia, theme: 'dark' }, scale: 1 } }),
    });
    expect(await pullSettings()).toBe(true);
    expect(await readingStyleItem.getValue()).toEqual({ ...sepia, theme: 'dark' });
    expect(await readerFontScaleItem.getValue()).toBe(1);
    // Unknown choices, a size not offered, no Text settings at all (an older version): this browser's stay.
    for (const reading of [
      { style: { ...sepia, theme: 'neon' }, scale: 1 },
      { style: sepia, scale: 3 },
      { style: null, scale: 1 },
      undefined,
    ]) {
      await fakeBrowser.storage.sync.set({ st: JSON.stringify({ ...shared, reading }) });
      expect(await pullSettings()).toBe(false);
    }
    expect(await readingStyleItem.getValue()).toEqual({ ...sepia, theme: 'dark' });
  });

  it('shares nothing while settings are not shared', async () => {
    await settings({ intervalMinutes: 30 });
    await pushSettings(await settingsItem.getValue());
    expect(await syncArea()).toEqual({});
  });

  it('takes nothing that would not pass the options page’s own checks', async () => {
    await settings({ syncSettings: true });
    const long = JSON.stringify({ ...DEFAULT_SETTINGS, intervalMinutes: 30, keywordRules: [] }).replace(
      '"keywordRules":[]',
      `"keywordRules":[],"pad":"${'x'.repeat(8200)}"`,
    );
    for (const bad of ['not json', '[1]', 'null', '5', JSON.stringify({ intervalMinutes: 1 }), long, 42]) {
      await fakeBrowser.storage.sync.set({ st: bad });
      expect(await pullSettings()).toBe(false);
    }
    expect((await settingsItem.getValue()).intervalMinutes).toBe(15);
  });

  it('writes nothing when the shared settings already say the same, and says a refused write', async () => {
    await settings({ syncSettings: true });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await pushSettings(await settingsItem.getValue());
    await pushSettings(await settingsItem.getValue());
    expect(set).toHaveBeenCalledOnce();
    set.mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_HOUR'));
    await pushSettings({ ...(await settingsItem.getValue()), badge: false });
    expect((await syncStatusItem.getValue()).error).toBe('MAX_WRITE_OPERATIONS_PER_HOUR');
    vi.restoreAllMocks();
  });

  it('switched on here, takes the shared settings if there are some, and shares its own if not', async () => {
    await fakeBrowser.storage.sync.set({ st: JSON.stringify({ ...DEFAULT_SETTINGS, intervalMinutes: 45 }) });
    const before = await settingsItem.getValue();
    await settings({ syncSettings: true });
    await applySettings(await settingsItem.getValue(), before);
    expect((await settingsItem.getValue()).intervalMinutes).toBe(45);

    fakeBrowser.reset();
    const fresh = await settingsItem.getValue();
    await settings({ syncSettings: true, retention: 300 });
    await applySettings(await settingsItem.getValue(), fresh);
    expect(JSON.parse((await syncArea()).st as string)).toMatchObject({ retention: 300 });
  });

  it('listens for the shared settings key only', () => {
    expect(isSettingsChange({ st: {} }, 'sync')).toBe(true);
    expect(isSettingsChange({ st: {} }, 'local')).toBe(false);
    expect(isSettingsChange({ rs0: {} }, 'sync')).toBe(false);
  });
});
