// Firefox for Android, as near as a desktop Firefox comes: a phone's user agent and touch screen
// (preferences), a 360 × 640 viewport, and the APIs Android lacks taken out of `browser` in the page.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtureXml, serveFeed, startFeedServer, type FeedServer } from './support/feed-server';
import { until } from './support/extension';
import { findFirefox, launchFirefox, type FirefoxWithExtension } from './support/firefox';

const ADDON_ID = 'smileband-news@smileband-news.example';
const ANDROID = {
  'general.useragent.override': 'Mozilla/5.0 (Android 14; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0',
  // A touch screen and nothing that hovers: 1 is "coarse".
  'ui.primaryPointerCapabilities': 1,
  'ui.allPointerCapabilities': 1,
};
// What Firefox for Android has no part of (the sidebar, shortcuts, the toolbar menu).
const WITHOUT_ANDROID_APIS = `(() => {
  for (const name of ['sidebarAction', 'commands', 'menus', 'contextMenus']) {
    try { delete browser[name]; } catch {}
    if (browser[name]) Object.defineProperty(browser, name, { value: undefined, configurable: true });
  }
})()`;

describe('the Firefox build on a phone (Firefox for Android)', () => {
  let server: FeedServer;
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    server = await startFeedServer(inject('feedPort'), inject('feedPath'), serveFeed(fixtureXml('smileband-atom.xml')));
    firefox = await launchFirefox(findFirefox(), inject('firefoxExtensionPath'), ADDON_ID, ANDROID);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('is listed for Android, from the same version as on the desktop', () => {
    const manifest = JSON.parse(readFileSync(resolve(inject('firefoxExtensionPath'), 'manifest.json'), 'utf8')) as {
      browser_specific_settings: {
        gecko: { strict_min_version: string };
        gecko_android?: { strict_min_version: string };
      };
    };
    expect(manifest.browser_specific_settings.gecko_android).toEqual({
      strict_min_version: manifest.browser_specific_settings.gecko.strict_min_version,
    });
  });

  it('fills a 360 × 640 screen with the popup: no sideways scrolling, five whole stories and more', async () => {
    const page = await firefox.open('popup.html');
    await firefox.setViewport(page, 360, 640);
    await until(
      async () => (await firefox.evaluate<number>(page, `document.querySelectorAll('.stories li').length`)) > 5,
      'the popup list',
    );
    const look = await firefox.evaluate<{ touch: boolean; width: number; past: string[]; whole: number }>(
      page,
      `({
        touch: matchMedia('(pointer: coarse)').matches,
        width: innerWidth,
        // Every box within the screen's width, but the labels' chips, which scroll sideways in their bar.
        past: [...document.querySelectorAll('body *')]
          .filter((el) => !el.closest('.label-bar') && el.getBoundingClientRect().right > innerWidth + 0.5)
          .map((el) => el.tagName + '.' + el.className),
        whole: [...document.querySelectorAll('.stories li')].filter((row) => {
          const box = row.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
        }).length,
      })`,
    );
    // For the README, with the other pictures (npm run screenshots).
    if (process.env.SCREENSHOT_DIR)
      writeFileSync(resolve(process.env.SCREENSHOT_DIR, 'popup-android-360.png'), await firefox.screenshot(page));
    expect(look.touch).toBe(true);
    expect(look.width).toBe(360);
    expect(look.past).toEqual([]);
    expect(look.whole).toBeGreaterThanOrEqual(5);
  });

  it('opens a story in a tab of its own where there is no sidebar', async () => {
    const page = await firefox.open('popup.html');
    await until(
      async () => firefox.evaluate<boolean>(page, `!!document.querySelector('.stories .headline')`),
      'the list',
    );
    await firefox.evaluate(page, `(${WITHOUT_ANDROID_APIS}, browser.sidebarAction === undefined)`);
    const id = await firefox.evaluate<string>(page, `document.querySelector('.stories li').dataset.id`);
    await firefox.evaluate(page, `document.querySelector('.stories .headline').click()`);
    const story = `sidepanel.html?item=${encodeURIComponent(id)}`;
    await until(async () => (await firefox.tabUrls()).some((url) => url.endsWith(story)), 'a tab with the story');
  });

  it('says on the options page what this browser cannot do: share with other devices, a side panel', async () => {
    const page = await firefox.open('options.html');
    await until(async () => firefox.evaluate<boolean>(page, `!!document.querySelector('form.settings')`), 'the form');
    const text = await firefox.evaluate<{ sync: string; disabled: boolean[]; openIn: string[] }>(
      page,
      `(() => {
        const sets = [...document.querySelectorAll('fieldset')];
        const sync = sets.find((set) => set.querySelector('legend')?.textContent === 'Your other browsers');
        return {
          sync: sync.querySelector('.hint').textContent,
          disabled: [...sync.querySelectorAll('input[type=checkbox]')].map((box) => box.disabled),
          openIn: [...document.querySelectorAll('input[name=openIn]')].map((radio) => radio.parentElement.textContent),
        };
      })()`,
    );
    expect(text.sync).toMatch(/does not share add-on data between devices/);
    expect(text.disabled).toEqual([true, true]);
    expect(text.openIn).toContain('the story in a new tab');
  });
});
