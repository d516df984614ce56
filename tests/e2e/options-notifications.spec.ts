import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtureXml, serveFeed, withTwoNewPosts, type FeedServer } from './support/feed-server';
import { type LoadedExtension, startServedExtension, stopAll } from './support/extension';

const POLL = { timeout: 15_000, interval: 100 };
const atom = fixtureXml('smileband-atom.xml');

describe('notifications and the options page in Chromium', () => {
  let server: FeedServer;
  let extension: LoadedExtension;
  const notifications = () =>
    extension.worker.evaluate(() => chrome.notifications.getAll()) as Promise<Record<string, unknown>>;

  beforeAll(async () => {
    ({ server, extension } = await startServedExtension({ xml: atom }));
  });
  afterAll(() => stopAll(extension, server));

  it('stays silent about the 25 stories there at install', async () => {
    expect(await notifications()).toEqual({});
  });

  it('notifies each of two new stories on the next poll', async () => {
    server.respond(serveFeed(withTwoNewPosts(atom), '"v2"'));
    const popup = await extension.open('popup.html');
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(async () => Object.keys(await notifications()).sort(), POLL)
      .toEqual([
        'story|tag:blogger.com,1999:blog-4412077813695013120.post-991',
        'story|tag:blogger.com,1999:blog-4412077813695013120.post-992',
      ]);
    expect((await extension.badge()).text).toBe('27');
    await popup.close();
  });

  it('saves a valid interval, and the alarm follows', async () => {
    const options = await extension.open('options.html');
    const interval = options.getByLabel('Check every (minutes)');
    await interval.fill('30');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toBe('Saved.');
    await expect
      .poll(() => extension.worker.evaluate(async () => (await chrome.alarms.get('poll-feed'))?.periodInMinutes), POLL)
      .toBe(30);
    await options.close();
  });

  it('rejects bad input with a visible message and saves nothing', async () => {
    const options = await extension.open('options.html');
    await options.getByLabel('Check every (minutes)').fill('2');
    await options.getByLabel('Stories to keep').fill('5000');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('alert').innerText(), POLL).toMatch(/Nothing was saved/);
    expect(await options.getByText('Check every 5 to 1440 minutes.').isVisible()).toBe(true);
    expect(await options.getByText('Keep between 50 and 1000 stories.').isVisible()).toBe(true);
    expect(await options.getByLabel('Check every (minutes)').getAttribute('aria-invalid')).toBe('true');
    const stored = await extension.storage<{ settings: { intervalMinutes: number; retention: number } }>('settings');
    expect(stored.settings).toMatchObject({ intervalMinutes: 30, retention: 200 });
    await options.close();
  });

  it('tests a feed URL: the newest headline, or why it is not a feed; a failing URL is not saved', async () => {
    const options = await extension.open('options.html');
    const feedUrl = options.getByLabel('Feed URL');
    await options.getByRole('button', { name: 'Test' }).click();
    await expect
      .poll(() => options.getByText(/^Works\. Newest:/).innerText(), POLL)
      .toBe('Works. Newest: “Second new story”');
    const broken = `http://127.0.0.1:${inject('feedPort')}/not-a-feed`;
    await feedUrl.fill(broken);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('alert').innerText(), POLL).toMatch(/feed URL did not work/);
    expect(await options.getByText(/answered 404/).count()).toBeGreaterThan(0);
    const stored = await extension.storage<{ settings: { feedUrl: string } }>('settings');
    expect(stored.settings.feedUrl).toBe(`http://127.0.0.1:${inject('feedPort')}${inject('feedPath')}`);
    await options.close();
  });
});
