// Scratch: screenshots for looking (not committed).
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FeedServer, serveBlog, startFeedServer } from './support/feed-server';
import { feedEntries } from '../support/big-feed';
import { type LoadedExtension, loadExtension, stopAll, until } from './support/extension';

const POLL = { timeout: 15_000, interval: 100 };
const PICTURE = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 16 9"><rect width="16" height="9" fill="#3b6fd8"/></svg>`;
const dir = process.env.SHOTS ?? '/tmp/shots';

describe.each((process.env.LOCALES ?? 'en-US,de-DE').split(','))('shots %s', (locale) => {
  let server: FeedServer;
  let extension: LoadedExtension;
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    server = await startFeedServer(inject('feedPort'), inject('feedPath'), serveBlog(feedEntries(60)));
    extension = await loadExtension(inject('chromiumPath'), inject('extensionPath'), { locale });
    await until(async () => Number((await extension.badge()).text) > 0, 'first poll');
    await extension.context.route('https://blogger.googleusercontent.com/**', (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: PICTURE }),
    );
  });
  afterAll(() => stopAll(extension, server));

  for (const scheme of (process.env.SCHEMES ?? 'light').split(',') as ('light' | 'dark')[]) {
    it(`popup ${scheme}`, async () => {
      const page = await extension.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${extension.id}/popup.html`);
      await expect.poll(() => page.getByRole('listitem').count(), POLL).toBeGreaterThan(5);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${dir}/popup-${locale}-${scheme}.png` });
      if (process.env.HOVER) {
        await page.locator('.stories > .row').nth(1).hover();
        await page.screenshot({
          path: `${dir}/popup-hover-${locale}-${scheme}.png`,
          clip: { x: 0, y: 0, width: 400, height: 300 },
        });
      }
      await page.close();
    });
    for (const width of [400, 320]) {
      it(`panel ${width} ${scheme}`, async () => {
        const page = await extension.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`chrome-extension://${extension.id}/sidepanel.html`);
        await expect.poll(() => page.getByRole('listitem').count(), POLL).toBeGreaterThan(5);
        await page.waitForTimeout(300);
        await page.screenshot({
          path: `${dir}/panel-${width}-${locale}-${scheme}.png`,
          clip: { x: 0, y: 0, width, height: 450 },
        });
        if (process.env.STORY) {
          await page.locator('.stories > .row a').first().click();
          await page.locator('.story .body').waitFor();
          await page.waitForTimeout(300);
          await page.screenshot({ path: `${dir}/story-${width}-${locale}-${scheme}.png` });
        }
        await page.close();
      });
    }
  }
});
