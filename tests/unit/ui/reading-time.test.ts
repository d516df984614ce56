import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '@/utils/feed/parse-feed';
import { readingMinutes } from '@/utils/ui/reading-time';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('readingMinutes', () => {
  it.each([
    ['a short note', '<p>Rates held.</p>', 1],
    ['an empty body', '', 1],
    ['230 words', `<p>${words(230)}</p>`, 1],
    ['460 words in markup', `<div><b>${words(230)}</b></div><p>${words(230)}</p>`, 2],
    // Tags, attributes and entities are not words.
    ['markup without words', `<img src="https://x.test/${words(900)}.jpg">&nbsp;&amp;&#8217;`, 1],
    ['1,150 words', `<p>${words(1150)}</p>`, 5],
    // A tag or entity between two words separates them, as on screen.
    ['words joined only by tags', `<p>${'a<br>'.repeat(345)}</p>`, 2],
    ['words joined only by entities', `<p>${'a&nbsp;'.repeat(345)}</p>`, 2],
    ['numbers, accents and apostrophes', `<p>${'l’été 2026 '.repeat(230)}</p>`, 2],
    // Punctuation is no word: 345 words would round up to 2 minutes.
    ['230 words between dashes and stops', `<p>${'word — . '.repeat(230)}</p>`, 1],
    // Curly quotes, guillemets and ellipses are no words: 345 would round up to 2 minutes.
    ['115 quoted words', `<p>${'“word” « … ‘ ’ » '.repeat(115)}</p>`, 1],
    // An underscore parts two words: one word each would be 1 minute.
    ['345 words joined by underscores', `<p>${'snake_case_x '.repeat(115)}</p>`, 2],
    ['345 words in Greek, Cyrillic and Chinese', `<p>${'λόγος слово 新闻 '.repeat(115)}</p>`, 2],
    ['345 words, the first at the very start', `<p>${words(345)}</p>`.replace('<p>', ''), 2],
  ])('%s: %i min', (_case, html, minutes) => {
    expect(readingMinutes(html)).toBe(minutes);
  });

  it('gives the site’s long posts a few minutes', async () => {
    const xml = readFileSync(resolve(import.meta.dirname, '../../fixtures/smileband-atom.xml'), 'utf8');
    const minutes = (await parseFeed(xml)).items.map((item) => readingMinutes(item.contentHtml));
    expect(Math.max(...minutes)).toBeGreaterThanOrEqual(3);
    expect(Math.min(...minutes)).toBeGreaterThanOrEqual(1);
  });
});
