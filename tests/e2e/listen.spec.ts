// Listen in the real side panel: its script loads on the first press, the engine (a recorder: this
// machine has no voices) gets the headline, then one sentence per utterance, Pause and Stop; the
// sentence being read is the page's highlight; the bar fits the panel at 400 and 320 px.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedExtensionFor } from './support/extension';
import { installSpeechRecorder } from '../support/speech-recorder';

const expected = JSON.parse(readFileSync(new URL('../fixtures/smileband-expected.json', import.meta.url), 'utf8')) as {
  entries: { id: string; headline: string }[];
};
const POLL = { timeout: 15_000, interval: 100 };
// The Starlink post: a picture, paragraphs and headings.
const STORY = expected.entries[2]!;

describe('Listen in Chromium', () => {
  const running = servedExtensionFor();

  async function openStory(width: number): Promise<Page> {
    const page = await running.extension.context.newPage();
    await page.addInitScript(installSpeechRecorder, [
      ['Daniel', 'en-GB'],
      ['Anna', 'de-DE'],
    ] as [string, string][]);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${running.extension.id}/sidepanel.html?item=${encodeURIComponent(STORY.id)}`);
    await page.locator('.body p').first().waitFor();
    return page;
  }
  const calls = (page: Page) => page.evaluate(() => globalThis.speechLog!.calls.filter((call) => call !== 'cancel'));
  const highlighted = (page: Page) =>
    page.evaluate(() => {
      const highlight = CSS.highlights.get('listen-sentence');
      return highlight ? [...highlight].map((range) => (range as Range).toString()) : null;
    });

  it('reads the headline, then the story a sentence at a time, marking each; Pause and Stop reach the engine', async () => {
    const page = await openStory(400);
    await page.getByRole('button', { name: 'Listen' }).click();
    const bar = page.getByRole('group', { name: 'Listen' });
    await bar.waitFor();
    await expect.poll(() => calls(page), POLL).toEqual([`speak: ${STORY.headline}`]);
    expect(await highlighted(page)).toEqual([STORY.headline]);
    // The engine says the sentence: Listen goes on to the next, and marks it.
    await page.evaluate(() => globalThis.speechLog!.finish());
    const first = (await calls(page)).at(-1)!.slice('speak: '.length);
    expect(first).toMatch(/^Over 9,000 active satellites were in orbit by December 2025/);
    expect(first).toMatch(/\.$/);
    expect(await highlighted(page)).toEqual([first]);
    expect(await bar.getByRole('status').innerText()).toMatch(/^Reading 2 of \d+$/);
    // The sentence keys, then Pause, Resume and Stop.
    await page.keyboard.press('ArrowRight');
    expect((await calls(page)).at(-1)).toMatch(/^speak: How many Starlinks/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(STORY.headline);
    await bar.getByRole('button', { name: 'Pause' }).click();
    expect((await calls(page)).at(-1)).toBe('pause');
    await page.keyboard.press('r');
    expect((await calls(page)).at(-1)).toBe('resume');
    await bar.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => bar.count(), POLL).toBe(0);
    expect(await highlighted(page)).toBeNull();
    expect(await page.getByRole('button', { name: 'Listen' }).getAttribute('aria-pressed')).toBe('false');
    // Listen's engine came in a script of its own, on the first press.
    expect(await page.evaluate(() => [...document.scripts].map((script) => new URL(script.src).pathname))).toEqual([
      '/sidepanel-app.js',
      '/reader-tools.js',
    ]);
    await page.close();
  });

  it.each([400, 320])('fits its bar into a %i px panel, every control whole and inside it', async (width) => {
    const page = await openStory(width);
    await page.keyboard.press('r');
    const bar = page.getByRole('group', { name: 'Listen' });
    await bar.waitFor();
    const boxes = await bar.evaluate((element) =>
      [element, ...element.querySelectorAll('button:not([hidden]), select, [role=status]')].map((each: Element) => {
        const box = each.getBoundingClientRect();
        return {
          what: each.getAttribute('aria-label') ?? each.className,
          left: box.left,
          right: box.right,
          height: box.height,
        };
      }),
    );
    const [whole, ...controls] = boxes;
    for (const control of controls) {
      expect(control.left, control.what).toBeGreaterThanOrEqual(0);
      expect(control.right, control.what).toBeLessThanOrEqual(width);
    }
    // Two lines: the controls, the voice and the speed; then what it reads.
    expect(whole!.height).toBeLessThanOrEqual(2 * 36 + 12);
    // Still sticky under the toolbar when the story scrolls.
    await page.mouse.wheel(0, 600);
    await expect
      .poll(() => bar.evaluate((element) => Math.round(element.getBoundingClientRect().top)), POLL)
      .toBeLessThanOrEqual(50);
    await page.close();
  });

  it('says beside the button that there is no voice, where the computer has none', async () => {
    const page = await openStory(400);
    await page.evaluate(() => {
      speechSynthesis.getVoices = () => [];
    });
    await page.getByRole('button', { name: 'Listen' }).click();
    await expect
      .poll(() => page.getByRole('navigation').innerText(), POLL)
      .toContain('No voice to read with: this device has no text-to-speech voice installed.');
    expect(await page.getByRole('group', { name: 'Listen' }).count()).toBe(0);
    await page.close();
  });
});
