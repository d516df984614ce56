import { describe, expect, it } from 'vitest';
import { readingCss, savedStoriesDocument } from '@/utils/preview/saved-export';
import { asStored, postItem } from '../../support/stories';

const options = { site: 'Smileband News', exportedAt: new Date('2026-02-03T09:00:00Z'), locale: 'en' };
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the saved-stories file', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'not a url'])(
    'links a story’s source only when it is a web address, not %j',
    (link) => {
      const story = asStored(postItem(1, '2026-02-01T00:00:00.000Z', { link }), { saved: '2026-02-02T00:00:00.000Z' });
      const doc = parse(savedStoriesDocument([{ story, body: '<p>Body <a href="more.html">more</a></p>' }], options));
      expect(doc.querySelector('a.source')).toBeNull();
      expect(doc.body.innerHTML).not.toContain(link.slice(0, 11));
      // The story is still in the file, its text whole.
      expect(doc.querySelector('article')?.textContent).toContain('Body more');
    },
  );

  it('links an http(s) source, and resolves the body’s relative links against it', () => {
    const story = asStored(postItem(1, '2026-02-01T00:00:00.000Z'), { saved: '2026-02-02T00:00:00.000Z' });
    const doc = parse(savedStoriesDocument([{ story, body: '<p><a href="more.html">more</a></p>' }], options));
    expect(doc.querySelector('a.source')?.getAttribute('href')).toBe('https://www.smileband.co.uk/1.html');
    expect(doc.querySelector('article p a')?.getAttribute('href')).toBe('https://www.smileband.co.uk/more.html');
  });

  it('reads as the side panel does: the reader’s Text settings over the file’s own styles', () => {
    const story = asStored(postItem(1, '2026-02-01T00:00:00.000Z'), { saved: '2026-02-02T00:00:00.000Z' });
    const style = { font: 'sans', spacing: 'loose', width: 'wide', theme: 'sepia' } as const;
    const doc = parse(
      savedStoriesDocument([{ story, body: '<p>Body</p>' }], { ...options, reading: { style, scale: 1.15 } }),
    );
    const css = doc.querySelector('style')!.textContent;
    // After the file's own rules, so they win.
    expect(css.indexOf('html body {')).toBeGreaterThan(css.indexOf('@media (prefers-color-scheme: dark)'));
    expect(css).toContain(
      'html body { max-width: 52rem; font: 19.55px/1.9 system-ui, sans-serif; background: #f5ecd9;',
    );
    // The browser's own colours where the reader left them to it; the serif and the column as in the panel.
    const plain = readingCss({
      style: { font: 'serif', spacing: 'tight', width: 'narrow', theme: 'system' },
      scale: 1,
    });
    expect(plain).toBe('html body { max-width: 32rem; font: 17px/1.45 Georgia, serif;  }\n');
    expect(readingCss({ style: { ...style, theme: 'dark' }, scale: 1 })).toContain('html body a { color: #8ab4f8; }');
    // Without Text settings (a test of the file alone), the file's own styles only.
    expect(
      parse(savedStoriesDocument([{ story, body: null }], options)).querySelector('style')!.textContent,
    ).not.toContain('html body');
  });
});
