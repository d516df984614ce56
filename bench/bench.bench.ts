// npm run bench: measures the budgets of issue "Performance" and writes bench/results.json.
// Every time is a median of several runs; every ratio compares two things run alternately in the
// same process. With BENCH_CHECK=1 (npm run bench:check) a missed budget fails the run.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import '../tests/support/i18n';
import { pollFeed } from '@/entrypoints/background/poll';
import { updateBadge } from '@/entrypoints/background/badge';
import type { StoryMeta } from '@/utils/feed/types';
import type { Settings } from '@/utils/settings/settings-defaults';
import { unreadShown } from '@/utils/stories/story-rules';
import type * as ParseModule from '@/utils/feed/parse-feed';
import { settingsItem, storiesItem } from '@/utils/storage';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { loadExtension, type LoadedExtension } from '../tests/e2e/support/extension';
import { htmlTokens } from '@/utils/feed/html-text';
import { BUNDLE_BUDGETS_KB, gzipKB, pageScripts, pageStylesheetLinks } from '../tests/support/bundles';
import { heapAfterGc, serviceWorkerTarget } from './devtools';
import { bigFeed } from '../tests/support/big-feed';
import { adversarialFeed, hundredRules, oneHostileBody, ordinaryFeedOfSize, storedStories } from './feeds';
import { paired, pairedMany, pairedRatio, summarize, timed, timedSync, type Sample } from './stats';

// Counts parses during the idle-poll measurement; the parse benchmark uses the real function.
const parseCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/utils/feed/parse-feed', async (original) => {
  const actual = await original<typeof ParseModule>();
  return {
    ...actual,
    parseFeed: (...args: Parameters<typeof actual.parseFeed>) => {
      parseCalls.count++;
      return actual.parseFeed(...args);
    },
  };
});
const { parseFeed } = await vi.importActual<typeof ParseModule>('@/utils/feed/parse-feed');

interface Row {
  name: string;
  unit: string;
  sample: Sample | null;
  value: number;
  budget: string;
  pass: boolean;
}
const rows: Row[] = [];
const check = process.env.BENCH_CHECK === '1';
const RUNS = Number(process.env.BENCH_RUNS) || 7;
const DEVTOOLS_PORT = 9333;
/** What the measured pages print on the console at their first paint, before its time. */
const FIRST_PAINT = 'smileband-bench-first-paint ';
/** 1.25 × the worker heap measured when this row was added (1.27 MB, 2026-11-30), so it cannot creep. */
const WORKER_HEAP_BUDGET_MB = 1.59;

/** `limit` null: measured and reported, not budgeted. */
function record(name: string, unit: string, value: number, limit: number | null, sample: Sample | null = null): void {
  rows.push({
    name,
    unit,
    sample,
    value,
    budget: limit === null ? '—' : `≤ ${limit}`,
    pass: limit === null || value <= limit,
  });
  if (check && limit !== null) expect.soft(value, `${name} (budget ≤ ${limit})`).toBeLessThanOrEqual(limit);
}

/**
 * How much faster our time grows than a baseline's over the same inputs (large vs small): our ratio
 * to the baseline at the large size over that ratio at the small one, each the median of pairs run
 * side by side, so a machine that slows both alike moves neither. Budget 1.1.
 */
function recordGrowth(
  name: string,
  [large, small]: number[][],
  [baseLarge, baseSmall]: number[][],
  base: string,
): void {
  const ours = pairedRatio(large!, small!);
  const baseline = pairedRatio(baseLarge!, baseSmall!);
  const growth = pairedRatio(large!, baseLarge!) / pairedRatio(small!, baseSmall!);
  record(`${name} (${ours.toFixed(2)}× vs ${base} ${baseline.toFixed(2)}×)`, '×', growth, 1.1);
}

describe('benchmark', () => {
  afterAll(() => {
    const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
    const lines = rows.map((r) =>
      [
        r.name.padEnd(44),
        (r.sample ? `${fmt(r.sample.median)} ${r.unit}` : `${fmt(r.value)} ${r.unit}`).padStart(14),
        (r.sample ? `${fmt(r.sample.min)}–${fmt(r.sample.max)}` : '').padStart(16),
        (r.sample && r.name.includes('(vs') ? `ratio ${fmt(r.value)}` : '').padStart(12),
        r.budget.padStart(10),
        r.pass ? 'pass' : 'FAIL',
      ].join('  '),
    );
    console.log(
      ['', 'measure'.padEnd(44) + '  median / value      min–max         ratio      budget  ok', ...lines].join('\n'),
    );
    writeFileSync(
      resolve(import.meta.dirname, 'results.json'),
      `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, node: process.version, rows }, null, 2)}\n`,
    );
  });

  it('parse pipeline vs bare rss-parser, 25 / 500 / 2000 entries', async () => {
    const samples = new Map<number, [number[], number[]]>();
    for (const size of [25, 500, 2000]) {
      const xml = bigFeed(size);
      // Short runs and GC pauses make single timings noisy: more runs, the smaller the feed, and a
      // 25-entry parse (3 ms, where one stray collection moved the ratio by a third) timed twenty at a
      // time, 56 samples, on both sides (ten at a time read 1.12-1.26); the times shown are per parse.
      const runs = size === 25 ? RUNS * 8 : RUNS * 3;
      const batch = size === 25 ? 20 : 1;
      const perParse = async (parse: () => Promise<unknown>) =>
        (await timed(async () => {
          for (let i = 0; i < batch; i++) await parse();
        })) / batch;
      await parseFeed(xml); // warm up both
      await new Parser().parseString(xml);
      const [ours, bare] = await paired(
        runs,
        () => perParse(() => parseFeed(xml)),
        () => perParse(() => new Parser().parseString(xml)),
      );
      samples.set(size, [ours, bare]);
      const sample = summarize(ours);
      record(`parseFeed, ${size} entries (vs rss-parser)`, 'ms', pairedRatio(ours, bare), 1.25, sample);
    }
    // Growth, 2000 vs 500 entries, judged against rss-parser's own growth over the same feeds (4.0-4.5
    // here, with the machine): the pairs above, ours beside the library's at each size.
    const [ours2000, bare2000] = samples.get(2000)!;
    const [ours500, bare500] = samples.get(500)!;
    recordGrowth('parseFeed growth, 2000 vs 500 entries', [ours2000, ours500], [bare2000, bare500], 'rss-parser');
  });

  it('untrusted feeds: hostile markup costs no more than ordinary markup, and grows linearly', async () => {
    const FIVE_MB = 5 * 1024 * 1024;
    const [hostile, ordinary] = [adversarialFeed(FIVE_MB), ordinaryFeedOfSize(FIVE_MB)];
    await parseFeed(hostile); // warm up both
    await parseFeed(ordinary);
    const [hostileTimes, ordinaryTimes] = await paired(
      RUNS,
      () => timed(() => parseFeed(hostile)),
      () => timed(() => parseFeed(ordinary)),
    );
    record(
      '5 MB hostile feed (vs 5 MB ordinary feed)',
      'ms',
      pairedRatio(hostileTimes, ordinaryTimes),
      2,
      summarize(hostileTimes),
    );
    // The worst body for a scan, at 1 and 4 MB. The XML parse itself (sax, inside rss-parser) grows
    // faster than linearly on entity-heavy text; our share must not add to that. The reference is
    // rss-parser without its item builders: its contentSnippet is quadratic on this very body.
    const [large, small] = [oneHostileBody(4 * 1024 * 1024), oneHostileBody(1024 * 1024)];
    const bare = (xml: string) => {
      const parser = new Parser() as Parser & { parseItemAtom: (node: unknown) => unknown };
      parser.parseItemAtom = (node) => node;
      return parser.parseString(xml);
    };
    const [ours4, bare4, ours1, bare1] = (await pairedMany(RUNS * 2, [
      () => timed(() => parseFeed(large)),
      () => timed(() => bare(large)),
      () => timed(() => parseFeed(small)),
      () => timed(() => bare(small)),
    ])) as [number[], number[], number[], number[]];
    recordGrowth('hostile body growth, 4 vs 1 MB', [ours4, ours1], [bare4, bare1], 'XML parse');
    // Our own scans alone, on markup that keeps them busy to the end: linear.
    const scanBody = (size: number) => '<p>Head</p>' + '<a "b">< x &amp; <!-- c -->'.repeat(size / 26);
    const [scan4, scan1] = [scanBody(4 * 1024 * 1024), scanBody(1024 * 1024)];
    const scan = (html: string) => {
      let tokens = 0;
      for (const token of htmlTokens(html)) if (token) tokens++;
      return tokens;
    };
    // The reference: one pass over the same text that does nothing but look at each "<" (linear).
    const look = (html: string) => {
      let tags = 0;
      for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) tags++;
      return tags;
    };
    const [scanTimes4, lookTimes4, scanTimes1, lookTimes1] = (await pairedMany(RUNS * 2, [
      () => timed(() => scan(scan4)),
      () => timed(() => look(scan4)),
      () => timed(() => scan(scan1)),
      () => timed(() => look(scan1)),
    ])) as [number[], number[], number[], number[]];
    recordGrowth(
      'HTML scan growth, 4 vs 1 MB of tags',
      [scanTimes4, scanTimes1],
      [lookTimes4, lookTimes1],
      'a bare pass',
    );
  });

  it('idle poll: an unchanged feed costs no body, no write, no parse', async () => {
    fakeBrowser.reset();
    const atom = bigFeed(25);
    let bodyBytes = 0;
    const fetch = (_url: unknown, init?: RequestInit) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      if (headers['If-None-Match'] === '"v1"') return Promise.resolve(new Response(null, { status: 304 }));
      bodyBytes += atom.length;
      return Promise.resolve(new Response(atom, { headers: { ETag: '"v1"' } }));
    };
    const deps = { fetch, now: () => Date.now(), online: () => true, random: Math.random, announce: async () => {} };
    await pollFeed(deps);
    bodyBytes = 0;
    parseCalls.count = 0;
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const removes = vi.spyOn(fakeBrowser.storage.local, 'remove');
    for (let i = 0; i < 5; i++) await pollFeed(deps);
    record('idle poll ×5: response body bytes', 'B', bodyBytes, 0);
    record('idle poll ×5: storage.local writes', '', writes.mock.calls.length + removes.mock.calls.length, 0);
    record('idle poll ×5: parses', '', parseCalls.count, 0);
  });

  it('storage footprint at 200 / 500 / 1000 stories', async () => {
    for (const retention of [200, 500, 1000]) {
      fakeBrowser.reset();
      await settingsItem.setValue({ ...DEFAULT_SETTINGS, retention });
      // One poll handles 500 items at most: older pages arrive in later polls.
      for (let offset = 0; offset < retention; offset += 500) {
        const xml = bigFeed(Math.min(500, retention - offset), offset);
        const fetch = () => Promise.resolve(new Response(xml));
        const deps = {
          fetch,
          now: () => Date.now(),
          online: () => true,
          random: Math.random,
          announce: async () => {},
        };
        await pollFeed(deps);
      }
      const stored = (await storiesItem.getValue()).length;
      expect(stored).toBe(retention);
      const all = await fakeBrowser.storage.local.get(null);
      const bytes = Object.entries(all).reduce(
        (sum, [key, value]) => sum + key.length + JSON.stringify(value).length,
        0,
      );
      record(`storage.local with ${retention} stories`, 'KB', bytes / 1024, 10 * 1024);
    }
  });

  it('badge update after a mark read at 1000 stories, with 100 rules vs with none', async () => {
    fakeBrowser.reset();
    const stories = storedStories(1000);
    const { keywordRules, labelRules } = hundredRules();
    const withRules = { ...DEFAULT_SETTINGS, keywordRules, labelRules };
    // The worker's storage watch hands the badge the list as the storage's serialized value decoded
    // (fresh objects, each time), after one more story was marked read.
    let marked = 0;
    const markOneRead = (settings: Settings) => async () => {
      await settingsItem.setValue(settings);
      const upTo = marked++;
      const stored = JSON.stringify(stories.map((story, i) => ({ ...story, read: story.read || i <= upTo })));
      return timed(() => updateBadge(JSON.parse(stored) as StoryMeta[]));
    };
    await markOneRead(withRules)(); // warm up both
    await markOneRead(DEFAULT_SETTINGS)();
    const [ours, bare] = await paired(RUNS * 4, markOneRead(withRules), markOneRead(DEFAULT_SETTINGS));
    record(
      'badge update after a mark read, 1000 stories, 100 rules (vs none)',
      'ms',
      pairedRatio(ours, bare),
      1.2,
      summarize(ours),
    );
    // The first update after the rules change judges every story: each time a rule set never seen.
    const list = JSON.parse(JSON.stringify(stories)) as StoryMeta[];
    const times = Array.from({ length: RUNS * 2 }, (_, i) => {
      const rules = { keywordRules: [...keywordRules, { words: `never ${i}`, action: 'hide' as const }], labelRules };
      return timedSync(() => unreadShown(list, rules));
    });
    record('judging 1000 stories against 100 new rules', 'ms', summarize(times).median, null, summarize(times));
  });

  it('bundle sizes, gzip', () => {
    const dir = inject('benchExtension');
    // Everything a page loads: its script and the chunks it preloads.
    record('popup JS (gzip)', 'KB', gzipKB(dir, pageScripts(dir, 'popup.html')), BUNDLE_BUDGETS_KB.popup);
    record('side panel JS (gzip)', 'KB', gzipKB(dir, pageScripts(dir, 'sidepanel.html')), BUNDLE_BUDGETS_KB.sidepanel);
    record('background JS (gzip)', 'KB', gzipKB(dir, ['background.js']), BUNDLE_BUDGETS_KB.background);
  });

  describe('in Chromium', () => {
    let extension: LoadedExtension;
    let context: BrowserContext;
    let id: string;
    beforeAll(launch);
    afterAll(async () => extension?.close());

    async function launch(): Promise<void> {
      extension = await loadExtension(inject('benchChromium'), inject('benchExtension'), {
        args: [`--remote-debugging-port=${DEVTOOLS_PORT}`],
      });
      ({ context, id } = extension);
      // The first headline (popup) or story body (side panel) on screen: the next frame after it is
      // in the DOM. Told on the console, which Playwright reads without running anything in the
      // page: waiting with page.waitForFunction compiled Playwright's injected script (~12 ms on
      // the page's main thread) in the middle of the load it was timing.
      // Only on the extension's pages, which are the ones timed by their first paint: on the render
      // row's blank page it never matched and stayed on, so every story put into that page also
      // queued a mutation record for it (~0.08 of that row's ratio; the side panel has no observer).
      await context.addInitScript((prefix) => {
        if (location.protocol !== 'chrome-extension:') return;
        const observer = new MutationObserver(() => {
          if (!document.querySelector('.headline, .story .body > *')) return;
          observer.disconnect();
          requestAnimationFrame(() => console.debug(prefix + performance.now()));
        });
        observer.observe(document, { childList: true, subtree: true });
      }, FIRST_PAINT);
    }

    async function firstPaint(page: Page, url: string): Promise<number> {
      const painted = page.waitForEvent('console', (message) => message.text().startsWith(FIRST_PAINT));
      // Not "load": that waits for thumbnails, which cannot load here (no network).
      await page.goto(url, { waitUntil: 'commit' });
      return Number((await painted).text().slice(FIRST_PAINT.length));
    }

    // First in the browser: later rows store a hundred rules, which the worker would then judge by.
    it('worker heap after a 500-entry poll', async () => {
      const xml = bigFeed(500);
      // The worker's fetch answers with the feed (the bench build polls the real site, out of reach here).
      await extension.worker.evaluate((feed) => {
        globalThis.fetch = () => Promise.resolve(new Response(feed, { headers: { ETag: '"bench"' } }));
      }, xml);
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/popup.html`);
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }));
      // All 500 parsed and merged; the default retention keeps the newest 200.
      const stored = await extension.storage<{ stories: unknown[] }>('stories');
      expect(stored.stories).toHaveLength(200);
      await page.close();
      const target = await serviceWorkerTarget(DEVTOOLS_PORT, id);
      const heaps: number[] = [];
      for (let i = 0; i < RUNS; i++) heaps.push(await heapAfterGc(target));
      const heap = summarize(heaps);
      record('worker heap after a 500-entry poll', 'MB', heap.median, WORKER_HEAP_BUDGET_MB, heap);
    });

    /** Each keystroke of a search typed three times over, until the next frame is painted. */
    function typeSearch(page: Page): Promise<number[]> {
      return page.evaluate(async () => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
        // A task after the event: Preact has rendered; reading layout makes the browser lay it out.
        const task = () =>
          new Promise<void>((done) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done();
            channel.port2.postMessage(null);
          });
        const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const type = (value: string) => {
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        };
        const times: number[] = [];
        for (let round = 0; round < 3; round++) {
          type('');
          await task();
          for (const char of 'bank of england') {
            await frame();
            const start = performance.now();
            type(input.value + char);
            await task();
            document.body.getBoundingClientRect();
            times.push(performance.now() - start);
          }
        }
        return times;
      });
    }

    it('popup first paint vs a static page of the same headlines; typing in search', async () => {
      const dir = inject('benchExtension');
      // The popup's own stylesheets, so both pages style the same rows.
      const links = pageStylesheetLinks(dir, 'popup.html');
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      const popup = `chrome-extension://${id}/popup.html`;
      const withRules = { ...DEFAULT_SETTINGS, ...hundredRules() };
      // As the worker writes them: the index and its head; and the reader's settings.
      const store = async (stories: StoryMeta[], settings: Settings) => {
        await page.goto(popup);
        await page.evaluate(
          ({ stories, settings }) => chrome.storage.local.set({ stories, storiesHead: stories.slice(0, 30), settings }),
          { stories, settings },
        );
      };
      for (const [count, settings] of [
        [500, DEFAULT_SETTINGS],
        [2000, DEFAULT_SETTINGS],
        [1000, withRules],
      ] as const) {
        const stories = storedStories(count);
        // The same rows, as plain HTML with the popup's own stylesheet.
        const rowsHtml = stories
          .map(
            (s) =>
              `<li class="row"><a class="row-main" href="${s.link}"><span class="thumb"></span><span class="headline">${s.headline}</span><span class="meta">1 hour ago · ${s.labels.join(', ')}</span></a></li>`,
          )
          .join('');
        writeFileSync(
          resolve(dir, `bench-static-${count}.html`),
          `<!doctype html><html><head><meta charset="utf-8">${links}</head><body><main class="popup"><ul class="stories">${rowsHtml}</ul></main></body></html>`,
        );
        await store(stories, settings);
        await firstPaint(page, popup); // warm up
        // Page loads vary most: three times the runs here.
        const [ours, baseline] = await paired(
          RUNS * 3,
          () => firstPaint(page, popup),
          () => firstPaint(page, `chrome-extension://${id}/bench-static-${count}.html`),
        );
        const sample = summarize(ours);
        const rules = settings === withRules ? ', 100 rules' : '';
        record(
          `popup first paint, ${count} stories${rules} (vs static)`,
          'ms',
          pairedRatio(ours, baseline),
          1.5,
          sample,
        );
      }
      // Typing at 2000 stories, without rules and with a hundred.
      for (const settings of [DEFAULT_SETTINGS, withRules]) {
        await store(storedStories(2000), settings);
        await firstPaint(page, popup);
        const typing = summarize(await typeSearch(page));
        const rules = settings === withRules ? ', 100 rules' : '';
        // Filtering, rendering and layout of one keystroke must fit in one 60 Hz frame.
        record(`search keystroke at 2000 stories${rules} (work + layout)`, 'ms', typing.median, 16.7, typing);
      }
      await page.close();
    });

    it('side panel first paint of the largest story vs a static page of the same story', async () => {
      const dir = inject('benchExtension');
      const fixture = readFileSync(resolve(import.meta.dirname, '../tests/fixtures/smileband-atom.xml'), 'utf8');
      const items = (await parseFeed(fixture)).items;
      const largest = items.reduce((a, b) => (b.contentHtml.length > a.contentHtml.length ? b : a));
      const stories = items.map((item) => ({
        ...withoutBody(item),
        read: true,
        firstSeen: item.published,
        truncated: false,
        contentHash: '0',
      }));
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 900 });
      const url = `chrome-extension://${id}/sidepanel.html?item=${encodeURIComponent(largest.id)}`;
      await page.goto(`chrome-extension://${id}/sidepanel.html`);
      await page.evaluate(
        ({ stories, key, body }) =>
          chrome.storage.local.set({ stories, storiesHead: stories.slice(0, 30), [key]: body }),
        { stories, key: `body:${largest.id}`, body: largest.contentHtml },
      );
      await firstPaint(page, url);
      // The same story as the panel renders it, as static HTML with the panel's stylesheets.
      const story = await page.locator('.story').evaluate((node) => node.outerHTML);
      const links = pageStylesheetLinks(dir, 'sidepanel.html');
      writeFileSync(
        resolve(dir, 'bench-static-story.html'),
        `<!doctype html><html><head><meta charset="utf-8">${links}</head><body><main class="panel">${story}</main></body></html>`,
      );
      const [ours, baseline] = await paired(
        RUNS * 3,
        () => firstPaint(page, url),
        () => firstPaint(page, `chrome-extension://${id}/bench-static-story.html`),
      );
      record(
        'side panel first paint, largest story (vs static)',
        'ms',
        pairedRatio(ours, baseline),
        1.5,
        summarize(ours),
      );
      await page.close();
    });

    it('side panel list at 1000 stories with 100 rules: first paint and heap vs static pages', async () => {
      const dir = inject('benchExtension');
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 900 });
      const panel = `chrome-extension://${id}/sidepanel.html`;
      const stories = storedStories(1000);
      await page.goto(panel);
      await page.evaluate(
        ({ stories, settings }) => chrome.storage.local.set({ stories, storiesHead: stories.slice(0, 30), settings }),
        { stories, settings: { ...DEFAULT_SETTINGS, ...hundredRules() } },
      );
      await firstPaint(page, panel);
      await page.waitForTimeout(500);
      // What the panel drew, as static HTML with the panel's stylesheets.
      const drawn = await page.locator('main').evaluate((node) => node.outerHTML);
      const links = pageStylesheetLinks(dir, 'sidepanel.html');
      writeFileSync(
        resolve(dir, 'bench-static-panel-list.html'),
        `<!doctype html><html><head><meta charset="utf-8">${links}</head><body>${drawn}</body></html>`,
      );
      const [ours, baseline] = await paired(
        RUNS * 3,
        () => firstPaint(page, panel),
        () => firstPaint(page, `chrome-extension://${id}/bench-static-panel-list.html`),
      );
      record(
        'side panel list first paint, 1000 stories, 100 rules (vs static)',
        'ms',
        pairedRatio(ours, baseline),
        1.5,
        summarize(ours),
      );
      // Heap as for the popup: against a page holding the same 1000 headlines.
      writeFileSync(resolve(dir, 'bench-static-heap.html'), staticHeadlines(stories));
      const cdp = await context.newCDPSession(page);
      const heapOf = async (url: string) => {
        await firstPaint(page, url);
        await page.waitForTimeout(500);
        await cdp.send('HeapProfiler.collectGarbage');
        const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize: number };
        return (usage.usedSize + usage.embedderHeapUsedSize) / 1024 / 1024;
      };
      const [heap, heapBaseline] = await paired(
        RUNS,
        () => heapOf(panel),
        () => heapOf(`chrome-extension://${id}/bench-static-heap.html`),
      );
      record(
        'side panel list heap, 1000 stories (vs static)',
        'MB',
        pairedRatio(heap, heapBaseline),
        2,
        summarize(heap),
      );
      await cdp.detach();
      await page.close();
    });

    it('popup heap (JS and DOM) at 1000 stories vs a static page of the same headlines', async () => {
      const dir = inject('benchExtension');
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      const stories = storedStories(1000);
      writeFileSync(resolve(dir, 'bench-static-heap.html'), staticHeadlines(stories));
      await page.goto(`chrome-extension://${id}/popup.html`);
      await page.evaluate(
        (value) => chrome.storage.local.set({ stories: value, storiesHead: value.slice(0, 30) }),
        stories,
      );
      const cdp = await context.newCDPSession(page);
      // Chromium keeps DOM nodes in the embedder's heap beside V8's: a static page's headlines
      // live there, so both count, for both pages.
      const heapOf = async (url: string, scrollThrough = false) => {
        await firstPaint(page, url);
        // The popup reads the full list after its first frame: let it settle.
        await page.waitForTimeout(500);
        // A reader who scrolls to the very end has every row drawn.
        for (let more = scrollThrough; more;) {
          more = await page.evaluate(() => {
            const list = document.querySelector('.list-scroll')!;
            list.scrollTop = list.scrollHeight;
            return document.querySelector('.more-rows') !== null;
          });
          await page.waitForTimeout(30);
        }
        await cdp.send('HeapProfiler.collectGarbage');
        const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize: number };
        return (usage.usedSize + usage.embedderHeapUsedSize) / 1024 / 1024;
      };
      const popup = `chrome-extension://${id}/popup.html`;
      const staticPage = `chrome-extension://${id}/bench-static-heap.html`;
      const [opened, baseline] = await paired(
        RUNS,
        () => heapOf(popup),
        () => heapOf(staticPage),
      );
      record(
        'popup heap, 1000 stories as opened (vs static)',
        'MB',
        pairedRatio(opened, baseline),
        2,
        summarize(opened),
      );
      const [scrolled, baseline2] = await paired(
        3,
        () => heapOf(popup, true),
        () => heapOf(staticPage),
      );
      record(
        'popup heap, 1000 stories scrolled through (vs static)',
        'MB',
        pairedRatio(scrolled, baseline2),
        null,
        summarize(scrolled),
      );
      await cdp.detach();
      await page.close();
    });

    it('side panel render of the largest story vs bare DOMPurify.sanitize', async () => {
      const root = resolve(import.meta.dirname, '..');
      const bundle = await build({
        entryPoints: [resolve(import.meta.dirname, 'render-entry.ts')],
        bundle: true,
        format: 'iife',
        write: false,
        tsconfig: resolve(root, 'tsconfig.json'),
        define: { 'import.meta.env.WXT_FEED_URL': '""' },
      });
      const fixture = readFileSync(resolve(root, 'tests/fixtures/smileband-atom.xml'), 'utf8');
      const items = (await parseFeed(fixture)).items;
      const largest = items.reduce((a, b) => (b.contentHtml.length > a.contentHtml.length ? b : a));
      // Pooled over three fresh pages: one page's JIT settles a few hundredths above or below the
      // next (1.26-1.34 over the same code), more than its own samples vary.
      const ours: number[] = [];
      const bare: number[] = [];
      for (let round = 0; round < 3; round++) {
        const page = await context.newPage();
        await page.setContent('<main class="body"></main>');
        await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
        const [a, b] = await page.evaluate(
          ({ html, link, headline, runs }) => {
            type Bench = {
              renderStory: (target: Element, html: string, o: { baseUrl: string; headline: string }) => void;
              DOMPurify: { sanitize: (html: string) => string };
            };
            const { renderStory, DOMPurify } = (globalThis as unknown as { bench: Bench }).bench;
            const target = document.querySelector('main')!;
            const time = (run: () => void) => {
              const start = performance.now();
              for (let i = 0; i < 200; i++) run();
              return (performance.now() - start) / 200;
            };
            const ours = () => renderStory(target, html, { baseUrl: link, headline });
            const bare = () => DOMPurify.sanitize(html);
            // Warm both up first: the JIT, and DOMPurify's lazily built tables.
            time(ours);
            time(bare);
            const a: number[] = [];
            const b: number[] = [];
            for (let i = 0; i < runs + 2; i++) {
              // Alternate which goes first, so drift hits both alike.
              if (i % 2) {
                b.push(time(bare));
                a.push(time(ours));
              } else {
                a.push(time(ours));
                b.push(time(bare));
              }
            }
            return [a.slice(2), b.slice(2)];
          },
          { html: largest.contentHtml, link: largest.link, headline: largest.headline, runs: RUNS },
        );
        ours.push(...a);
        bare.push(...b);
        await page.close();
      }
      const sample = summarize(ours);
      record(
        `side panel render, ${(largest.contentHtml.length / 1024).toFixed(0)} KB story (vs DOMPurify)`,
        'ms',
        pairedRatio(ours, bare),
        1.5,
        sample,
      );
    });
  });
});

/** The heap rows' baseline: a page holding the same headlines, plain. */
function staticHeadlines(stories: StoryMeta[]): string {
  const rows = stories
    .map(
      (s) =>
        `<li class="row"><a class="row-main" href="${s.link}"><span class="headline">${s.headline}</span></a></li>`,
    )
    .join('');
  return `<!doctype html><html><body><ul>${rows}</ul></body></html>`;
}

function withoutBody<T extends { contentHtml: string }>(item: T): Omit<T, 'contentHtml'> {
  const meta: Partial<T> = { ...item };
  delete meta.contentHtml;
  return meta as Omit<T, 'contentHtml'>;
}
