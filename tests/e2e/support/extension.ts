import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { fixtureXml, serveFeed, startFeedServer, type FeedServer, type Responder } from './feed-server';

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  open(page: string): Promise<Page>;
  badge(): Promise<{ text: string; title: string; color: number[] }>;
  storage<T = Record<string, unknown>>(keys?: string | string[] | null): Promise<T>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with the built extension loaded in a fresh profile. */
export async function loadExtension(
  chromiumPath: string,
  extensionPath: string,
  {
    locale = 'en-US',
    args = [],
    profile: kept,
  }: {
    locale?: string;
    args?: string[];
    /** A profile to open again (an update test): kept when the browser closes. */
    profile?: string;
  } = {},
): Promise<LoadedExtension> {
  const profile = kept ?? newProfile();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale,
    // Chromium on Linux picks extension messages by the process language, not --lang alone.
    env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8` },
    args: [
      `--lang=${locale}`,
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...args,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return {
    context,
    worker,
    id,
    async open(page) {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${id}/${page}`);
      return tab;
    },
    badge: () =>
      worker.evaluate(async () => ({
        text: await chrome.action.getBadgeText({}),
        title: await chrome.action.getTitle({}),
        color: await chrome.action.getBadgeBackgroundColor({}),
      })),
    storage: (keys = null) => worker.evaluate((k) => chrome.storage.local.get(k), keys) as never,
    async close() {
      await context.close();
      if (!kept) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh profile in developer mode, as for any unpacked extension: without it Chromium does not
 * bring the extension back after chrome.runtime.reload().
 */
export function newProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), 'smileband-e2e-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
  );
  return profile;
}

/** Resolves once `check` returns true (for hooks, where expect.poll is not allowed). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The e2e build in Chromium, once its first poll of the served fixture feed counted 25 stories. */
export async function loadAfterFirstPoll(options: { locale?: string; badge?: string } = {}): Promise<LoadedExtension> {
  const { badge = '25', ...launch } = options;
  const extension = await loadExtension(inject('chromiumPath'), inject('extensionPath'), launch);
  await until(async () => (await extension.badge()).text === badge, 'the first poll');
  return extension;
}

export interface Running {
  server: FeedServer;
  extension: LoadedExtension;
}

export interface ServedOptions {
  xml?: string;
  /** What the server answers instead of serving `xml`. */
  responder?: Responder;
  locale?: string;
  /** The badge once the first poll is in: '25' for the fixture. */
  badge?: string;
}

/** The test feed server serving `xml` (the site's fixture by default), and the extension after its first poll of it. */
export async function startServedExtension({ xml, responder, ...options }: ServedOptions = {}): Promise<Running> {
  const feed = responder ?? serveFeed(xml ?? fixtureXml('smileband-atom.xml'));
  const server = await startFeedServer(inject('feedPort'), inject('feedPath'), feed);
  return { server, extension: await loadAfterFirstPoll(options) };
}

/** Closes what a spec started, in order, whatever of it did start. */
export async function stopAll(...running: ({ close(): Promise<void> } | undefined)[]): Promise<void> {
  for (const item of running) await item?.close();
}

/**
 * For a describe block: the feed server and the extension start before its tests and stop after.
 * The fields fill in once they have started.
 */
export function servedExtensionFor(options: ServedOptions = {}): Running {
  const running = {} as Running;
  beforeAll(async () => {
    Object.assign(running, await startServedExtension(options));
  });
  afterAll(() => stopAll(running.extension, running.server));
  return running;
}
