import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serveFeed } from './support/feed-server';
import { servedExtensionFor } from './support/extension';
import { entries, head } from '../support/big-feed';
import type { StoryMeta } from '@/utils/feed/types';

const expected = JSON.parse(readFileSync(new URL('../fixtures/smileband-expected.json', import.meta.url), 'utf8')) as {
  entries: { id: string; headline: string }[];
};
const POLL = { timeout: 20_000, interval: 100 };

/** `count` posts newer than every fixture post, with new ids: what months of the site would bring. */
function newerStories(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const when = new Date(Date.UTC(2027, 0, 1) + i * 60_000).toISOString();
    out.push(
      entries[i % entries.length]!.replace(/\.post-(\d+)</, `.post-$1n${i}<`)
        .replace(/<published>[^<]*</, `<published>${when}<`)
        .replace(/<updated>[^<]*</, `<updated>${when}<`)
        .replace(/\.html'/, `-n${i}.html'`),
    );
  }
  return `${head}${out.join('')}</feed>`;
}

describe('Saved for later in Chromium', () => {
  const running = servedExtensionFor();

  it('keeps a saved story, with its text, after 230 newer stories push it past the retention of 200', async () => {
    const oldest = expected.entries.at(-1)!;
    const popup = await running.extension.open('popup.html');
    // By id: the site posted this headline more than once.
    const row = popup.locator(`li[data-id="${oldest.id}"]`);
    await row.hover();
    const save = row.getByRole('button', { name: 'Save' });
    expect(await save.getAttribute('aria-pressed')).toBe('false');
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed'), POLL).toBe('true');
    await expect.poll(() => popup.getByRole('button', { name: 'Saved stories (1)' }).count(), POLL).toBe(1);

    running.server.respond(serveFeed(newerStories(230), '"v2"'));
    await popup.getByRole('button', { name: /Refresh/ }).click();
    await expect
      .poll(async () => (await running.extension.storage<{ stories?: StoryMeta[] }>('stories')).stories?.length, POLL)
      .toBe(201);
    const { stories } = await running.extension.storage<{ stories: StoryMeta[] }>('stories');
    expect(stories.at(-1)).toMatchObject({ id: oldest.id });
    expect(stories.at(-1)!.saved).toBeTruthy();
    expect(stories.at(-1)!.bodyDropped).toBeUndefined();
    // Every other fixture story left with the retention.
    expect(stories.filter((story) => !story.id.includes('n')).map((story) => story.id)).toEqual([oldest.id]);
    await popup.close();

    const panel = await running.extension.open('sidepanel.html');
    await panel.getByRole('button', { name: 'Saved stories (1)' }).click();
    const rows = panel.getByRole('listitem');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    await rows.first().getByRole('link').click();
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).innerText(), POLL).toBe(oldest.headline);
    const body = panel.locator('.body');
    await expect.poll(() => body.innerText(), POLL).toContain('Adult prevalence is around 1.5');
    expect(await panel.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('true');

    // Exported: one HTML file with the story's text and its source.
    await panel.getByRole('button', { name: 'All stories' }).click();
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export saved stories' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^smileband-news-saved-\d{4}-\d{2}-\d{2}\.html$/);
    const file = readFileSync(await download.path(), 'utf8');
    expect(file).toContain(oldest.headline);
    expect(file).toContain('Adult prevalence is around 1.5');
    expect(file).not.toMatch(/<script/i);
    await panel.close();
  });
});
