// Read state across browsers: what a reader marks goes into storage.sync, and a store emptied
// (a reinstall, a new computer) shows it again from its next update.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadExtension, servedExtensionFor, stopAll, until, type LoadedExtension } from './support/extension';
import { serveBlog, startFeedServer, type FeedServer } from './support/feed-server';
import { bloggerPage, feedEntries } from '../support/big-feed';
import type { StoryMeta } from '@/utils/feed/types';
import { decodeSync, syncTime, toText, withMarks } from '@/utils/stories/read-sync';

const POLL = { timeout: 20_000, interval: 100 };

describe('read state across browsers in Chromium', () => {
  const running = servedExtensionFor();
  const stories = async () => (await running.extension.storage<{ stories?: StoryMeta[] }>('stories')).stories ?? [];

  it('keeps three stories read through a wiped storage.local, by way of storage.sync', async () => {
    const popup = await running.extension.open('popup.html');
    const rows = popup.getByRole('listitem');
    await expect.poll(() => rows.count(), POLL).toBe(25);
    const marked: string[] = [];
    for (const n of [0, 3, 7]) {
      const row = rows.nth(n);
      marked.push((await row.getAttribute('data-id'))!);
      await row.hover();
      await row.getByRole('button', { name: 'Mark as read' }).click();
    }
    await expect.poll(async () => (await running.extension.badge()).text, POLL).toBe('22');
    // Shared within a couple of seconds, in one write.
    await expect
      .poll(() => popup.evaluate(() => chrome.storage.sync.get(null).then((items) => Object.keys(items).sort())), POLL)
      .toEqual(['rs', 'rs0']);

    // This browser forgets everything it had; the next update brings the stories back, as read.
    await popup.evaluate(() => chrome.storage.local.clear());
    await expect.poll(async () => (await stories()).length, POLL).toBe(0);
    await popup.reload();
    await popup.getByRole('button', { name: /Refresh/ }).click();
    await expect.poll(async () => (await stories()).length, POLL).toBe(25);
    const read = (await stories()).filter((story) => story.read).map((story) => story.id);
    expect(read.sort()).toEqual([...marked].sort());
    await expect.poll(async () => (await running.extension.badge()).text, POLL).toBe('22');
    await popup.close();
  });

  it('applies another browser’s mark as it arrives: the badge and the open popup follow', async () => {
    const popup = await running.extension.open('popup.html');
    await expect.poll(() => popup.getByRole('listitem').count(), POLL).toBe(25);
    const target = (await stories()).find((story) => !story.read)!;
    const before = Number((await running.extension.badge()).text);
    // Another browser marks it read: its document arrives in storage.sync.
    const shared = await popup.evaluate(() => chrome.storage.sync.get(null));
    const doc = withMarks(decodeSync(shared, Date.now()), 'read', [target.id], true, syncTime(Date.now()) + 5);
    await popup.evaluate((text) => chrome.storage.sync.set({ rs: '1', rs0: text }), toText(doc));
    await expect.poll(async () => (await running.extension.badge()).text, POLL).toBe(String(before - 1));
    const row = popup.locator(`li[data-id="${target.id}"]`);
    await expect.poll(() => row.getAttribute('class'), POLL).toBe('row');
    await popup.close();
  });
});

describe('two browsers holding different stories, in Chromium', () => {
  /** A blog of 60 posts whose feed gives the newest `window` (Blogger pages the rest on request). */
  const BLOG = feedEntries(60);
  let window = 60;
  let server: FeedServer | undefined;
  const opened: LoadedExtension[] = [];
  afterAll(() => stopAll(...opened, server));

  const launch = async (badge: string) => {
    const extension = await loadExtension(inject('chromiumPath'), inject('extensionPath'));
    opened.push(extension);
    await until(async () => (await extension.badge()).text === badge, `the first poll (${badge})`);
    return extension;
  };

  it('marks read in the other browser only the story this one’s reader opened, not the ones its archive brought', async () => {
    const blog = serveBlog(BLOG);
    server = await startFeedServer(inject('feedPort'), inject('feedPath'), (request, send, raw) => {
      const plain = request.url.search === '' && !request.path.includes('/-/');
      if (!plain) return blog(request, send, raw);
      const url = new URL(request.url);
      url.searchParams.set('max-results', String(window));
      send(200, bloggerPage(BLOG, url), { 'Content-Type': 'application/atom+xml; charset=UTF-8' });
    });
    // Browser B has had the extension for a while: sixty stories, none read.
    const b = await launch('60');
    // Browser A is new: the ten newest, then fifty older ones from Older stories (they arrive read).
    window = 10;
    const a = await launch('10');
    const page = await a.open('popup.html');
    const older: unknown = await page.evaluate(() =>
      chrome.runtime.sendMessage<unknown, unknown>({ type: 'older-stories', label: null }),
    );
    expect(older).toMatchObject({ added: 50, error: null });
    expect((await a.storage<{ stories: StoryMeta[] }>('stories')).stories).toHaveLength(60);
    expect((await a.badge()).text).toBe('10');
    // A's reader opens one story.
    const story = (await a.storage<{ stories: StoryMeta[] }>('stories')).stories[4]!;
    await page.goto(`chrome-extension://${a.id}/sidepanel.html?item=${encodeURIComponent(story.id)}`);
    await expect.poll(async () => (await a.badge()).text, POLL).toBe('9');
    await expect
      .poll(async () => Object.keys(await a.worker.evaluate(() => chrome.storage.sync.get(null))), POLL)
      .toContain('rs0');

    // A's storage.sync reaches B, as the browser's sync service brings it.
    const shared = await a.worker.evaluate(() => chrome.storage.sync.get(null));
    await b.worker.evaluate((items) => chrome.storage.sync.set(items), shared);
    await expect.poll(async () => (await b.badge()).text, POLL).toBe('59');
    const read = (await b.storage<{ stories: StoryMeta[] }>('stories')).stories.filter((s) => s.read);
    expect(read.map((s) => s.id)).toEqual([story.id]);
  });
});
