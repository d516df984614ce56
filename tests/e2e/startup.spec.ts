import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedExtensionFor, until } from './support/extension';

describe('the service worker in Chromium', () => {
  const running = servedExtensionFor();

  it('loads with no error: start, an update, a Refresh and its poll log no error or warning', async () => {
    const logged: string[] = [];
    // A fresh worker watched from its first line: reloading the extension starts one, which runs
    // its update handler (an update brings storage up to date and polls nothing: update.spec.ts).
    const fresh = new Promise<Worker>((resolve) =>
      running.extension.context.once('serviceworker', (worker) => {
        worker.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning')
            logged.push(`${message.type()}: ${message.text()}`);
        });
        resolve(worker);
      }),
    );
    const before = running.server.served.length;
    void running.extension.worker.evaluate(() => chrome.runtime.reload()).catch(() => {}); // the old worker ends here
    const worker = await Promise.race([
      fresh,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no service worker started after the reload')), 15_000),
      ),
    ]);
    // Uncaught errors and rejections reach the console too, from here on.
    await worker.evaluate(() => {
      self.addEventListener('error', (event) => console.error(`uncaught: ${event.message}`));
      self.addEventListener('unhandledrejection', (event) => console.error(`unhandled: ${String(event.reason)}`));
    });
    await until(
      async () => (await worker.evaluate(() => chrome.alarms.get('poll-feed'))) !== undefined,
      'the alarm after the reload',
    );
    expect(running.server.served.length).toBe(before);
    const popup = await running.extension.context.newPage();
    await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
    const refreshed = running.server.served.length;
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await until(() => running.server.served.length > refreshed, 'the Refresh');
    await until(async () => /No new stories/.test(await popup.locator('.status').innerText()), 'the Refresh outcome');
    expect(logged).toEqual([]);
    // The same check fails when the worker does report something.
    await worker.evaluate(() => console.warn('Smileband News: probe'));
    await until(() => logged.length > 0, 'the probe warning');
    expect(logged).toEqual(['warning: Smileband News: probe']);
  });
});
