import { describe, expect, it } from 'vitest';
import { savedStoriesDocument } from '@/utils/preview/saved-export';
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
});
