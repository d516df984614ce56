import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { SafeHtml } from '@/components/SafeHtml';
import { parseFeed } from '@/utils/feed/parse-feed';
import type { FeedItem } from '@/utils/feed/types';

let items: FeedItem[];
const fixturePost = (needle: string) => items.find((item) => item.headline.includes(needle))!;

beforeAll(async () => {
  const xml = readFileSync(resolve(import.meta.dirname, '../fixtures/smileband-atom.xml'), 'utf8');
  items = (await parseFeed(xml)).items;
});

function renderBody(html: string, baseUrl = 'https://www.smileband.co.uk/2026/01/post.html') {
  const { container } = render(<SafeHtml html={html} baseUrl={baseUrl} />);
  return container.firstElementChild as HTMLElement;
}

describe('SafeHtml', () => {
  it('renders the hostile fixture post without anything that can run, frame, submit or overlay', () => {
    const post = fixturePost('Phone Scams');
    const body = renderBody(post.contentHtml, post.link);
    expect(
      body.querySelectorAll('script, iframe, object, embed, form, input, button, style, meta, base, svg, math'),
    ).toHaveLength(0);
    const attributes = [...body.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
    expect(attributes.filter((name) => name.startsWith('on') || name === 'style' || name === 'formaction')).toEqual([]);
    for (const link of body.querySelectorAll('a[href]')) {
      expect(link.getAttribute('href')).toMatch(/^(https?|mailto):/);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(body.querySelector('a[href="https://www.actionfraud.police.uk/"]')?.textContent).toBe('visit Action Fraud');
    expect(body.textContent).toContain('Reports of scam calls rose sharply.');
  });

  it('resolves relative links against the post URL', () => {
    const post = fixturePost('Bank of England');
    const link = renderBody(post.contentHtml, post.link).querySelector('a[href$="smileband-news_6.html"]');
    expect(link?.getAttribute('href')).toBe('https://www.smileband.co.uk/2025/11/smileband-news_6.html');
  });

  it('loads images lazily without a referrer, and drops 1×1 trackers and script URLs', () => {
    const body = renderBody(
      '<img src="https://img.example/a.jpg" alt="A"><img src="https://t.example/p.gif" width="1" height="1"><img src="javascript:alert(1)">',
    );
    const images = body.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]!.getAttribute('src')).toBe('https://img.example/a.jpg');
    expect(images[0]!.getAttribute('loading')).toBe('lazy');
    expect(images[0]!.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('turns a YouTube embed into a link card to the video', () => {
    const post = fixturePost('HSTikkyTokky');
    const body = renderBody(post.contentHtml, post.link);
    expect(body.querySelector('iframe')).toBeNull();
    const card = body.querySelector('a.video-card');
    expect(card?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(card?.getAttribute('target')).toBe('_blank');
  });

  it('is the only way to put HTML in a page: Preact refuses dangerouslySetInnerHTML', () => {
    // The build removes Preact's innerHTML sink (modules/build-patches/library-patches.ts); these tests run that code.
    expect(() => render(<div dangerouslySetInnerHTML={{ __html: '<img src=x onerror=alert(1)>' }} />)).toThrow(
      /dangerouslySetInnerHTML: use SafeHtml/,
    );
    expect(document.querySelector('img[onerror]')).toBeNull();
  });
});

describe('SafeHtml, when a picture fails to load', () => {
  it('removes the picture with the box and link around it, and keeps the text', () => {
    const body = renderBody(
      '<p>Before.</p><div class="separator"><a href="https://x.test/big.jpg"><img src="https://x.test/a.jpg"></a></div>' +
        '<table class="tr-caption-container"><tbody><tr><td><img src="https://x.test/b.jpg"></td></tr>' +
        '<tr><td class="tr-caption">Caption</td></tr></tbody></table><p>After.</p>',
    );
    const [first, second] = body.querySelectorAll('img');
    first!.dispatchEvent(new Event('error'));
    expect(body.querySelector('.separator')).toBeNull();
    expect(body.querySelector('a')).toBeNull();
    second!.dispatchEvent(new Event('error'));
    expect(body.querySelectorAll('img')).toHaveLength(0);
    // The caption's cell stays (it has text); the picture's emptied cell and row do not.
    expect(body.querySelectorAll('tr')).toHaveLength(1);
    expect(body.textContent).toBe('Before.CaptionAfter.');
  });

  it('keeps a picture that loaded, and the text beside a failed one', () => {
    const body = renderBody(
      '<p>Look: <img src="https://x.test/a.jpg"> here.</p><p><img src="https://x.test/b.jpg"></p>',
    );
    body.querySelectorAll('img')[0]!.dispatchEvent(new Event('error'));
    expect(body.querySelectorAll('img')).toHaveLength(1);
    expect(body.querySelector('p')!.textContent).toBe('Look:  here.');
  });

  it('keeps the story box itself when its only picture fails', () => {
    const body = renderBody('<img src="https://x.test/only.jpg">');
    body.querySelector('img')!.dispatchEvent(new Event('error'));
    expect(body.isConnected).toBe(true);
    expect(body.childNodes).toHaveLength(0);
  });
});
