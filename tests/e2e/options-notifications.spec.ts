import { describe, expect, inject, it } from 'vitest';
import { fixtureXml, serveFeed, withTwoNewPosts } from './support/feed-server';
import { servedExtensionFor } from './support/extension';

const POLL = { timeout: 15_000, interval: 100 };
const atom = fixtureXml('smileband-atom.xml');

/** The extension against the fixture feed for one describe block, and the notifications it shows. */
function servedWithNotifications() {
  const running = servedExtensionFor({ xml: atom });
  const notifications = () =>
    running.extension.worker.evaluate(() => chrome.notifications.getAll()) as Promise<Record<string, unknown>>;
  return { running, notifications };
}

describe('notifications and the options page in Chromium', () => {
  const { running, notifications } = servedWithNotifications();

  it('stays silent about the 25 stories there at install', async () => {
    expect(await notifications()).toEqual({});
  });

  it('notifies each of two new stories on the next poll', async () => {
    running.server.respond(serveFeed(withTwoNewPosts(atom), '"v2"'));
    const popup = await running.extension.open('popup.html');
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(async () => Object.keys(await notifications()).sort(), POLL)
      .toEqual([
        'story|tag:blogger.com,1999:blog-4412077813695013120.post-991',
        'story|tag:blogger.com,1999:blog-4412077813695013120.post-992',
      ]);
    expect((await running.extension.badge()).text).toBe('27');
    await popup.close();
  });

  it('saves a valid interval, and the alarm follows', async () => {
    const options = await running.extension.open('options.html');
    const interval = options.getByLabel('Check every (minutes)');
    await interval.fill('30');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toBe('Saved.');
    await expect
      .poll(
        () => running.extension.worker.evaluate(async () => (await chrome.alarms.get('poll-feed'))?.periodInMinutes),
        POLL,
      )
      .toBe(30);
    await options.close();
  });

  it('rejects bad input with a visible message and saves nothing', async () => {
    const options = await running.extension.open('options.html');
    await options.getByLabel('Check every (minutes)').fill('2');
    await options.getByLabel('Stories to keep').fill('5000');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('alert').innerText(), POLL).toMatch(/Nothing was saved/);
    expect(await options.getByText('Check every 5 to 1440 minutes.').isVisible()).toBe(true);
    expect(await options.getByText('Keep between 50 and 1000 stories.').isVisible()).toBe(true);
    expect(await options.getByLabel('Check every (minutes)').getAttribute('aria-invalid')).toBe('true');
    const stored = await running.extension.storage<{ settings: { intervalMinutes: number; retention: number } }>(
      'settings',
    );
    expect(stored.settings).toMatchObject({ intervalMinutes: 30, retention: 200 });
    await options.close();
  });

  it('tests a feed URL: the newest headline, or why it is not a feed; a failing URL is not saved', async () => {
    const options = await running.extension.open('options.html');
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
    const stored = await running.extension.storage<{ settings: { feedUrl: string } }>('settings');
    expect(stored.settings.feedUrl).toBe(`http://127.0.0.1:${inject('feedPort')}${inject('feedPath')}`);
    await options.close();
  });
});

describe('notification rules in Chromium', () => {
  const { running, notifications } = servedWithNotifications();

  it('hides a muted word’s stories from the popup and the badge, and keeps its new stories silent', async () => {
    const options = await running.extension.open('options.html');
    await options.getByRole('button', { name: 'Add a rule for words' }).click();
    await options.getByRole('textbox', { name: 'Words of rule 1' }).fill('new story');
    await options.getByRole('combobox', { name: 'What rule 1 does' }).selectOption('hide');
    await options.getByRole('combobox', { name: 'Space' }).selectOption('quiet');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toBe('Saved.');
    // Clean once saved, though Chrome's storage gives the rules back with their keys in another
    // order: nothing left to save, and the page opens again as it was saved.
    await expect.poll(() => options.getByRole('button', { name: 'Save' }).isDisabled(), POLL).toBe(true);
    await options.reload();
    await expect.poll(() => options.getByRole('status').first().innerText(), POLL).toBe('All changes saved');
    expect(await options.getByRole('textbox', { name: 'Words of rule 1' }).inputValue()).toBe('new story');
    await options.close();

    // Two new posts, both headlines with the muted words: no notification, no count.
    running.server.respond(serveFeed(withTwoNewPosts(atom), '"v2"'));
    const popup = await running.extension.open('popup.html');
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(async () => (await running.extension.storage<{ stories: unknown[] }>('stories')).stories.length, POLL)
      .toBe(27);
    expect(await notifications()).toEqual({});
    await expect.poll(async () => (await running.extension.badge()).text, POLL).toBe('25');
    expect(await popup.getByRole('listitem').count()).toBe(25);
    expect(await popup.getByText('First new story').count()).toBe(0);
    // The Space stories stay listed, quietly, saying why.
    expect(
      await popup
        .getByRole('img', { name: 'Listed quietly, without a notification, by your rule for the label “Space”' })
        .count(),
    ).toBe(2);
    await popup.getByRole('button', { name: 'Stories your rules hide (2)' }).click();
    await expect.poll(() => popup.getByRole('listitem').count(), POLL).toBe(2);
    // Polled: rows lay out their content lazily (content-visibility), so a row read before the
    // frame that first shows it has no rendered text yet.
    await expect.poll(() => popup.getByRole('listitem').first().innerText(), POLL).toContain('Second new story');
    // The view says why, and Edit rules opens the page where they are.
    const why = popup.locator('.view-why');
    await expect
      .poll(() => why.innerText(), POLL)
      .toBe('Your rules keep these stories out of the list, the badge and notifications. Edit rules');
    const opened = running.extension.context.waitForEvent('page', { timeout: 10_000 });
    await why.getByRole('button', { name: 'Edit rules' }).click();
    const rulesPage = await opened;
    await rulesPage.waitForURL(/\/options\.html/);
    await rulesPage.close();
    if (!popup.isClosed()) await popup.close();
  });
});
