import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  fixtureXml,
  serveBlog,
  serveFeed,
  startFeedServer,
  withTwoNewPosts,
  type FeedServer,
} from './support/feed-server';
import { feedEntries } from '../support/big-feed';
import { until } from './support/extension';
import { installSpeechRecorder } from '../support/speech-recorder';
import { findFirefox, launchFirefox, type FirefoxWithExtension } from './support/firefox';

const expected = JSON.parse(readFileSync(new URL('../fixtures/smileband-expected.json', import.meta.url), 'utf8')) as {
  entries: { id: string; headline: string; link: string; fixture: string }[];
};
const ADDON_ID = 'smileband-news@smileband-news.example';

describe('the Firefox build in Firefox', () => {
  let server: FeedServer;
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    server = await startFeedServer(inject('feedPort'), inject('feedPath'), serveFeed(fixtureXml('smileband-atom.xml')));
    firefox = await launchFirefox(findFirefox(), inject('firefoxExtensionPath'), ADDON_ID);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  async function storage(context: string): Promise<Record<string, unknown>> {
    return firefox.evaluate(context, `browser.storage.local.get(['stories', 'pollStatus'])`);
  }

  it('polls the feed on install, stores every story with its real headline and counts them on the badge', async () => {
    const page = await firefox.open('popup.html');
    await until(async () => ((await storage(page)).stories as unknown[] | undefined)?.length === 25, 'the first poll');
    expect(server.served[0]).toMatchObject({ path: inject('feedPath'), status: 200 });
    expect(server.served[0]!.headers['user-agent']).toMatch(/Firefox\//);
    const { stories, pollStatus } = (await storage(page)) as {
      stories: { headline: string }[];
      pollStatus: { error: unknown; lastSuccessAt: string | null };
    };
    expect(pollStatus.error).toBeNull();
    expect(pollStatus.lastSuccessAt).not.toBeNull();
    expect(stories.map((story) => story.headline)).toEqual(expected.entries.slice(0, 25).map((e) => e.headline));
    expect(await firefox.evaluate(page, 'browser.browserAction.getBadgeText({})')).toBe('25');
  });

  it('lists the headlines in the popup page', async () => {
    const page = await firefox.open('popup.html');
    await until(
      async () => (await firefox.evaluate<number>(page, `document.querySelectorAll('.stories li').length`)) === 25,
      'the popup list',
    );
    const headlines = await firefox.evaluate<string[]>(
      page,
      `[...document.querySelectorAll('.stories .headline')].map((el) => el.textContent)`,
    );
    expect(headlines).toEqual(expected.entries.slice(0, 25).map((e) => e.headline));
  });

  it('refreshes from the popup through the background (a conditional GET answered 304) and marks a story read', async () => {
    const page = await firefox.open('popup.html');
    await until(async () => firefox.evaluate<boolean>(page, `!!document.querySelector('.stories li')`), 'the list');
    const before = server.served.length;
    await firefox.evaluate(page, `document.querySelector('button.refresh').click()`);
    await until(
      async () =>
        /No new stories/.test(await firefox.evaluate<string>(page, `document.querySelector('.status').textContent`)),
      'the refresh outcome',
    );
    expect(server.served.slice(before)).toEqual([expect.objectContaining({ status: 304 })]);
    await firefox.evaluate(page, `document.querySelector('.stories li .toggle-read').click()`);
    await until(
      async () => (await firefox.evaluate(page, 'browser.browserAction.getBadgeText({})')) === '24',
      'the badge',
    );
  });

  it('notifies each new story, with options Firefox accepts (no buttons)', async () => {
    const page = await firefox.open('popup.html');
    await until(async () => firefox.evaluate<boolean>(page, `!!document.querySelector('.stories li')`), 'the list');
    // Headless Firefox closes system notifications at once (getAll() stays empty), so the test
    // records, in the background page, each notification the extension asks for and whether
    // Firefox accepted it.
    await firefox.evaluate(
      page,
      `browser.runtime.getBackgroundPage().then((bg) => {
        const notifications = bg.browser.notifications;
        const create = notifications.create.bind(notifications);
        bg.requested = [];
        notifications.create = (id, options) => {
          const entry = { id, options, accepted: null };
          bg.requested.push(entry);
          return create(id, options).then(
            (created) => ((entry.accepted = true), created),
            (error) => ((entry.accepted = String(error)), Promise.reject(error)),
          );
        };
        return true;
      })`,
    );
    server.respond(serveFeed(withTwoNewPosts(fixtureXml('smileband-atom.xml')), '"v2"'));
    await firefox.evaluate(page, `document.querySelector('button.refresh').click()`);
    type Requested = { id: string; options: Record<string, unknown>; accepted: true | string | null };
    const requested = () =>
      firefox.evaluate<Requested[]>(page, 'browser.runtime.getBackgroundPage().then((bg) => bg.requested)');
    await until(async () => (await requested()).filter((r) => r.accepted !== null).length === 2, 'two notifications');
    expect(await requested()).toEqual(
      ['2', '1'].map((n) => ({
        id: `story|tag:blogger.com,1999:blog-4412077813695013120.post-99${n}`,
        options: {
          type: 'basic',
          iconUrl: `${firefox.origin}/icon/128.png`,
          title: 'New on 222 News',
          message: n === '2' ? 'Second new story' : 'First new story',
          contextMessage: 'Sponsored by smileband',
        },
        accepted: true,
      })),
    );
    // 25, one marked read above, two new.
    expect(await firefox.evaluate(page, 'browser.browserAction.getBadgeText({})')).toBe('26');
  });

  it('shows a hostile story sanitized in the sidebar page, with its source link', async () => {
    const hostile = expected.entries.find((entry) => entry.fixture === 'hostile')!;
    const page = await firefox.open(`sidepanel.html?item=${encodeURIComponent(hostile.id)}`);
    await until(async () => firefox.evaluate<boolean>(page, `!!document.querySelector('.body')`), 'the story body');
    const view = await firefox.evaluate<{
      headline: string;
      dangerous: number;
      handlers: string[];
      source: string;
      readingList: boolean;
    }>(
      page,
      `({
        headline: document.querySelector('h1').textContent,
        dangerous: document.querySelectorAll('.body :is(script, iframe, object, embed, form, input, button, style, svg, math)').length,
        handlers: [...document.querySelectorAll('.body *')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => /^on|^style$/.test(n)),
        source: document.querySelector('a.source').href,
        readingList: !!document.querySelector('.reading-list'),
      })`,
    );
    // No Reading List in Firefox: nothing offers one.
    expect(view).toEqual({
      headline: hostile.headline,
      dangerous: 0,
      handlers: [],
      source: hostile.link,
      readingList: false,
    });
  });

  it('reads a story aloud in the sidebar page, a sentence per utterance, and sets it as Text settings say', async () => {
    const story = expected.entries[2]!;
    const page = await firefox.open(`sidepanel.html?item=${encodeURIComponent(story.id)}`);
    await until(async () => firefox.evaluate<boolean>(page, `!!document.querySelector('.body p')`), 'the story body');
    // The page's speech engine replaced by a recorder: this machine has no voices.
    await firefox.evaluate(page, `(${installSpeechRecorder.toString()})([['Daniel', 'en-GB']])`);
    await firefox.evaluate(page, `document.querySelector('.story-toolbar .i-listen').click()`);
    const spoken = () =>
      firefox.evaluate<string[]>(page, `globalThis.speechLog.calls.filter((call) => call.startsWith('speak: '))`);
    const marked = () =>
      firefox.evaluate<string[]>(
        page,
        `[...(CSS.highlights.get('listen-sentence') ?? [])].map((range) => range.toString())`,
      );
    await until(async () => (await spoken()).length === 1, 'the headline read');
    expect(await spoken()).toEqual([`speak: ${story.headline}`]);
    expect(await marked()).toEqual([story.headline]);
    await firefox.evaluate(page, `globalThis.speechLog.finish()`);
    const [, first] = await spoken();
    expect(first).toMatch(/^speak: Over 9,000 active satellites were in orbit by December 2025.*\.$/);
    expect(await marked()).toEqual([first!.slice('speak: '.length)]);
    await firefox.evaluate(page, `document.querySelector('.listen-bar .i-pause').click()`);
    await firefox.evaluate(page, `document.querySelector('.listen-bar .i-stop').click()`);
    expect(await firefox.evaluate<string[]>(page, `globalThis.speechLog.calls.slice(-2)`)).toEqual(['pause', 'cancel']);
    expect(await firefox.evaluate<boolean>(page, `!!document.querySelector('.listen-bar')`)).toBe(false);
    // Text settings: sans-serif and sepia, on the story at once and after the page opens again.
    await firefox.evaluate(page, `document.querySelector('.story-toolbar .i-text').click()`);
    await until(
      async () => firefox.evaluate<boolean>(page, `!!document.querySelector('.text-settings')`),
      'Text settings',
    );
    await firefox.evaluate(
      page,
      `['sans', 'sepia'].forEach((value) => document.querySelector('.text-settings input[value="' + value + '"]').click())`,
    );
    const look = `({ font: getComputedStyle(document.querySelector('.body')).fontFamily.split(',')[0], background: getComputedStyle(document.body).backgroundColor })`;
    const chosen = { font: 'system-ui', background: 'rgb(245, 236, 217)' };
    await until(
      async () => (await firefox.evaluate<{ background: string }>(page, look)).background === chosen.background,
      'sepia',
    );
    expect(await firefox.evaluate(page, look)).toEqual(chosen);
    const again = await firefox.open(`sidepanel.html?item=${encodeURIComponent(story.id)}`);
    await until(async () => firefox.evaluate<boolean>(again, `!!document.querySelector('.body p')`), 'the story again');
    expect(await firefox.evaluate(again, look)).toEqual(chosen);
    await firefox.evaluate(again, `browser.storage.local.remove('readingStyle')`);
  });

  it('runs as a Firefox add-on: sidebar, gecko settings and only the permissions it uses', async () => {
    const page = await firefox.open('options.html');
    const manifest = await firefox.evaluate<Record<string, unknown>>(page, 'browser.runtime.getManifest()');
    // Firefox reports pages as full addresses; none gets Firefox's browser-style sheet over ours.
    const sidebar = manifest.sidebar_action as { default_panel: string; browser_style: boolean };
    expect(sidebar.default_panel).toMatch(/\/sidepanel\.html$/);
    expect(sidebar.browser_style).toBe(false);
    expect(manifest.browser_action).toMatchObject({ browser_style: false });
    expect(manifest.options_ui).toMatchObject({ browser_style: false });
    expect(manifest.browser_specific_settings).toMatchObject({
      gecko: { id: ADDON_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    });
    expect(await firefox.evaluate(page, 'browser.permissions.getAll()')).toEqual({
      origins: ['http://127.0.0.1/*'],
      permissions: ['alarms', 'storage', 'notifications', 'contextMenus'],
      data_collection: [],
    });
    // The sidebar's own shortcut, which Firefox handles itself.
    expect(manifest.commands).toMatchObject({ _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+S' } } });
    // The options page reads the same store and shows the feed as healthy.
    await until(
      async () => /Updated|Aktualisiert/.test(await firefox.evaluate<string>(page, 'document.body.innerText')),
      'the options status line',
    );
  });

  it('pages the blog’s archive with Older stories, stored read', async () => {
    server.respond(serveBlog(feedEntries(160)));
    const page = await firefox.open('sidepanel.html');
    await until(
      async () => firefox.evaluate<boolean>(page, `!!document.querySelector('.older-stories button')`),
      'Older stories',
    );
    const before = ((await storage(page)).stories as unknown[]).length;
    await firefox.evaluate(page, `document.querySelector('.older-stories button').click()`);
    await until(
      async () =>
        /^100 older stories added/.test(
          await firefox.evaluate<string>(page, `document.querySelector('.older-note')?.textContent ?? ''`),
        ),
      'the archive page',
    );
    const { stories } = (await storage(page)) as { stories: { read: boolean; archived?: true }[] };
    expect(stories).toHaveLength(before + 100);
    expect(stories.filter((story) => story.archived)).toHaveLength(100);
    expect(stories.filter((story) => story.archived).every((story) => story.read)).toBe(true);
    expect(server.served.at(-1)!.search).toBe(`?orderby=published&start-index=${before + 1}&max-results=100`);
  });

  it('shares what was read through Firefox’s storage.sync (the add-on id the manifest carries)', async () => {
    const page = await firefox.open('popup.html');
    // A story was marked read above; its mark is in storage.sync within a couple of seconds.
    await until(
      async () =>
        typeof (await firefox.evaluate<Record<string, unknown>>(page, 'browser.storage.sync.get(null)')).rs0 ===
        'string',
      'the shared marks',
    );
    const shared = await firefox.evaluate<Record<string, string>>(page, 'browser.storage.sync.get(null)');
    expect(shared.rs).toBe('1');
    expect(shared.rs0).toMatch(/^1\|/);
  });
});
