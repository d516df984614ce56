import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer } from './support/feed-server';
import { type LoadedExtension, startServedExtension, stopAll } from './support/extension';

const POLL = { timeout: 15_000, interval: 100 };

describe('in a German browser', () => {
  let server: FeedServer;
  let extension: LoadedExtension;

  beforeAll(async () => {
    ({ server, extension } = await startServedExtension({ locale: 'de-DE' }));
    const refresh = await extension.worker.evaluate(() => chrome.i18n.getMessage('refresh'));
    if (refresh === 'Refresh') {
      throw new Error('This Chromium has no German locale files. On Debian: apt-get install -y chromium-l10n');
    }
  });
  afterAll(() => stopAll(extension, server));

  it('speaks German in the popup, the badge tooltip and dates', async () => {
    const popup = await extension.open('popup.html');
    await popup.getByRole('listitem').first().waitFor();
    expect(await popup.getByRole('button', { name: 'Aktualisieren' }).isVisible()).toBe(true);
    expect(await popup.getByText('25 ungelesen').isVisible()).toBe(true);
    expect(await popup.locator('.sponsored').first().innerText()).toBe('Gesponsert');
    await expect.poll(() => popup.getByRole('status').innerText(), POLL).toMatch(/^Aktualisiert jetzt/);
    // Months old: the date, in German ("2. Feb."), its full form in the tooltip.
    expect(await popup.locator('.meta time').first().innerText()).toMatch(/^\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+\.?$/);
    // The row's tooltip: the headline, the disclosure, the full date.
    const tooltip = (await popup.locator('.row-main').first().getAttribute('title'))!.split('\n');
    expect(tooltip.slice(1)).toEqual([
      'Gesponsert von smileband',
      expect.stringMatching(/^\w+, \d{1,2}\. \w+ 2026 um /),
    ]);
    expect((await extension.badge()).title).toBe('Smileband News: 25 ungelesene Meldungen');
    await popup.close();
  });
});
