import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedExtensionFor } from './support/extension';
import { fixtureXml } from './support/feed-server';

const expected = JSON.parse(readFileSync(new URL('../fixtures/smileband-expected.json', import.meta.url), 'utf8')) as {
  entries: { id: string; headline: string; link: string; fixture: string }[];
};
const POLL = { timeout: 15_000, interval: 100 };

describe('the side panel reader in Chromium', () => {
  const running = servedExtensionFor();

  async function openStory(id: string): Promise<{ page: Page; dialogs: string[] }> {
    const page = await running.extension.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`chrome-extension://${running.extension.id}/sidepanel.html?item=${encodeURIComponent(id)}`);
    await page.locator('.body').waitFor();
    return { page, dialogs };
  }

  it.each(expected.entries.map((entry, index) => [index, entry.fixture, entry] as const))(
    'story %i (%s) renders safely, cleanly, with its source link',
    async (_index, _name, entry) => {
      const { page, dialogs } = await openStory(entry.id);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(entry.headline);
      const body = page.locator('.body');
      expect(
        await body.locator('script, iframe, object, embed, form, input, button, style, meta, base, svg, math').count(),
      ).toBe(0);
      const handlers = await body.evaluate((root) =>
        [...root.querySelectorAll('*')]
          .flatMap((el) => [...el.attributes].map((a) => a.name))
          .filter((n) => /^on|^style$/.test(n)),
      );
      expect(handlers).toEqual([]);
      const links = await body.evaluate((root) =>
        [...root.querySelectorAll('a[href]')].map((a) => ({
          href: a.getAttribute('href')!,
          target: a.getAttribute('target'),
          rel: a.getAttribute('rel'),
        })),
      );
      for (const link of links) {
        expect(link.href).toMatch(/^(https?:|mailto:)/);
        expect(link.target).toBe('_blank');
        expect(link.rel).toContain('noopener');
      }
      const text = await body.innerText();
      expect(text).not.toMatch(
        /Google tag|gtag\(|googletagmanager|pagesense|<script|894500L65WEHZ4XKDX36|Dear 222 News viewers/,
      );
      expect(text.trim().length).toBeGreaterThan(40);
      expect(await page.getByRole('link', { name: /^Read on smileband\.co\.uk/ }).getAttribute('href')).toBe(
        entry.link,
      );
      await page.waitForTimeout(50);
      expect(dialogs).toEqual([]);
      await page.close();
    },
  );

  it('reads from storage only what it shows: the story list, the text size and the one body', async () => {
    const entry = expected.entries[1]!;
    const page = await running.extension.context.newPage();
    // Every storage.local read the page makes, by key, from before its first script runs.
    await page.addInitScript(() => {
      const local = chrome.storage.local;
      const get = local.get.bind(local) as (keys?: unknown) => Promise<Record<string, unknown>>;
      const reads: string[] = ((window as unknown as { reads: string[] }).reads = []);
      (local as unknown as { get: typeof get }).get = (keys?: unknown) => {
        reads.push(...(Array.isArray(keys) ? keys : [keys]).map(String));
        return get(keys);
      };
    });
    await page.goto(`chrome-extension://${running.extension.id}/sidepanel.html?item=${encodeURIComponent(entry.id)}`);
    await page.locator('.body').waitFor();
    await page.waitForTimeout(300);
    const reads = await page.evaluate(() => (window as unknown as { reads: string[] }).reads);
    expect([...new Set(reads)].sort()).toEqual(
      [`body:${entry.id}`, 'readerFontScale', 'readingStyle', 'stories'].sort(),
    );
    await page.close();
  });

  it('moves to the next and previous story with the keyboard and the buttons', async () => {
    const [first, second] = expected.entries;
    const { page } = await openStory(first!.id);
    const headline = page.getByRole('heading', { level: 1 });
    await page.keyboard.press('j');
    await expect.poll(() => headline.innerText(), POLL).toBe(second!.headline);
    await expect.poll(() => new URL(page.url()).searchParams.get('item'), POLL).toBe(second!.id);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => headline.innerText(), POLL).toBe(first!.headline);
    expect(await page.getByRole('button', { name: 'Previous story' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Next story' }).click();
    await expect.poll(() => headline.innerText(), POLL).toBe(second!.headline);
    await page.close();
  });

  it('opens the original post in a new tab with "o"', async () => {
    const entry = expected.entries[2]!;
    const { page } = await openStory(entry.id);
    // The site is out of reach from here, so the new tab's request is what shows where it went.
    const request = running.extension.context.waitForEvent(
      'request',
      (r) => r.isNavigationRequest() && r.url() === entry.link,
    );
    await page.keyboard.press('o');
    expect((await request).url()).toBe(entry.link);
    await page.close();
  });

  it('offers Chrome’s Reading List under the story, and asks for it only when pressed', async () => {
    const { page } = await openStory(expected.entries[0]!.id);
    await page.getByRole('button', { name: 'Add to Reading List' }).waitFor();
    // Declared optional, not granted at install: the reader is asked at first use.
    expect(await page.evaluate(() => chrome.permissions.contains({ permissions: ['readingList'] }))).toBe(false);
    await page.close();
  });

  it('sets the story as Text settings say, live, and remembers it', async () => {
    const { page } = await openStory(expected.entries[0]!.id);
    const look = () =>
      page.evaluate(() => {
        const body = getComputedStyle(document.querySelector('.body')!);
        return {
          // The body's size over its default (17 px): the scale, to 2 places.
          scale: Math.round((parseFloat(body.fontSize) / 17) * 100) / 100,
          leading: Math.round((parseFloat(body.lineHeight) / parseFloat(body.fontSize)) * 100) / 100,
          font: body.fontFamily.split(',')[0],
          background: getComputedStyle(document.body).backgroundColor,
          column: document.querySelector('.story')!.getBoundingClientRect().width,
        };
      });
    await page.setViewportSize({ width: 1000, height: 800 });
    const before = await look();
    expect(before).toMatchObject({ scale: 1, font: 'Georgia', leading: 1.65 });
    const settings = page.getByRole('dialog', { name: 'Text settings' });
    await page.getByRole('button', { name: 'Text settings' }).click();
    await settings.getByRole('button', { name: 'Larger text' }).click();
    await settings.getByRole('radio', { name: 'Sans-serif' }).check();
    await settings.getByRole('radio', { name: 'Loose' }).check();
    await settings.getByRole('radio', { name: 'Wide' }).check();
    await settings.getByRole('radio', { name: 'Sepia' }).check();
    const chosen = {
      scale: 1.15,
      leading: 1.9,
      font: 'system-ui',
      background: 'rgb(245, 236, 217)',
      column: 52 * 16,
    };
    await expect.poll(look, POLL).toEqual(chosen);
    // Done: the panel closes, focus back on its button, the story where it was.
    await settings.getByRole('button', { name: 'Done' }).click();
    expect(await settings.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Text settings');
    await page.reload();
    await page.locator('.body').waitFor();
    expect(await look()).toEqual(chosen);
    // Back as it was; Escape closes the panel without leaving the story.
    await page.getByRole('button', { name: 'Text settings' }).click();
    await settings.getByRole('button', { name: 'Smaller text' }).click();
    for (const name of ['Serif', 'Normal', 'Medium', 'System'])
      await settings.getByRole('radio', { name, exact: true }).check();
    await page.keyboard.press('Escape');
    expect(await settings.count()).toBe(0);
    await expect.poll(look, POLL).toEqual(before);
    expect(await page.locator('.story').count()).toBe(1);
    await page.close();
  });

  it('follows the popup: a headline picked there shows here', async () => {
    const { page: panel } = await openStory(expected.entries[0]!.id);
    const popup = await running.extension.open('popup.html');
    const pick = expected.entries[4]!;
    // The fixture repeats its posts; the newest copy comes first.
    await popup
      .getByRole('link', { name: new RegExp(pick.headline.slice(0, 30)) })
      .first()
      .click();
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).innerText(), POLL).toBe(pick.headline);
    await popup.close();
    await panel.close();
  });

  it('has its own ways in: a keyboard shortcut and "Open side panel" on the toolbar button’s menu', async () => {
    const { worker } = running.extension;
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(
      expect.objectContaining({
        name: 'open-side-panel',
        shortcut: 'Alt+Shift+S',
        description: 'Open the Smileband News side panel',
      }),
    );
    // There is no menu getter: updating the item fails unless the install made it.
    await expect(
      worker.evaluate(() => chrome.contextMenus.update('open-side-panel', {}).then(() => 'exists')),
    ).resolves.toBe('exists');
    await expect(
      worker.evaluate(() => chrome.contextMenus.update('no-such-item', {}).then(() => 'exists')),
    ).rejects.toThrow();
  });

  it('shows the story list when opened without a story, and says so when a story is gone', async () => {
    const list = await running.extension.open('sidepanel.html');
    await expect.poll(() => list.getByRole('listitem').count(), POLL).toBe(25);
    await list.close();
    const gone = await running.extension.open(
      `sidepanel.html?item=${encodeURIComponent('tag:blogger.com,1999:blog-1.post-404')}`,
    );
    await expect.poll(() => gone.getByRole('alert').innerText(), POLL).toMatch(/no longer stored/);
    await gone.close();
  });
});

describe('a story with comments in Chromium', () => {
  // The fixture's first post as if seven readers had commented on it.
  const first = expected.entries[0]!;
  const xml = fixtureXml('smileband-atom.xml')
    .replace('<thr:total>0</thr:total>', '<thr:total>7</thr:total>')
    .replace(
      `href='${first.link}#comment-form' title='0 Comments'`,
      `href='${first.link}#comment-form' title='7 Comments'`,
    );
  const running = servedExtensionFor({ xml });

  it('says how many comments it has, with a link to them', async () => {
    const page = await running.extension.context.newPage();
    await page.goto(`chrome-extension://${running.extension.id}/sidepanel.html?item=${encodeURIComponent(first.id)}`);
    const link = page.getByRole('link', { name: '7 comments' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`${first.link}#comment-form`);
    await page.close();
  });
});
