import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
const root = '/work/main';
const { parseFeed } = await import(root + '/utils/feed/parse-feed.ts');
const bundle = await build({ entryPoints: [root + '/bench/render-entry.ts'], bundle: true, format: 'iife', write: false, tsconfig: root + '/tsconfig.json', define: { 'import.meta.env.WXT_FEED_URL': '""' } });
const items = (await parseFeed(readFileSync(root + '/tests/fixtures/smileband-atom.xml', 'utf8'))).items;
const largest = items.reduce((a, b) => (b.contentHtml.length > a.contentHtml.length ? b : a));
const [pairs, iters] = [Number(process.env.PAIRS ?? 9), Number(process.env.ITERS ?? 200)];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (let launch = 0; launch < 4; launch++) {
  const page = await browser.newPage();
  await page.setContent('<main class="body"></main>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const r = await page.evaluate(({ html, link, headline, pairs, iters }) => {
    const { renderStory: rs, sanitizeStory, DOMPurify } = (globalThis as any).bench; const renderStory = rs ?? ((t: any, h: string, o: any) => t.replaceChildren(sanitizeStory(h, o)));
    const target = document.querySelector('main')!;
    const time = (run: () => void) => { const s = performance.now(); for (let i = 0; i < iters; i++) run(); return (performance.now() - s) / iters; };
    const ours = () => renderStory(target, html, { baseUrl: link, headline });
    const bare = () => DOMPurify.sanitize(html);
    time(ours); time(bare);
    const ratios: number[] = [];
    for (let i = 0; i < pairs; i++) { let a, b; if (i % 2) { b = time(bare); a = time(ours); } else { a = time(ours); b = time(bare); } ratios.push(a / b); }
    ratios.sort((x, y) => x - y);
    return ratios[ratios.length >> 1];
  }, { html: largest.contentHtml, link: largest.link, headline: largest.headline, pairs, iters });
  console.log(process.env.PAIRS, process.env.ITERS, r.toFixed(3));
  await page.close();
}
await browser.close();
