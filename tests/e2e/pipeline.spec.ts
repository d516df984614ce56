import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtureXml, serveFeed, startFeedServer, type FeedServer } from './support/feed-server';
import { type LoadedExtension, loadExtension, stopAll } from './support/extension';

const expected = JSON.parse(readFileSync(new URL('../fixtures/smileband-expected.json', import.meta.url), 'utf8')) as {
  entries: { id: string; headline: string; fixture: string }[];
};
const seed = expected.entries.find((entry) => entry.fixture === 'smileband-news_29')!;
const POLL = { timeout: 15_000, interval: 100 };

describe('the built extension in Chromium, end to end', () => {
  let server: FeedServer;
  let extension: LoadedExtension;

  beforeAll(async () => {
    server = await startFeedServer(inject('feedPort'), inject('feedPath'), serveFeed(fixtureXml('smileband-atom.xml')));
    extension = await loadExtension(inject('chromiumPath'), inject('extensionPath'));
  });
  afterAll(() => stopAll(extension, server));

  it('polls the feed on install and counts 25 unread stories on the badge', async () => {
    await expect.poll(async () => (await extension.badge()).text, POLL).toBe('25');
    expect(server.served[0]).toMatchObject({ path: inject('feedPath'), status: 200 });
    expect(server.served[0]!.headers['if-none-match']).toBeUndefined();
    const badge = await extension.badge();
    expect(badge.title).toMatch(/25 unread stories/);
  });

  it('asks only for what it uses: alarms, storage, notifications, the side panel, its menu item and the feed origin', async () => {
    const manifest = await extension.worker.evaluate(() => chrome.runtime.getManifest());
    expect([...manifest.permissions!].sort()).toEqual([
      'alarms',
      'contextMenus',
      'notifications',
      'sidePanel',
      'storage',
    ]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(manifest.icons).toMatchObject({ 16: 'icon/16.png', 128: 'icon/128.png' });
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(manifest.minimum_chrome_version).toBe('116');
  });

  it('registered its poll alarm every 15 minutes', async () => {
    const alarm = await extension.worker.evaluate(() => chrome.alarms.get('poll-feed'));
    expect(alarm?.periodInMinutes).toBe(15);
  });

  it('lists the real headlines in the popup, not "Smileband News" 25 times', async () => {
    const popup = await extension.open('popup.html');
    const rows = popup.getByRole('listitem');
    await expect.poll(() => rows.count(), POLL).toBe(25);
    const texts = await rows.allTextContents();
    expected.entries.forEach((entry, index) => expect(texts[index]).toContain(entry.headline));
    expect(await popup.locator('.headline').allTextContents()).not.toContain('Smileband News');
    // The disclosure on sponsored stories (23 of 25), not as a tagline under the name.
    expect(await popup.locator('.sponsored').count()).toBe(23);
    const tooltips = await popup
      .locator('.row-main')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).title));
    expect(tooltips.filter((title) => title.split('\n').includes('Sponsored by smileband'))).toHaveLength(23);
    await popup.close();
  });

  it('renders a story from sidepanel.html?item= and marks it read', async () => {
    const panel = await extension.open(`sidepanel.html?item=${encodeURIComponent(seed.id)}`);
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).innerText(), POLL).toBe(seed.headline);
    const body = panel.locator('.body');
    await expect.poll(() => body.innerText(), POLL).toContain('Why rare earths matter');
    expect(await body.locator('script, iframe, object, form, style').count()).toBe(0);
    expect(await panel.getByRole('link', { name: /Read on smileband\.co\.uk/ }).getAttribute('href')).toMatch(
      /^https:\/\/www\.smileband\.co\.uk\/.*smileband-news_29\.html$/,
    );
    await expect.poll(async () => (await extension.badge()).text, POLL).toBe('24');
    await panel.close();
  });

  it('asks conditionally on Refresh; a 304 sends no body and changes nothing stored', async () => {
    const before = await extension.storage();
    const requests = server.served.length;
    const popup = await extension.open('popup.html');
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => server.served.length, POLL).toBe(requests + 1);
    const conditional = server.served.at(-1)!;
    expect(conditional.headers['if-none-match']).toBe('"v1"');
    expect(conditional.headers['if-modified-since']).toBe('Mon, 02 Feb 2026 15:40:11 GMT');
    expect(conditional).toMatchObject({ status: 304, bodyBytes: 0 });
    await expect.poll(() => popup.getByRole('status').innerText(), POLL).toMatch(/^Updated now/);
    const after = await extension.storage();
    expect(after.stories).toEqual(before.stories);
    expect(after.feedState).toEqual(before.feedState);
    expect((await extension.badge()).text).toBe('24');
    await popup.close();
  });

  it('keeps every story when the feed turns into a web page, and says so', async () => {
    const before = await extension.storage();
    server.respond((_request, send) =>
      send(200, '<!doctype html><html><body>Sign in to the Wi-Fi</body></html>', { 'Content-Type': 'text/html' }),
    );
    const popup = await extension.open('popup.html');
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => popup.getByRole('status').innerText(), POLL).toMatch(/web page, not a feed/);
    const badge = await extension.badge();
    expect(badge).toMatchObject({ text: '24', color: [197, 34, 31, 255] });
    expect(badge.title).toMatch(/Update failed: .*web page/);
    const after = await extension.storage();
    expect(after.stories).toEqual(before.stories);
    expect(await popup.getByRole('listitem').count()).toBe(25);
    await popup.close();
  });
});
