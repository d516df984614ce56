import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtureXml, serveFeed, startFeedServer, type FeedServer } from './support/feed-server';
import { bigFeed } from '../support/big-feed';
import {
  loadExtension,
  servedExtensionFor,
  startServedExtension,
  stopAll,
  until,
  type LoadedExtension,
} from './support/extension';

const expected = JSON.parse(readFileSync(new URL('../fixtures/smileband-expected.json', import.meta.url), 'utf8')) as {
  entries: { id: string; headline: string; fixture: string; sponsor: string | null; labels: string[] }[];
};
const POLL = { timeout: 15_000, interval: 100 };

describe('the popup in Chromium', () => {
  let server: FeedServer;
  let extension: LoadedExtension;
  let popup: Page;
  const badge = async () => (await extension.badge()).text;

  beforeAll(async () => {
    ({ server, extension } = await startServedExtension());
    popup = await extension.open('popup.html');
    await popup.getByRole('listitem').first().waitFor();
  });
  afterAll(() => stopAll(extension, server));

  it('shows the real headlines, a sponsor mark on each sponsored story and the unread count', async () => {
    const rows = popup.getByRole('listitem');
    expect(await rows.count()).toBe(25);
    // textContent: off-screen rows are not laid out (content-visibility), so they have no innerText.
    const texts = await rows.allTextContents();
    expected.entries.forEach((entry, index) => expect(texts[index]).toContain(entry.headline));
    // 23 of the 25 posts open with a sponsor greeting; the other two carry no mark.
    // The mark on the row, the whole disclosure in the row's tooltip.
    const marks = await rows.evaluateAll((items) =>
      items.map((item) =>
        item.querySelector('.sponsored')
          ? item.querySelector('.row-main')!.getAttribute('title')!.split('\n')[1]!
          : null,
      ),
    );
    expect(marks).toEqual(expected.entries.map((entry) => (entry.sponsor ? `Sponsored by ${entry.sponsor}` : null)));
    expect(marks.filter(Boolean)).toHaveLength(23);
    expect(await popup.getByText('25 unread').isVisible()).toBe(true);
  });

  it('marks a clicked story read: the badge drops by one', async () => {
    const entry = expected.entries[2]!;
    await popup
      .getByRole('link', { name: new RegExp(entry.headline.slice(0, 25)) })
      .first()
      .click();
    await expect.poll(badge, POLL).toBe('24');
    await expect.poll(() => popup.getByText('24 unread').count(), POLL).toBe(1);
  });

  it('marks all read (badge empty), and Undo brings every one back', async () => {
    await popup.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(badge, POLL).toBe('');
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(badge, POLL).toBe('24');
  });

  it('narrows the list as you search', async () => {
    const search = popup.getByRole('searchbox', { name: 'Search' });
    await search.fill('starlink');
    await expect.poll(() => popup.getByRole('listitem').count(), POLL).toBe(2);
    await search.fill('');
    await expect.poll(() => popup.getByRole('listitem').count(), POLL).toBe(25);
  });

  it('shows only a label’s stories when its chip is pressed, and all again from the chosen chip', async () => {
    const rows = popup.getByRole('listitem');
    const space = expected.entries.filter((entry) => entry.labels.includes('Space'));
    expect(space).toHaveLength(2);
    await rows.filter({ hasText: space[0]!.headline }).first().getByRole('button', { name: 'Space' }).click();
    await expect.poll(() => rows.count(), POLL).toBe(2);
    const shown = await rows.allTextContents();
    space.forEach((entry, index) => expect(shown[index]).toContain(entry.headline));
    const chosen = popup.getByRole('toolbar', { name: 'Labels' }).getByRole('button').first();
    expect(await chosen.getAttribute('aria-pressed')).toBe('true');
    expect(await chosen.innerText()).toMatch(/^Space/);
    // The × that clears it, drawn after the chip's words.
    expect(await chosen.evaluate((chip) => getComputedStyle(chip, '::after').content)).toBe('" ×"');
    await chosen.click();
    await expect.poll(() => rows.count(), POLL).toBe(25);
  });

  it('works from the keyboard: / to search, arrows and j to move, m to toggle read, Enter to open', async () => {
    const panel = await extension.open(`sidepanel.html?item=${encodeURIComponent(expected.entries[2]!.id)}`);
    await popup.bringToFront();
    await popup.getByRole('heading', { name: 'Smileband News' }).click();
    const focusedRow = () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('.row')].findIndex((row) => row.contains(document.activeElement)),
      );
    await popup.keyboard.press('/');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search');
    await popup.keyboard.press('ArrowDown');
    const start = await focusedRow();
    expect(start).toBeGreaterThanOrEqual(0);
    await popup.keyboard.press('j');
    expect(await focusedRow()).toBe(start + 1);
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('Home');
    expect(await focusedRow()).toBe(0);
    await popup.keyboard.press('j');
    const second = expected.entries[1]!;
    await popup.keyboard.press('m');
    await expect.poll(badge, POLL).toBe('23');
    await popup.keyboard.press('m');
    await expect.poll(badge, POLL).toBe('24');
    await popup.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).innerText(), POLL).toBe(second.headline);
    await expect.poll(badge, POLL).toBe('23');
    await panel.close();
  });
});

describe('the popup when the feed cannot be reached', () => {
  let extension: LoadedExtension;
  afterAll(async () => extension?.close());

  it('says so, says it never updated, and offers to try again', async () => {
    // No feed server this time: the first poll is refused.
    extension = await loadExtension(inject('chromiumPath'), inject('extensionPath'));
    await until(async () => (await extension.badge()).text === '!', 'the failed first poll');
    const popup = await extension.open('popup.html');
    const alert = popup.getByRole('alert');
    await expect.poll(() => alert.innerText(), POLL).toContain('Stories could not be loaded');
    expect(await alert.innerText()).toContain(
      `Could not reach 127.0.0.1:${inject('feedPort')}. Check your connection. Not updated yet.`,
    );
    const server = await startFeedServer(
      inject('feedPort'),
      inject('feedPath'),
      serveFeed(fixtureXml('smileband-atom.xml')),
    );
    try {
      await alert.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => popup.getByRole('listitem').count(), POLL).toBe(25);
      await expect.poll(async () => (await extension.badge()).text, POLL).toBe('25');
    } finally {
      await server.close();
    }
  });
});

describe('the popup with a long list (200 stories, the default retention)', () => {
  const running = servedExtensionFor({ xml: bigFeed(200), badge: '99+' });

  it('draws the first screenful, more as the reader scrolls, and End reaches the oldest', async () => {
    const popup = await running.extension.open('popup.html');
    const rows = popup.getByRole('listitem');
    await expect.poll(() => rows.count(), POLL).toBe(30);
    expect(await rows.first().getAttribute('aria-setsize')).toBe('200');
    // Scrolling toward the end draws the next rows before the reader gets there.
    await popup
      .locator('.list-scroll')
      .evaluate((list) => (list.scrollTop = list.scrollHeight - list.clientHeight - 100));
    await expect.poll(() => rows.count(), POLL).toBe(130);
    await popup.locator('.row-main').first().focus();
    await popup.keyboard.press('End');
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset')), POLL)
      .toBe('200');
    expect(await rows.count()).toBe(200);
    await popup.close();
  });
});

describe('read as you scroll, in Chromium', () => {
  const running = servedExtensionFor();

  it('marks read the rows scrolled past, and only those: the badge drops by six, Undo brings them back', async () => {
    const options = await running.extension.open('options.html');
    await options.getByRole('checkbox', { name: 'Mark stories read as you scroll past them' }).check();
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toBe('Saved.');
    await options.close();
    const popup = await running.extension.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${running.extension.id}/popup.html`);
    const rows = popup.locator('.stories > .row');
    await expect.poll(() => rows.count(), POLL).toBe(25);
    expect((await running.extension.badge()).text).toBe('25');
    // Scroll the list so that its first six rows, each seen whole, leave it at the top (a pixel
    // more: a row touching the edge still counts as on screen).
    await expect.poll(() => popup.locator('.row:not(.unread)').count(), POLL).toBe(0);
    await popup.locator('.list-scroll').evaluate((box) => {
      const seventh = box.querySelectorAll<HTMLElement>('.stories > .row')[6]!;
      box.scrollTop = seventh.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop + 1;
    });
    await expect.poll(async () => (await running.extension.badge()).text, POLL).toBe('19');
    const unread = await rows.evaluateAll((all) => all.map((row) => row.classList.contains('unread')));
    expect(unread.slice(0, 6)).toEqual([false, false, false, false, false, false]);
    expect(unread.slice(6).every(Boolean)).toBe(true);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await running.extension.badge()).text, POLL).toBe('25');
    await popup.close();
  });
});
