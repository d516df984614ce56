// The stores' pictures and listing text, made from the built extension and the fixture feed:
// `npm run store-assets` writes them to docs/store/; `npm test` makes them in test-results/ and
// checks their sizes and that every permission is explained.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { format } from 'prettier';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveBlog } from './support/feed-server';
import { feedEntries } from '../support/big-feed';
import { type Running, startServedExtension, stopAll } from './support/extension';
import { standInPictures } from './support/stand-in-picture';
import { listingMarkdown, PERMISSION_REASONS, permissionsOf, type Manifest } from './support/store-listing';

const out = resolve(process.env.STORE_DIR ?? 'test-results/store');
const expected = JSON.parse(readFileSync(new URL('../fixtures/smileband-expected.json', import.meta.url), 'utf8')) as {
  entries: { id: string; fixture: string }[];
};
const POLL = { timeout: 15_000, interval: 100 };
const icon = readFileSync(resolve(import.meta.dirname, '../../public/icon/128.png')).toString('base64');
const BRAND = 'linear-gradient(135deg, #0b1f4d, #1a73e8)';

/** A PNG's width and height, from its header. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const SHOTS = [
  {
    file: 'screenshot-1-reading.png',
    caption: 'Real headlines, and a clean copy of each story beside the page',
  },
  { file: 'screenshot-2-labels-saved.png', caption: 'Stories by label, and a shelf for the ones you keep' },
  { file: 'screenshot-3-dark.png', caption: 'Dark mode, with the text the way you like to read it' },
];

describe('store pictures and listing', () => {
  let running: Running;
  const page = async (path: string, scheme: 'light' | 'dark', height = 600): Promise<Page> => {
    const tab = await running.extension.context.newPage();
    await tab.emulateMedia({ colorScheme: scheme });
    await tab.setViewportSize({ width: 400, height });
    await tab.goto(`chrome-extension://${running.extension.id}/${path}`);
    return tab;
  };
  const story = (fixture: string) =>
    `sidepanel.html?item=${encodeURIComponent(expected.entries.find((entry) => entry.fixture === fixture)!.id)}`;

  /** Two pages' pictures side by side under a caption, on the brand's colours, at 1280 × 800. */
  async function compose(file: string, caption: string, left: Buffer, right: Buffer): Promise<void> {
    const canvas = await running.extension.context.newPage();
    await canvas.setViewportSize({ width: 1280, height: 800 });
    const shot = (png: Buffer) =>
      `<img src="data:image/png;base64,${png.toString('base64')}" style="width:400px;border-radius:12px;box-shadow:0 16px 48px #0006">`;
    await canvas.setContent(`<body style="margin:0;height:800px;background:${BRAND};font-family:system-ui,sans-serif;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:32px">
      <h1 style="margin:0 48px;color:#fff;font-size:34px;font-weight:600;text-align:center">${caption}</h1>
      <div style="display:flex;gap:48px">${shot(left)}${shot(right)}</div></body>`);
    await canvas.screenshot({ path: resolve(out, file) });
    await canvas.close();
  }

  async function banner(file: string, width: number, height: number, scale: number): Promise<void> {
    const canvas = await running.extension.context.newPage();
    await canvas.setViewportSize({ width, height });
    await canvas.setContent(`<body style="margin:0;height:${height}px;background:${BRAND};font-family:system-ui,sans-serif;display:flex;align-items:center;justify-content:center;gap:${24 * scale}px;color:#fff">
      <img src="data:image/png;base64,${icon}" style="width:${96 * scale}px;height:${96 * scale}px">
      <div><div style="font-size:${40 * scale}px;font-weight:700">Smileband News</div>
      <div style="font-size:${18 * scale}px;opacity:.9;margin-top:${6 * scale}px">The real headlines of 222 News, and a clean reader</div></div></body>`);
    await canvas.screenshot({ path: resolve(out, file) });
    await canvas.close();
  }

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    running = await startServedExtension({ responder: serveBlog(feedEntries(160)) });
    await standInPictures(running.extension.context);
    const popup = await running.extension.open('popup.html');
    const saved = ['smileband-news_16', 'smileband-news_13', 'smileband-news_5'].map(
      (fixture) => expected.entries.find((entry) => entry.fixture === fixture)!.id,
    );
    await popup.evaluate((ids) => chrome.runtime.sendMessage({ type: 'set-saved', ids, saved: true }), saved);
    await popup.close();
  });
  afterAll(() => stopAll(running?.extension, running?.server));

  it('writes three 1280 × 800 screenshots: reading, labels and Saved, dark mode', async () => {
    for (const [index, scheme] of [
      [0, 'light'],
      [2, 'dark'],
    ] as const) {
      const list = await page('popup.html', scheme);
      await expect.poll(() => list.getByRole('listitem').count(), POLL).toBe(25);
      const reader = await page(story('smileband-news_16'), scheme);
      await expect.poll(() => reader.locator('.body').innerText(), POLL).toContain('Over 9,000 active satellites');
      await compose(SHOTS[index]!.file, SHOTS[index]!.caption, await list.screenshot(), await reader.screenshot());
      await list.close();
      await reader.close();
    }
    const labelled = await page('popup.html', 'light');
    const world = labelled.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: /^World/ });
    await world.click();
    await expect.poll(() => labelled.getByRole('listitem').count(), POLL).toBeLessThan(25);
    const byLabel = await labelled.screenshot();
    // The filter is remembered for every list: the label off again before the shelf opens.
    await world.click();
    await expect
      .poll(() => labelled.evaluate(() => localStorage.getItem('smileband-news:list-filter')), POLL)
      .toContain('"label":null');
    await labelled.close();
    const shelf = await page('sidepanel.html', 'light');
    const view = shelf.getByRole('button', { name: 'Saved stories (3)' });
    await view.click();
    await expect.poll(() => shelf.getByRole('listitem').count(), POLL).toBe(3);
    await compose(SHOTS[1]!.file, SHOTS[1]!.caption, byLabel, await shelf.screenshot());
    await view.click();
    await expect
      .poll(() => shelf.evaluate(() => localStorage.getItem('smileband-news:list-filter')), POLL)
      .toContain('"saved":false');
    await shelf.close();
    for (const { file } of SHOTS) expect(pngSize(resolve(out, file))).toEqual([1280, 800]);
  });

  it('writes the 440 × 280 promo tile and the 1400 × 560 marquee', async () => {
    await banner('promo-tile-440x280.png', 440, 280, 0.62);
    await banner('marquee-1400x560.png', 1400, 560, 1.6);
    expect(pngSize(resolve(out, 'promo-tile-440x280.png'))).toEqual([440, 280]);
    expect(pngSize(resolve(out, 'marquee-1400x560.png'))).toEqual([1400, 560]);
  });

  it('writes the listing, with a reason for every permission either browser asks for', async () => {
    const read = (dir: string) => JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as Manifest;
    const manifests = [read(inject('extensionPath')), read(inject('firefoxExtensionPath'))];
    // Both browsers' packages carry package.json's version.
    const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    expect(manifests.map((manifest) => manifest.version)).toEqual([version, version]);
    const testHosts = manifests[0]!.host_permissions![0]!;
    const unexplained = permissionsOf(manifests, testHosts).filter((name) => !PERMISSION_REASONS[name]);
    expect(unexplained).toEqual([]);
    const words = (locale: string) =>
      (
        JSON.parse(
          readFileSync(resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8'),
        ) as {
          extDescription: { message: string };
        }
      ).extDescription.message;
    const summary = { en: words('en'), de: words('de') };
    // The stores cut a summary at 132 characters.
    expect(summary.en.length).toBeLessThanOrEqual(132);
    expect(summary.de.length).toBeLessThanOrEqual(132);
    const listing = listingMarkdown(manifests, testHosts, summary, SHOTS);
    expect(listing).toContain(`Smileband News ${manifests[0]!.version}`);
    expect(listing).not.toContain('MISSING');
    // In the project's own Markdown style, as every file in docs/ is.
    writeFileSync(resolve(out, 'listing.md'), await format(listing, { parser: 'markdown', proseWrap: 'preserve' }));
  });
});
