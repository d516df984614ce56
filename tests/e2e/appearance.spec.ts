import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtureXml, serveFeed, startFeedServer, type FeedServer } from './support/feed-server';
import { loadExtension, until, type LoadedExtension } from './support/extension';

// Screenshots go to test-results/ on every run; `npm run screenshots` points this at docs/.
const shots = resolve(process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');
const expected = JSON.parse(readFileSync(new URL('../fixtures/smileband-expected.json', import.meta.url), 'utf8')) as {
  entries: { id: string; fixture: string }[];
};
const POLL = { timeout: 15_000, interval: 100 };

describe.each(['light', 'dark'] as const)('the pages in %s mode', (scheme) => {
  let server: FeedServer;
  let extension: LoadedExtension;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startFeedServer(inject('feedPort'), inject('feedPath'), serveFeed(fixtureXml('smileband-atom.xml')));
    extension = await loadExtension(inject('chromiumPath'), inject('extensionPath'));
    await until(async () => (await extension.badge()).text === '25', 'the first poll');
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  const background = (page: import('playwright-core').Page) =>
    page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  it('popup', async () => {
    const page = await extension.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 380, height: 560 });
    await page.goto(`chrome-extension://${extension.id}/popup.html`);
    await expect.poll(() => page.getByRole('listitem').count(), POLL).toBe(25);
    expect(await background(page)).toBe(scheme === 'dark' ? 'rgb(32, 33, 36)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: resolve(shots, `popup-${scheme}.png`) });
    await page.close();
  });

  it('side panel', async () => {
    const story = expected.entries.find((entry) => entry.fixture === 'smileband-news_16')!;
    const page = await extension.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 420, height: 760 });
    await page.goto(`chrome-extension://${extension.id}/sidepanel.html?item=${encodeURIComponent(story.id)}`);
    await expect.poll(() => page.locator('.body').innerText(), POLL).toContain('Over 9,000 active satellites');
    expect(await background(page)).toBe(scheme === 'dark' ? 'rgb(32, 33, 36)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: resolve(shots, `sidepanel-${scheme}.png`) });
    await page.close();
  });
});
