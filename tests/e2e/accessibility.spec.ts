import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedExtensionFor } from './support/extension';
import { installSpeechRecorder } from '../support/speech-recorder';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const expected = JSON.parse(readFileSync(new URL('../fixtures/smileband-expected.json', import.meta.url), 'utf8')) as {
  entries: { id: string }[];
};

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.1 A/AA checks; only serious and critical findings fail. */
async function audit(page: Page): Promise<string[]> {
  // Evaluated through the debugger protocol, which the pages' strict CSP does not apply to.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(['light', 'dark'] as const)('accessibility in %s mode (axe-core)', (scheme) => {
  const running = servedExtensionFor();

  async function open(path: string, ready: string): Promise<Page> {
    const page = await running.extension.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${running.extension.id}/${path}`);
    await page.locator(ready).first().waitFor();
    return page;
  }

  it.each([
    ['popup', 'popup.html', '.row'],
    ['side panel story', `sidepanel.html?item=${encodeURIComponent(expected.entries[0]!.id)}`, '.body p, .body div'],
    ['side panel list', 'sidepanel.html', '.row'],
    ['options', 'options.html', 'form'],
  ])('%s: no serious or critical violations', async (_name, path, ready) => {
    const page = await open(path, ready);
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it.each(['sepia', 'light', 'dark'])(
    'side panel story in the %s theme, with Listen’s bar and Text settings open: no serious or critical violations',
    async (theme) => {
      const page = await running.extension.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      // A recorder in place of the speech engine (this machine has no voices): Listen's bar shows.
      await page.addInitScript(installSpeechRecorder, [['Daniel', 'en-GB']] as [string, string][]);
      await page.goto(
        `chrome-extension://${running.extension.id}/sidepanel.html?item=${encodeURIComponent(expected.entries[0]!.id)}`,
      );
      await page.locator('.body p, .body div').first().waitFor();
      await page.getByRole('button', { name: 'Listen' }).click();
      await page.getByRole('button', { name: 'Text settings' }).click();
      await page.getByRole('radio', { name: theme[0]!.toUpperCase() + theme.slice(1), exact: true }).check();
      await page.getByRole('group', { name: 'Listen' }).waitFor();
      expect(await audit(page)).toEqual([]);
      // As it was, for the tests after this one.
      await page.getByRole('radio', { name: 'System', exact: true }).check();
      await page.close();
    },
  );

  it('side panel list with a whole-blog search’s answers and Older stories: no serious or critical violations', async () => {
    const page = await open('sidepanel.html', '.row');
    await page.getByRole('searchbox').fill('health');
    await page.getByRole('button', { name: 'Search all of Smileband News' }).click();
    // The fixture server ignores the query: the feed's own stories come back as the answer.
    await page.getByRole('list', { name: 'Found on Smileband News' }).waitFor();
    expect(await audit(page)).toEqual([]);
    await page.getByRole('searchbox').fill('');
    await page.locator('.older-stories button').waitFor();
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it.each([
    ['popup', 'popup.html', '.row'],
    ['side panel story', `sidepanel.html?item=${encodeURIComponent(expected.entries[0]!.id)}`, '.body p, .body div'],
    ['options', 'options.html', 'form'],
  ])('%s: Tab reaches every control, each with a visible focus ring', async (_name, path, ready) => {
    const page = await open(path, ready);
    // Elements are named by a number each gets when first named, so two unlabeled inputs stay apart
    // and a status line that changes between the Tab walk and the count moves no name (a place in
    // the document did: CI once saw "370:button" walked and "371:button" counted).
    await page.evaluate(`{
      const named = new WeakMap();
      let count = 0;
      globalThis.nameOf = (el) => {
        if (!named.has(el)) named.set(el, count++);
        return named.get(el) + ':' + el.tagName.toLowerCase();
      };
    }`);
    const stops: { key: string; ring: boolean }[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const ring =
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
        return { key: (globalThis as unknown as { nameOf: (e: Element) => string }).nameOf(el), ring };
      });
      if (!stop) continue;
      if (stops.some((seen) => seen.key === stop.key)) break; // wrapped around
      stops.push(stop);
    }
    // Every visible control is in the Tab order (the list's rows share one roving stop; arrows move).
    const controls = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'a[href], button:enabled, input:enabled, select:enabled, textarea:enabled, summary',
        ),
      ]
        .filter((el) => el.offsetParent !== null && el.tabIndex >= 0)
        // A radio group is one Tab stop, its checked button; arrows move within it.
        .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked))
        .map((el) => (globalThis as unknown as { nameOf: (e: Element) => string }).nameOf(el)),
    );
    expect(controls.length).toBeGreaterThan(2);
    expect(stops.map((stop) => stop.key)).toEqual(expect.arrayContaining(controls));
    expect(stops.filter((stop) => !stop.ring)).toEqual([]);
    await page.close();
  });
});
