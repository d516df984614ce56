// Read state across browsers: what a reader marks goes into storage.sync, and a store emptied
// (a reinstall, a new computer) shows it again from its next update.
import { describe, expect, it } from 'vitest';
import { servedExtensionFor } from './support/extension';
import type { StoryMeta } from '@/utils/feed/types';
import { decodeSync, syncTime, toText, withMarks } from '@/utils/sync/read-sync';

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
