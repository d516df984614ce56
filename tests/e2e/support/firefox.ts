// Drives Debian's Firefox ESR over WebDriver BiDi (built into Firefox; Playwright needs a patched
// Firefox): a fresh headless profile, the built extension installed as a temporary add-on, its pages
// opened in tabs and inspected with script.evaluate.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { findExecutable } from './executable';

/** The Firefox to drive: $FIREFOX_PATH, else the first one on PATH. */
export function findFirefox(): string {
  return findExecutable(
    'FIREFOX_PATH',
    ['firefox-esr', 'firefox'],
    'The Firefox test needs Firefox 142 or newer, and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y firefox-esr\n' +
      '  Elsewhere: set FIREFOX_PATH to a Firefox executable.',
  );
}

interface BidiMessage {
  id?: number;
  type: 'success' | 'error' | 'event';
  result?: unknown;
  error?: string;
  message?: string;
}

export interface FirefoxWithExtension {
  /** The extension's moz-extension:// origin. */
  origin: string;
  /** Opens an extension page in a new tab and resolves to its browsing context id. */
  open(path: string): Promise<string>;
  /** Evaluates an expression (awaiting a promise) in a tab; the value must be JSON-serializable. */
  evaluate<T>(context: string, expression: string): Promise<T>;
  /** Sizes a tab's viewport in CSS pixels (a phone's screen, say). */
  setViewport(context: string, width: number, height: number): Promise<void>;
  /** The addresses of the open tabs. */
  tabUrls(): Promise<string[]>;
  /** A PNG of a tab's viewport. */
  screenshot(context: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** Starts Firefox with the extension at `extensionPath` (an unpacked build) installed. */
export async function launchFirefox(
  firefoxPath: string,
  extensionPath: string,
  addonId: string,
  /** More preferences for the profile (user.js): a phone's user agent and touch screen, say. */
  prefs: Record<string, string | number | boolean> = {},
): Promise<FirefoxWithExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'smileband-firefox-'));
  // A fixed internal UUID, so the test knows the extension's page addresses.
  const uuid = 'b1f0c0de-5eed-4a11-9e55-000000000222';
  writeFileSync(
    join(profile, 'user.js'),
    [
      `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [addonId]: uuid }))});`,
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);',
      'user_pref("browser.startup.homepage_override.mstone", "ignore");',
      ...Object.entries(prefs).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`),
    ].join('\n'),
  );
  // --remote-allow-system-access lets BiDi open moz-extension:// pages in a tab.
  const args = ['-headless', '-no-remote', '-profile', profile, '--remote-debugging-port', '0'];
  const child = spawn(firefoxPath, [...args, '--remote-allow-system-access'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const cleanup = () => {
    child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const url = await bidiAddress(child);
    const socket = new WebSocket(`${url}/session`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const send = requester(socket);
    await send('session.new', { capabilities: {} });
    await send('webExtension.install', { extensionData: { type: 'path', path: extensionPath } });
    const origin = `moz-extension://${uuid}`;
    return {
      origin,
      async open(path) {
        const { context } = (await send('browsingContext.create', { type: 'tab' })) as { context: string };
        await send('browsingContext.navigate', { context, url: `${origin}/${path}`, wait: 'complete' });
        return context;
      },
      async evaluate<T>(context: string, expression: string) {
        const reply = (await send('script.evaluate', {
          target: { context },
          // Values cross as JSON: BiDi's own serialization of DOM-heavy results is verbose.
          expression: `(async () => JSON.stringify(await (${expression})))()`,
          awaitPromise: true,
        })) as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
        if (reply.type === 'exception') throw new Error(`In Firefox: ${reply.exceptionDetails?.text}`);
        return JSON.parse(reply.result?.value ?? 'null') as T;
      },
      async setViewport(context, width, height) {
        await send('browsingContext.setViewport', { context, viewport: { width, height } });
      },
      async screenshot(context) {
        const { data } = (await send('browsingContext.captureScreenshot', { context })) as { data: string };
        return Buffer.from(data, 'base64');
      },
      async tabUrls() {
        const { contexts } = (await send('browsingContext.getTree', {})) as { contexts: { url: string }[] };
        return contexts.map((context) => context.url);
      },
      async close() {
        await send('session.end', {}).catch(() => {});
        socket.close();
        cleanup();
      },
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

function bidiAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start WebDriver BiDi:\n${output}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`Firefox exited (${code}) before BiDi started:\n${output}`)));
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
}

function requester(socket: WebSocket): (method: string, params: object) => Promise<unknown> {
  let next = 0;
  const pending = new Map<number, (message: BidiMessage) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse((data as Buffer).toString('utf8')) as BidiMessage;
    if (message.id !== undefined) pending.get(message.id)?.(message);
  });
  return (method, params) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, (message) => {
        pending.delete(id);
        if (message.type === 'error') reject(new Error(`${method}: ${message.error}: ${message.message}`));
        else resolve(message.result);
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
}
