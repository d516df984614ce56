// An update in place, as a store gives it: the release readers have (0.1.0, built from git) used
// for a while in one profile, then this build's files put in its folder and the browser opened
// again over the same storage; and back again (a rollback). Nothing the reader had may be lost.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StoryMeta } from '@/utils/feed/types';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings-defaults';
import { loadExtension, newProfile, until, type LoadedExtension } from './support/extension';
import { fixtureXml, serveFeed, startFeedServer, type FeedServer } from './support/feed-server';
import { buildRelease, PREVIOUS_RELEASE } from './support/previous-release';
import { FETCH_TIMEOUT_MS } from './global-setup';

const POLL = { timeout: 20_000, interval: 100 };
/** The feed both builds poll (global-setup.ts builds this one the same way). */
const feedUrl = () => `http://127.0.0.1:${inject('feedPort')}${inject('feedPath')}`;

/** What the reader has, as storage holds it (the worker's view). */
async function snapshot(extension: LoadedExtension) {
  const local = await extension.storage<Record<string, unknown>>();
  const sync = await extension.worker.evaluate(() => chrome.storage.sync.get(null));
  const stories = (local.stories as StoryMeta[] | undefined) ?? [];
  return {
    local,
    sync,
    read: stories.filter((story) => story.read).map((story) => story.id),
    saved: stories.filter((story) => story.saved).map((story) => [story.id, story.saved]),
    badge: (await extension.badge()).text,
    alarm: await extension.worker.evaluate(() => chrome.alarms.get('poll-feed')),
    notifications: await extension.worker.evaluate(() => chrome.notifications.getAll()),
    version: await extension.worker.evaluate(() => chrome.runtime.getManifest().version),
  };
}

/** The reader's Refresh, sent from a page as the popup sends it: the next poll must work. */
async function refresh(extension: LoadedExtension) {
  const page = await extension.open('popup.html');
  const reply: unknown = await page.evaluate(() =>
    chrome.runtime.sendMessage<unknown, unknown>({ type: 'refresh', force: true }),
  );
  await page.close();
  return reply;
}

describe(`an update from release ${PREVIOUS_RELEASE.version} in Chromium`, () => {
  let server: FeedServer;
  let previous: ReturnType<typeof buildRelease>;
  let folder: string;
  let profile: string;
  let extension: LoadedExtension | undefined;
  let before: Awaited<ReturnType<typeof snapshot>>;

  const launch = async () => (extension = await loadExtension(inject('chromiumPath'), folder, { profile }));

  /**
   * Puts `build`'s files in the extension's folder (its id follows the folder) and opens the profile
   * on them. Chromium keeps running the service worker it registered for an unpacked extension,
   * whatever the folder holds now, where a store update installs the new version and starts its
   * worker: chrome.runtime.reload() does that here (onInstalled, reason "update"), and the browser
   * is opened once more on the worker it then registered.
   */
  async function swapTo(build: string) {
    await extension?.close();
    rmSync(folder, { recursive: true, force: true });
    cpSync(build, folder, { recursive: true });
    const stale = await launch();
    const started = stale.context.waitForEvent('serviceworker', { timeout: 15_000 });
    void stale.worker.evaluate(() => chrome.runtime.reload()).catch(() => {}); // the stale worker ends here
    await started;
    await stale.close();
    return launch();
  }

  beforeAll(async () => {
    server = await startFeedServer(inject('feedPort'), inject('feedPath'), serveFeed(fixtureXml('smileband-atom.xml')));
    previous = buildRelease(PREVIOUS_RELEASE.commit, {
      WXT_FEED_URL: feedUrl(),
      WXT_FETCH_TIMEOUT_MS: String(FETCH_TIMEOUT_MS),
    });
    folder = join(mkdtempSync(join(tmpdir(), 'smileband-update-')), 'extension');
    profile = newProfile();

    // The previous release, used as a reader would: a poll, three stories read, one saved, a rule,
    // quiet hours and a text size.
    cpSync(previous.path, folder, { recursive: true });
    const old = await launch();
    await until(async () => (await old.badge()).text === '25', 'the previous release’s first poll');
    const stories = (await old.storage<{ stories: StoryMeta[] }>('stories')).stories;
    const page = await old.open('popup.html');
    // The settings as the options page saves them (it writes the whole object).
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      feedUrl: feedUrl(),
      keywordRules: [{ words: 'Starlink', action: 'hide' }],
      quietHours: { enabled: true, start: '21:30', end: '06:45' },
    };
    await page.evaluate(
      async ({ read, saved, settings }) => {
        await chrome.runtime.sendMessage({ type: 'set-read', ids: read, read: true });
        await chrome.runtime.sendMessage({ type: 'set-saved', ids: [saved], saved: true });
        await chrome.storage.local.set({ settings, readerFontScale: 1.15 });
      },
      { read: [stories[0]!.id, stories[3]!.id, stories[7]!.id], saved: stories[3]!.id, settings },
    );
    await page.close();
    // Three read, and the two stories about Starlink (the fixture has it twice) hidden by the rule.
    await until(async () => (await old.badge()).text === '20', 'the badge after reading and the rule');
    await until(
      async () => Object.keys(await old.worker.evaluate(() => chrome.storage.sync.get(null))).includes('rs0'),
      'the marks shared through storage.sync',
    );
    before = await snapshot(old);
    // The fixture of this release's stored data (tests/fixtures/release-0.1.0/README.md).
    if (process.env.DUMP)
      writeFileSync(process.env.DUMP, `${JSON.stringify({ local: before.local, sync: before.sync }, null, 1)}\n`);
    await old.close();
    extension = undefined;
  }, 180_000);

  afterAll(async () => {
    await extension?.close();
    await server?.close();
    previous?.remove();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (folder) rmSync(join(folder, '..'), { recursive: true, force: true });
  });

  it('keeps every read mark, the saved story with its body, the rules and settings, the badge and the alarm', async () => {
    expect(before).toMatchObject({ version: PREVIOUS_RELEASE.version, badge: '20' });
    const current = await swapTo(inject('extensionPath'));
    await expect.poll(async () => (await snapshot(current)).version, POLL).toBe('0.2.0');
    await expect.poll(async () => (await current.badge()).text, POLL).toBe(before.badge);
    const after = await snapshot(current);
    expect(after.read.sort()).toEqual([...before.read].sort());
    expect(after.saved).toEqual(before.saved);
    const savedId = before.saved[0]![0]!;
    expect(after.local[`body:${savedId}`]).toBe(before.local[`body:${savedId}`]);
    expect(after.local.settings).toEqual(before.local.settings);
    expect(after.local.readerFontScale).toBe(1.15);
    expect(after.alarm).toMatchObject({ name: 'poll-feed', periodInMinutes: 15 });
    // Nothing announced for stories that were there before.
    expect(after.notifications).toEqual({});
    // The shared document moved to this release's format: the same marks, the format's number last.
    await expect
      .poll(async () => (await current.storage<{ syncDoc: string }>('syncDoc')).syncDoc, POLL)
      .toMatch(/\|2$/);
    expect(await current.storage('syncDoc$')).toEqual({ syncDoc$: { v: 2 } });

    // The next poll works, and the reader's state is still all there after it.
    const served = server.served.length;
    expect(await refresh(current)).toMatchObject({ ok: true });
    expect(server.served.length).toBeGreaterThan(served);
    expect((await snapshot(current)).read.sort()).toEqual([...before.read].sort());
    expect(await current.worker.evaluate(() => chrome.notifications.getAll())).toEqual({});
  });

  it('rolls back without harm: the previous release opened over this one’s data keeps it all and works', async () => {
    const old = await swapTo(previous.path);
    await expect.poll(async () => (await snapshot(old)).version, POLL).toBe(PREVIOUS_RELEASE.version);
    await expect.poll(async () => (await old.badge()).text, POLL).toBe(before.badge);
    const after = await snapshot(old);
    expect(after.read.sort()).toEqual([...before.read].sort());
    expect(after.saved).toEqual(before.saved);
    expect(after.local.settings).toEqual(before.local.settings);
    expect(after.alarm).toMatchObject({ name: 'poll-feed' });
    expect(await refresh(old)).toMatchObject({ ok: true });
    expect((await snapshot(old)).read.sort()).toEqual([...before.read].sort());
  });
});
