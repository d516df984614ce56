// The blog's archive on request: "Older stories" pages back through all posts, or one label's own
// feed, to the oldest post; archive stories arrive read and never notify.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serveBlog } from './support/feed-server';
import { servedExtensionFor } from './support/extension';
import { feedEntries } from '../support/big-feed';
import type { StoryMeta } from '@/utils/feed/types';

const expected = JSON.parse(readFileSync(new URL('../fixtures/smileband-expected.json', import.meta.url), 'utf8')) as {
  entries: { headline: string }[];
};
const POLL = { timeout: 20_000, interval: 100 };
/** A blog of 160 posts: the newest 25 in its feed, the rest in its archive. */
const BLOG = feedEntries(160);
const idOf = (entry: string) => /<id>([^<]+)<\/id>/.exec(entry)![1]!;

describe('Older stories in Chromium', () => {
  const running = servedExtensionFor({ responder: serveBlog(BLOG) });
  const stored = async () => (await running.extension.storage<{ stories: StoryMeta[] }>('stories')).stories;
  const archiveAsks = () =>
    running.server.served.filter((request) => request.search.includes('start-index') && !request.search.includes('q='));

  // First: it runs on the first poll's 25 stories (the next test pages the rest).
  it('searches the whole blog when the stored stories hold no match, and opens what it finds', async () => {
    const panel = await running.extension.open('sidepanel.html');
    await expect.poll(() => panel.getByRole('listitem').count(), POLL).toBe(25);
    // In the body of three of the site's posts, so in every year of the blog's archive.
    const matching = BLOG.filter((entry) => entry.toLowerCase().includes('prevalence'));
    await panel.getByRole('searchbox').fill('prevalence');
    await expect.poll(() => panel.getByText('No headlines match “prevalence”.').count(), POLL).toBe(1);
    // One message: the blog's search first and filled, Show all stories after it, a plain link's look.
    const message = panel.locator('.state');
    await expect
      .poll(() => message.getByRole('button').allInnerTexts(), POLL)
      .toEqual(['Search all of Smileband News', 'Show all stories']);
    const look = (name: string) =>
      message.getByRole('button', { name }).evaluate((button) => {
        const style = getComputedStyle(button);
        return { background: style.backgroundColor, line: style.textDecorationLine, align: style.alignSelf };
      });
    expect((await look('Search all of Smileband News')).background).toBe('rgb(26, 86, 196)');
    expect(await look('Show all stories')).toMatchObject({ background: 'rgba(0, 0, 0, 0)', line: 'underline' });
    await panel.getByRole('button', { name: 'Search all of Smileband News' }).click();
    const found = panel.getByRole('list', { name: 'Found on Smileband News' });
    await expect.poll(() => found.getByRole('listitem').count(), POLL).toBe(matching.length);
    // No headline says "prevalence": each find shows, whole and marked, the text that does.
    const snippets = found.locator('.snippet');
    await expect.poll(() => snippets.count(), POLL).toBe(matching.length);
    for (const text of await snippets.allInnerTexts()) expect(text.toLowerCase()).toContain('prevalence');
    const marks = await found
      .locator('.snippet mark')
      .evaluateAll((all) =>
        all.map((mark) => [mark.textContent.toLowerCase(), getComputedStyle(mark).backgroundColor]),
      );
    expect(marks).toEqual(matching.map(() => ['prevalence', 'rgb(253, 230, 138)']));
    expect(await found.getByRole('listitem').evaluateAll((rows) => rows.map((row) => row.dataset.id))).toEqual(
      matching.map(idOf),
    );
    await expect
      .poll(() =>
        panel.getByRole('region', { name: 'Found on Smileband News' }).locator('.blog-search-title').innerText(),
      )
      .toBe(`${matching.length} found on Smileband News for “prevalence”`);
    const asked = running.server.served.filter((request) => request.search.includes('q='));
    expect(asked.map((request) => new URLSearchParams(request.search).get('q'))).toEqual(['prevalence']);
    // Stored as known stories: read, no new unread count.
    const stories = await stored();
    expect(stories).toHaveLength(25 + matching.length - 3);
    expect((await running.extension.badge()).text).toBe('25');
    // The oldest find opens like any story.
    await found.getByRole('listitem').last().getByRole('link').click();
    await expect.poll(() => panel.locator('.body').innerText(), POLL).toContain('prevalence');
    // The search is remembered for the next opening: cleared for the next test.
    await panel.getByRole('button', { name: 'All stories' }).click();
    await panel.getByRole('searchbox').fill('');
    await expect.poll(() => panel.getByRole('listitem').count(), POLL).toBeGreaterThan(25);
    await panel.close();
  });

  it('searches the whole blog from the popup too: its finds show what matched, their labels do not filter', async () => {
    // The popup loads the blog's search in a chunk of its own (minified apart from the rows it draws).
    const popup = await running.extension.open('popup.html');
    await popup.getByRole('searchbox').fill('prevalence');
    await popup.getByRole('button', { name: 'Search all of Smileband News' }).click();
    const found = popup.getByRole('list', { name: 'Found on Smileband News' });
    const matching = BLOG.filter((entry) => entry.toLowerCase().includes('prevalence'));
    await expect.poll(() => found.getByRole('listitem').count(), POLL).toBe(matching.length);
    await expect.poll(() => found.locator('.snippet mark').count(), POLL).toBe(matching.length);
    expect(await found.locator('.meta .label').count()).toBeGreaterThan(0);
    expect(await found.locator('.meta button.label').count()).toBe(0);
    await popup.getByRole('searchbox').fill('');
    await expect
      .poll(() => popup.evaluate(() => localStorage.getItem('smileband-news:list-filter')), POLL)
      .toContain('"query":""');
    await popup.close();
  });

  it('pages a label’s own feed, then all posts back to the oldest, read and silent', async () => {
    const panel = await running.extension.open('sidepanel.html');
    await expect.poll(() => panel.getByRole('listitem').count(), POLL).toBeGreaterThan(25);
    const older = panel.locator('.older-stories');

    // One label first: its own feed, after the Space stories already stored.
    await panel
      .getByRole('toolbar', { name: 'Labels' })
      .getByRole('button', { name: /^Space/ })
      .click();
    const space = BLOG.filter((entry) => entry.includes("term='Space'"));
    await older.getByRole('button', { name: 'Older stories in “Space”' }).click();
    await expect
      .poll(() => older.getByRole('status').innerText(), POLL)
      .toBe(`${space.length - 2} older stories added. That was the first story on Smileband News.`);
    expect(archiveAsks().map((request) => `${request.path}${request.search}`)).toEqual([
      '/feeds/posts/default/-/Space?orderby=published&start-index=3&max-results=100',
    ]);
    await expect.poll(() => panel.getByRole('listitem').count(), POLL).toBe(space.length);
    expect(await older.getByRole('button').count()).toBe(0);

    // All posts: the next 100 after those stored, then the rest to the oldest.
    await panel
      .getByRole('toolbar', { name: 'Labels' })
      .getByRole('button', { name: /^Space/ })
      .click();
    const all = older.getByRole('button', { name: 'Older stories' });
    await all.click();
    await expect.poll(() => older.getByRole('status').innerText(), POLL).toMatch(/older stories added, marked read\.$/);
    await all.click();
    await expect
      .poll(() => older.getByRole('status').innerText(), POLL)
      .toMatch(/That was the first story on Smileband News\.$/);
    const stories = await stored();
    expect(stories).toHaveLength(160);
    expect(stories.map((story) => story.id)).toEqual(BLOG.map(idOf));
    expect(stories.filter((story) => story.archived).every((story) => story.read)).toBe(true);
    expect(stories.filter((story) => !story.read)).toHaveLength(25);
    // Archive stories count as known: the badge still says the 25 of the first poll.
    expect((await running.extension.badge()).text).toBe('25');

    // The oldest post of the blog is the list's last row, and opens like any story.
    await panel.locator('.row-main').first().focus();
    await panel.keyboard.press('End');
    await expect
      .poll(() => panel.evaluate(() => document.activeElement?.closest('li')?.dataset.id), POLL)
      .toBe(idOf(BLOG.at(-1)!));
    await panel.keyboard.press('Enter');
    await expect
      .poll(() => panel.getByRole('heading', { level: 1 }).innerText(), POLL)
      .toBe(expected.entries[(BLOG.length - 1) % expected.entries.length]!.headline);
    await panel.close();
  });
});
