import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureXml, serveFeed, startFeedServer, type FeedServer } from './support/feed-server';
import { type LoadedExtension, loadExtension, stopAll, until } from './support/extension';
import { pseudoLocalizedCopy } from './support/pseudo-locale';
import { installSpeechRecorder } from '../support/speech-recorder';

// Layout invariants at the sizes readers meet (popup 400×600, side panel 400×900), in every
// locale the extension ships and in a pseudo-locale whose strings are 40 % longer. No pixels:
// what a reader would call broken — a wrapped or clipped control, a squeezed search field, a
// popup that changes size, a broken-image icon, stories cut off.
const POLL = { timeout: 15_000, interval: 100 };
const POPUP = { width: 400, height: 600 };
const PANEL = { width: 400, height: 900 };

/**
 * Controls whose label wraps onto a second line or is cut off, or that reach past the page's edge,
 * and text fields squeezed below `minField` px.
 */
function controlProblems(page: Page, scope: string, minField = 120): Promise<string[]> {
  return page.evaluate(
    ({ scope, minField }) => {
      const problems: string[] = [];
      // Line boxes of the text a reader sees (text for screen readers only is left out).
      const lines = (element: Element) => {
        const bottoms = new Set<number>();
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim() || node.parentElement?.closest('.visually-hidden')) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) if (rect.width > 0) bottoms.add(Math.round(rect.bottom));
        }
        return bottoms.size;
      };
      for (const root of document.querySelectorAll(scope)) {
        const selector = 'button, label, .count, a.source, .position';
        const controls = [...(root.matches(selector) ? [root] : []), ...root.querySelectorAll(selector)];
        for (const control of controls as HTMLElement[]) {
          if (!control.checkVisibility()) continue;
          const name = (control.textContent ?? '').trim() || control.getAttribute('aria-label') || control.tagName;
          if (lines(control) > 1) problems.push(`wraps: ${name}`);
          if (control.scrollWidth > control.clientWidth + 1) problems.push(`clipped: ${name}`);
          // Past the page's right edge: cut off by the panel, or reachable only by scrolling sideways.
          if (control.getBoundingClientRect().right > document.documentElement.clientWidth + 1) {
            problems.push(`off the edge: ${name}`);
          }
        }
        for (const field of root.querySelectorAll<HTMLInputElement>('input[type="search"]')) {
          const width = field.getBoundingClientRect().width;
          if (width < minField) problems.push(`search field ${Math.round(width)} px`);
          // Its placeholder whole inside it: typed in for a moment (no input event), it does not scroll.
          const typed = field.value;
          field.value = field.placeholder;
          if (field.scrollWidth > field.clientWidth) problems.push(`placeholder cut: ${field.placeholder}`);
          field.value = typed;
        }
        const title = root.querySelector('h1');
        if (title && root.matches('.list-header') && lines(title) > 1) problems.push('title wraps');
      }
      return problems;
    },
    { scope, minField },
  );
}

/**
 * Words a reader would see cut: text that runs past the edge of a box that hides it, without an
 * ellipsis (a row's meta line, a chip), and headings that do not read whole, ellipsis or not. A
 * chip wrapped onto a line its box does not show is not seen, so not cut.
 */
function cutWords(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const problems: string[] = [];
    const visible = (element: Element) => (element as HTMLElement).checkVisibility();
    for (const root of document.querySelectorAll(scope)) {
      for (const heading of root.querySelectorAll<HTMLElement>('h1, h2')) {
        if (visible(heading) && heading.scrollWidth > heading.clientWidth + 1) {
          problems.push(`heading cut: ${heading.textContent}`);
        }
      }
      for (const box of root.querySelectorAll<HTMLElement>('.meta, .meta .labels')) {
        if (!visible(box)) continue;
        const edge = box.getBoundingClientRect();
        for (const child of box.children) {
          const rect = child.getBoundingClientRect();
          const shown = rect.top < edge.bottom - 1 && rect.width > 0;
          const own = child as HTMLElement;
          const ellipsis = getComputedStyle(own).textOverflow === 'ellipsis';
          if (shown && rect.right > edge.right + 1) problems.push(`cut at the edge: ${child.textContent}`);
          else if (shown && own.scrollWidth > own.clientWidth + 1 && !ellipsis)
            problems.push(`cut: ${child.textContent}`);
        }
      }
    }
    return [...new Set(problems)];
  }, scope);
}

/** Words under the row's action tray while it shows (hovered or focused row `index`). */
function coveredByTray(page: Page, index: number): Promise<string[]> {
  return page.evaluate((index) => {
    const row = document.querySelectorAll('.stories > .row')[index]!;
    const tray = row.querySelector('.row-actions')!;
    if (getComputedStyle(tray).opacity !== '1') return ['the tray does not show'];
    const edge = tray.getBoundingClientRect();
    const meta = row.querySelector('.meta')!.getBoundingClientRect();
    const words = [row.querySelector('.headline')!, ...row.querySelectorAll('.meta > *, .meta .label')];
    return words
      .filter((word) => {
        const box = word.getBoundingClientRect();
        const shown = box.width > 0 && box.top < meta.bottom - 1;
        return (
          shown && box.right > edge.left && box.left < edge.right && box.bottom > edge.top && box.top < edge.bottom
        );
      })
      .map((word) => `under the tray: ${word.textContent}`);
  }, index);
}

/** Words of the story's body that the line breaking split across two lines. */
function splitWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const split: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('.story .body')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of (node.textContent ?? '').matchAll(/\p{L}{2,}/gu)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => rect.top));
        if (tops.size > 1) split.push(word[0]);
      }
    }
    return split;
  });
}

/** Pictures on screen that the browser could not load (they would show a broken-image icon). */
function brokenPictures(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.images].filter((image) => image.complete && image.naturalWidth === 0 && image.checkVisibility())
        .length,
  );
}

/** Pictures still loading, which may yet fail. */
function loadingPictures(page: Page): Promise<number> {
  return page.evaluate(
    () => [...document.images].filter((image) => !image.complete && image.loading !== 'lazy').length,
  );
}

describe.each([
  { name: 'English', locale: 'en-US', pseudo: false },
  { name: 'German', locale: 'de-DE', pseudo: false },
  { name: 'the pseudo-locale', locale: 'en-US', pseudo: true },
])('layout in $name', ({ locale, pseudo }) => {
  let server: FeedServer;
  let extension: LoadedExtension;
  let copy: ReturnType<typeof pseudoLocalizedCopy> | undefined;

  beforeAll(async () => {
    // As Blogger's editor leaves them: words joined by non-breaking spaces ("over&nbsp;the&nbsp;…").
    const joined = fixtureXml('smileband-atom.xml').replaceAll(' the ', '&amp;nbsp;the&amp;nbsp;');
    server = await startFeedServer(inject('feedPort'), inject('feedPath'), serveFeed(joined));
    copy = pseudo ? pseudoLocalizedCopy(inject('extensionPath')) : undefined;
    extension = await loadExtension(inject('chromiumPath'), copy?.path ?? inject('extensionPath'), { locale });
    await until(async () => (await extension.badge()).text === '25', 'the first poll');
    // Offline pictures: every post image fails, as on a train or behind a blocker.
    await extension.context.route('https://blogger.googleusercontent.com/**', (route) => route.abort());
  });
  afterAll(async () => {
    await stopAll(extension, server);
    copy?.dispose();
  });

  async function openPopup(): Promise<Page> {
    const page = await extension.context.newPage();
    // Taller than the popup: a page that grows or shrinks would show it.
    await page.setViewportSize({ width: POPUP.width, height: 900 });
    await page.goto(`chrome-extension://${extension.id}/popup.html`);
    await expect.poll(() => page.locator('.stories > .row').count(), POLL).toBeGreaterThan(0);
    return page;
  }
  const pageHeight = (page: Page) => page.evaluate(() => document.body.getBoundingClientRect().height);

  it('popup: controls on one line, a roomy search field, seven whole stories, no broken pictures', async () => {
    const page = await openPopup();
    expect(await controlProblems(page, '.list-header, .toolbar')).toEqual([]);
    // The filters before the labels (which scroll sideways) stay whole and on screen.
    expect(await controlProblems(page, '.filter-row > :not(.label-bar)')).toEqual([]);
    const whole = await page.evaluate(() => {
      const list = document.querySelector('.list-scroll')!.getBoundingClientRect();
      return [...document.querySelectorAll('.stories > .row')].filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= list.top && box.bottom <= list.bottom + 0.5;
      }).length;
    });
    expect(whole).toBeGreaterThanOrEqual(7);
    // Every row's meta line and the product's name read whole (the first screen's rows are laid out).
    expect(await cutWords(page, '.list-header, .stories')).toEqual([]);
    // The list's end, loaded on use: Older stories whole.
    await page.locator('.older-stories button').waitFor();
    expect(await controlProblems(page, '.older-stories')).toEqual([]);
    await expect.poll(() => loadingPictures(page), POLL).toBe(0);
    expect(await brokenPictures(page)).toBe(0);
    await page.close();
  });

  it('popup: the row actions cover no word of their row, hovered or focused', async () => {
    const page = await extension.context.newPage();
    // Pictures that load here: the tray sits over a row's picture.
    await page.route('https://blogger.googleusercontent.com/**', (route) =>
      route.fulfill({
        contentType: 'image/svg+xml',
        body: '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>',
      }),
    );
    await page.setViewportSize(POPUP);
    await page.goto(`chrome-extension://${extension.id}/popup.html`);
    await expect.poll(() => page.locator('.stories > .row .thumb').count(), POLL).toBeGreaterThan(0);
    const pictured = await page.evaluate(() =>
      [...document.querySelectorAll('.stories > .row')].map((row) => row.querySelector('.thumb') !== null),
    );
    expect(pictured).toContain(false);
    for (const index of [pictured.indexOf(true), pictured.indexOf(false)]) {
      await page.locator('.stories > .row').nth(index).hover();
      expect(await coveredByTray(page, index)).toEqual([]);
      expect(await cutWords(page, '.stories')).toEqual([]);
    }
    await page.mouse.move(0, 0);
    await page.keyboard.press('Tab');
    await page.locator('.stories > .row a').first().focus();
    expect(await coveredByTray(page, 0)).toEqual([]);
    await page.close();
  });

  it('keyboard: j works the moment the popup opens; Escape from a story puts focus back on its row', async () => {
    const popup = await openPopup();
    const focused = (page: Page) => page.evaluate(() => document.activeElement?.closest('.row')?.textContent ?? null);
    expect(await focused(popup)).toBeNull();
    await popup.keyboard.press('j');
    const first = await popup.locator('.stories > .row').first().textContent();
    expect(await focused(popup)).toBe(first);
    await popup.keyboard.press('j');
    expect(await focused(popup)).toBe(await popup.locator('.stories > .row').nth(1).textContent());
    await popup.close();

    const panel = await extension.context.newPage();
    await panel.setViewportSize(PANEL);
    await panel.goto(`chrome-extension://${extension.id}/sidepanel.html`);
    const third = panel.locator('.stories > .row').nth(2);
    await third.locator('a').click();
    await panel.locator('.story .body').waitFor();
    await panel.keyboard.press('Escape');
    await panel.locator('.stories').waitFor();
    await expect
      .poll(() => panel.evaluate(() => document.activeElement?.closest('.stories > .row') !== null), POLL)
      .toBe(true);
    expect(await focused(panel)).toBe(await panel.locator('.stories > .row').nth(2).textContent());
    // Unread again, as the tests after this one expect the stories.
    const href = await third.locator('a').getAttribute('href');
    const { stories } = await extension.storage<{ stories: { id: string; link: string }[] }>('stories');
    const opened = stories.find((story) => story.link === href)!.id;
    await panel.evaluate((id) => chrome.runtime.sendMessage({ type: 'set-read', ids: [id], read: false }), opened);
    await until(async () => (await extension.badge()).text === '25', 'unread again');
    await panel.close();
  });

  it('popup: the same size with stories, with no match and after Mark all read, Undo at the bottom', async () => {
    const page = await openPopup();
    expect(await pageHeight(page)).toBe(POPUP.height);
    await page.getByRole('searchbox').fill('zzzz no such headline');
    await page.locator('.state').waitFor();
    expect(await pageHeight(page)).toBe(POPUP.height);
    // What a search with no stored match offers instead: the whole blog's, whole and on one line.
    await page.locator('.blog-search button').waitFor();
    expect(await controlProblems(page, '.blog-search')).toEqual([]);
    expect(await pageHeight(page)).toBe(POPUP.height);
    await page.getByRole('searchbox').fill('');
    await page.locator('.toolbar button').click();
    const undo = page.locator('.undo-bar');
    await undo.waitFor();
    expect(await pageHeight(page)).toBe(POPUP.height);
    expect(Math.round((await undo.boundingBox())!.y + (await undo.boundingBox())!.height)).toBe(POPUP.height);
    expect(await controlProblems(page, '.undo-bar')).toEqual([]);
    // Put the stories back for the tests after this one.
    await page.locator('.undo-bar button').first().click();
    await until(async () => (await extension.badge()).text === '25', 'undo');
    await page.close();
  });

  it('side panel: list home and story toolbar on one line, no broken pictures in the story', async () => {
    const page = await extension.context.newPage();
    await page.setViewportSize(PANEL);
    await page.goto(`chrome-extension://${extension.id}/sidepanel.html`);
    await expect.poll(() => page.locator('.stories > .row').count(), POLL).toBeGreaterThan(0);
    // The list home: header and toolbar as in the popup, every word whole, at 400 and 320 px.
    expect(await controlProblems(page, '.list-header, .toolbar')).toEqual([]);
    expect(await cutWords(page, '.list-header, .stories')).toEqual([]);
    await page.setViewportSize({ width: 320, height: PANEL.height });
    expect(await controlProblems(page, '.list-header, .toolbar')).toEqual([]);
    expect(await cutWords(page, '.list-header, .stories')).toEqual([]);
    await page.setViewportSize(PANEL);
    // The list: no bullets, no picture inside the headline text.
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('.stories > li')].filter((li) => getComputedStyle(li).display === 'list-item'),
      ),
    ).toHaveLength(0);
    expect(await page.locator('.stories .headline img, .stories .headline .thumb').count()).toBe(0);
    // A story with pictures, none of which can load.
    const { stories } = await extension.storage<{ stories: { id: string; image: string | null }[] }>('stories');
    const pictured = stories.find((story) => story.image)!;
    // Its pictures fail only when the test says so, after it has seen them in the story.
    let fail!: () => void;
    const failing = new Promise<void>((resolve) => (fail = resolve));
    await page.route('https://blogger.googleusercontent.com/**', async (route) => {
      await failing;
      await route.abort();
    });
    await page.goto(`chrome-extension://${extension.id}/sidepanel.html?item=${encodeURIComponent(pictured.id)}`, {
      waitUntil: 'domcontentloaded',
    });
    await page.locator('.story .body img').first().waitFor({ state: 'attached' });
    expect(await controlProblems(page, '.story-toolbar')).toEqual([]);
    // One icon set: every control of the toolbar the same height, each icon button the same width.
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.story-toolbar :is(button, a)')].map((control) => ({
        icon: !control.textContent?.trim(),
        width: Math.round(control.getBoundingClientRect().width),
        height: Math.round(control.getBoundingClientRect().height),
      })),
    );
    expect(new Set(boxes.map((box) => box.height)).size).toBe(1);
    expect(new Set(boxes.filter((box) => box.icon).map((box) => box.width)).size).toBe(1);
    // And in Chrome's narrowest side panel, where the byline and the way to the original stay whole.
    await page.setViewportSize({ width: 320, height: PANEL.height });
    expect(await controlProblems(page, '.story-toolbar')).toEqual([]);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('.story .byline > *, .story > .source')]
          .filter((part) => part.getBoundingClientRect().right > document.documentElement.clientWidth)
          .map((part) => part.textContent),
      ),
    ).toEqual([]);
    await page.setViewportSize(PANEL);
    // Listen's bar, with a recorder for the speech engine (no voices here): every control whole, at
    // 400 and 320 px, in this language.
    await page.evaluate(`(${installSpeechRecorder.toString()})([['Daniel', 'en-GB']])`);
    await page.keyboard.press('r');
    await page.locator('.listen-bar').waitFor();
    expect(await controlProblems(page, '.listen-bar')).toEqual([]);
    await page.setViewportSize({ width: 320, height: PANEL.height });
    expect(await controlProblems(page, '.listen-bar')).toEqual([]);
    await page.setViewportSize(PANEL);
    await page.keyboard.press('r');
    // Lazy pictures below the fold load too.
    await page.evaluate(() => document.querySelectorAll('img').forEach((image) => (image.loading = 'eager')));
    fail();
    await expect.poll(() => page.locator('.body img').count(), POLL).toBe(0);
    expect(await brokenPictures(page)).toBe(0);
    expect(await page.locator('.body').innerText()).toMatch(/\w{4,}/);
    await page.close();
  });

  it('side panel: on the longest story, the original is one click away at the top, no word split, type scales as a whole', async () => {
    const bodies = await extension.worker.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      return Object.entries(all)
        .filter(([key]) => key.startsWith('body:'))
        .map(([key, html]) => [key.slice('body:'.length), String(html).length] as const);
    });
    const [longest] = [...bodies].sort((a, b) => b[1] - a[1])[0]!;
    const page = await extension.context.newPage();
    await page.setViewportSize(PANEL);
    await page.goto(`chrome-extension://${extension.id}/sidepanel.html?item=${encodeURIComponent(longest)}`);
    await page.locator('.story .body').waitFor();
    const original = page.locator('.story-toolbar a[href^="https://www.smileband.co.uk/"]');
    const box = (await original.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PANEL.height);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(PANEL.height * 2);
    // Every word whole on its line, at 400 px and in Chrome's narrowest panel.
    expect(await splitWords(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: PANEL.height });
    expect(await splitWords(page)).toEqual([]);
    await page.setViewportSize(PANEL);
    const sizes = () =>
      page.evaluate(() => {
        const size = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
        const subheads = [...document.querySelectorAll('.body :is(h1, h2, h3, h4, h5, h6)')];
        return {
          headline: size('.story h1'),
          byline: size('.byline'),
          body: size('.body'),
          largestSubhead: Math.max(0, ...subheads.map((h) => parseFloat(getComputedStyle(h).fontSize))),
        };
      });
    const before = await sizes();
    // The longest post has subheads: above the body text, under the headline.
    expect(before.largestSubhead).toBeGreaterThan(before.body);
    expect(before.largestSubhead).toBeLessThan(before.headline);
    // Text settings: every control whole in the panel, at this width and in this language.
    await page.locator('.story-toolbar .i-text').click();
    await page.locator('.text-settings').waitFor();
    expect(await controlProblems(page, '.text-settings')).toEqual([]);
    await page.setViewportSize({ width: 320, height: PANEL.height });
    expect(await controlProblems(page, '.text-settings')).toEqual([]);
    await page.setViewportSize(PANEL);
    await page.locator('.text-settings button', { hasText: 'A+' }).click();
    // The size is a stored setting: the page follows storage, so it grows when the write comes back.
    await expect.poll(async () => (await sizes()).body, POLL).toBeGreaterThan(before.body);
    const after = await sizes();
    expect(after.body / before.body).toBeCloseTo(1.15, 2);
    expect(after.byline / before.byline).toBeCloseTo(1.15, 2);
    await page.close();
  });

  it('options: no wrapped or clipped control', async () => {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 720, height: 1000 });
    await page.goto(`chrome-extension://${extension.id}/options.html`);
    await page.locator('form').waitFor();
    expect(await controlProblems(page, 'form')).toEqual([]);
    await page.close();
  });
});

describe('a first run whose feed fails', () => {
  let server: FeedServer;
  let extension: LoadedExtension;

  beforeAll(async () => {
    server = await startFeedServer(inject('feedPort'), inject('feedPath'), (_request, send) =>
      send(500, 'down', { 'Content-Type': 'text/plain' }),
    );
    extension = await loadExtension(inject('chromiumPath'), inject('extensionPath'));
    await until(async () => (await extension.badge()).text === '!', 'the failed first poll');
  });
  afterAll(() => stopAll(extension, server));

  it.each([
    ['popup', 'popup.html', POPUP],
    ['side panel', 'sidepanel.html', PANEL],
  ])('%s: says once what failed, offers Retry, and keeps its size', async (_name, path, size) => {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: size.width, height: 900 });
    await page.goto(`chrome-extension://${extension.id}/${path}`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText(), POLL).toMatch(/answered 500/);
    expect(await page.getByText(/answered 500/).count()).toBe(1);
    expect(await alert.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    expect(await page.getByRole('status').innerText()).not.toMatch(/updated now/i);
    if (path === 'popup.html') {
      expect(await page.evaluate(() => document.body.getBoundingClientRect().height)).toBe(POPUP.height);
    }
    expect(await controlProblems(page, '.list-header, .state')).toEqual([]);
    await page.close();
  });
});
