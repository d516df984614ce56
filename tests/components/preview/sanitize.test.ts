import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '@/utils/feed/parse-feed';
import type { FeedItem } from '@/utils/feed/types';
import { renderStory, sanitizeStoryHtml } from '@/utils/preview/sanitize';

const POST = 'https://www.smileband.co.uk/2026/01/post.html';

describe('sanitizeStoryHtml on hostile input', () => {
  it.each([
    ['script', '<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    [
      'img onerror',
      '<img src="https://x.test/a.png" onerror="alert(1)">',
      '<img src="https://x.test/a.png" alt="" loading="lazy" referrerpolicy="no-referrer" decoding="async">',
    ],
    ['svg onload', '<svg onload="alert(1)"><circle r="1"/></svg><p>after</p>', '<p>after</p>'],
    ['javascript: href', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['mixed-case javascript:', '<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['javascript: split by a tab entity', '<a href="java&#x09;script:alert(1)">x</a>', '<a>x</a>'],
    ['vbscript: href', '<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['data: href', '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', '<a>x</a>'],
    [
      'form, input and button formaction',
      '<form action="https://evil.test/"><input name="pin"><button formaction="javascript:alert(1)">Go</button></form>',
      '',
    ],
    ['svg xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>', ''],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', ''],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.test/">', ''],
    [
      'base href (links still resolve against the post)',
      '<base href="https://evil.test/"><a href="/path">x</a>',
      '<a href="https://www.smileband.co.uk/path" target="_blank" rel="noopener noreferrer">x</a>',
    ],
    ['style overlay', '<p style="position:fixed;inset:0">Overlay</p>', '<p>Overlay</p>'],
    [
      'mXSS through math and style',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      '',
    ],
    ['mXSS through noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', ''],
    ['template', '<template><script>alert(1)</script></template>', ''],
    ['object and embed', '<object data="x.swf"></object><embed src="x.swf">', ''],
    [
      'link and style elements',
      '<link rel="stylesheet" href="https://evil.test/x.css"><style>body{display:none}</style>',
      '',
    ],
    [
      'onclick and target=_self',
      '<a href="https://ok.test/" target="_self" onclick="x()">ok</a>',
      '<a href="https://ok.test/" target="_blank" rel="noopener noreferrer">ok</a>',
    ],
    [
      'mailto link',
      '<a href="mailto:news@smileband.co.uk">mail</a>',
      '<a href="mailto:news@smileband.co.uk" target="_blank" rel="noopener noreferrer">mail</a>',
    ],
    ['1×1 tracker image', '<img src="https://t.test/p.gif" width="1" height="1">', ''],
    [
      'srcset',
      '<img srcset="https://evil.test/a.png 1x" src="https://x.test/a.png">',
      '<img src="https://x.test/a.png" alt="" loading="lazy" referrerpolicy="no-referrer" decoding="async">',
    ],
    [
      'ontoggle',
      '<details open ontoggle=alert(1)><summary>s</summary></details>',
      '<details open=""><summary>s</summary></details>',
    ],
    [
      'ping',
      '<a href="https://x.test/" ping="https://track.test/">p</a>',
      '<a href="https://x.test/" target="_blank" rel="noopener noreferrer">p</a>',
    ],
    [
      'relative image',
      '<img src="../img/a.jpg" alt="A">',
      '<img src="https://www.smileband.co.uk/2026/img/a.jpg" alt="A" loading="lazy" referrerpolicy="no-referrer" decoding="async">',
    ],
    [
      'a picture link with no text gets a name; a described picture keeps its own',
      '<a href="https://x.test/big.jpg"><img src="https://x.test/small.jpg"></a><a href="https://x.test/b.jpg"><img src="https://x.test/s.jpg" alt="The crater"></a>',
      '<a href="https://x.test/big.jpg" target="_blank" rel="noopener noreferrer" aria-label="Picture, full size"><img src="https://x.test/small.jpg" alt="" loading="lazy" referrerpolicy="no-referrer" decoding="async"></a><a href="https://x.test/b.jpg" target="_blank" rel="noopener noreferrer"><img src="https://x.test/s.jpg" alt="The crater" loading="lazy" referrerpolicy="no-referrer" decoding="async"></a>',
    ],
    // DOMPurify itself lets these schemes through; our own allow-list (http, https, mailto) does not.
    ['ftp: href', '<a href="ftp://files.test/x.zip">file</a>', '<a>file</a>'],
    ['tel: href', '<a href="tel:+441234567890">call</a>', '<a>call</a>'],
    ['sms: href', '<a href="sms:+441234567890">text</a>', '<a>text</a>'],
    ['an image over ftp:', '<p>a</p><img src="ftp://files.test/a.png">', '<p>a</p>'],
    [
      'prose that mentions script',
      "<p>The film's script was rewritten; the JavaScript course starts Monday.</p>",
      "<p>The film's script was rewritten; the JavaScript course starts Monday.</p>",
    ],
  ])('%s', (_vector, html, safe) => {
    expect(sanitizeStoryHtml(html, { baseUrl: POST })).toBe(safe);
  });
});

const IMG_TAIL = 'alt="" loading="lazy" referrerpolicy="no-referrer" decoding="async"';
const LINK_TAIL = 'target="_blank" rel="noopener noreferrer"';

describe('story markup cannot look or act like the page', () => {
  it.each([
    [
      'a look-alike source button loses its class',
      '<a class="source" href="https://evil.test/">Read on smileband.co.uk</a>',
      `<a href="https://evil.test/" ${LINK_TAIL}>Read on smileband.co.uk</a>`,
    ],
    [
      'Blogger layout classes stay, others go',
      '<div class="separator source story toolbar tr-caption">x</div>',
      '<div class="separator tr-caption">x</div>',
    ],
    ['a class of only foreign names goes whole', '<p class="story-headline byline">x</p>', '<p>x</p>'],
    [
      'a feed cannot fake the video card',
      '<a class="video-card" href="https://evil.test/">Watch</a>',
      `<a href="https://evil.test/" ${LINK_TAIL}>Watch</a>`,
    ],
    ['an open dialog', '<dialog open><p>Pay here</p></dialog><p>after</p>', '<p>Pay here</p><p>after</p>'],
    [
      'popover and its triggers',
      '<div popover="auto">Float</div><a href="https://x.test/" popovertarget="p" popovertargetaction="show">t</a>',
      `<div>Float</div><a href="https://x.test/" ${LINK_TAIL}>t</a>`,
    ],
    [
      'an image map with area links',
      '<map name="m"><area shape="rect" coords="0,0,9,9" href="javascript:alert(1)"><area href="https://evil.test/"></map><img src="https://x.test/a.png" usemap="#m">',
      `<img src="https://x.test/a.png" ${IMG_TAIL}>`,
    ],
    [
      'id and name that clobber globals',
      '<p id="cookie">a</p><a name="location" href="https://x.test/">b</a>',
      `<p>a</p><a href="https://x.test/" ${LINK_TAIL}>b</a>`,
    ],
    ['keyboard and focus hijacks', '<p accesskey="r" tabindex="1" autofocus contenteditable="true">a</p>', '<p>a</p>'],
    [
      'a download link',
      '<a href="https://x.test/f.exe" download="f.exe">f</a>',
      `<a href="https://x.test/f.exe" ${LINK_TAIL}>f</a>`,
    ],
  ])('%s', (_case, html, safe) => {
    expect(sanitizeStoryHtml(html, { baseUrl: POST })).toBe(safe);
  });

  it('our own video card keeps its class', () => {
    const html = '<iframe src="https://www.youtube.com/embed/abcdef123"></iframe>';
    expect(sanitizeStoryHtml(html, { baseUrl: POST })).toBe(
      `<a href="https://www.youtube.com/watch?v=abcdef123" class="video-card" ${LINK_TAIL}>Watch the video on YouTube</a>`,
    );
  });
});

describe('nothing in a story is fetched but its pictures', () => {
  it.each([
    ['width="1px"', 'width="1px"'],
    ['height="0"', 'height="0"'],
    ['width="01"', 'width="01" height="50"'],
    ['1 px in one dimension only', 'width="600" height="1"'],
    ['inline style', 'style="width:1px;height:1px"'],
    ['inline style with !important', 'style="height: 0 !important"'],
    ['hidden by style', 'style="display: none"'],
    ['invisible by style', 'style="visibility:hidden"'],
    ['max-width 1px', 'style="max-width:1px"'],
  ])('a tracker sized %s is dropped', (_case, size) => {
    expect(sanitizeStoryHtml(`<p>a</p><img src="https://t.test/p.gif" ${size}><p>b</p>`, { baseUrl: POST })).toBe(
      '<p>a</p><p>b</p>',
    );
  });

  it.each([
    ['width="10"', 'width="10" height="10"'],
    ['width="100%"', 'width="100%"'],
    ['style width 320px', 'style="width:320px"'],
    ['width="px" (no size at all)', 'width="px"'],
  ])('a picture sized %s stays', (_case, size) => {
    expect(sanitizeStoryHtml(`<img src="https://x.test/a.png" ${size}>`, { baseUrl: POST })).toMatch(
      /^<img src="https:\/\/x\.test\/a\.png"/,
    );
  });

  it.each([
    [
      'video with poster and source',
      '<video poster="https://t.test/poster.jpg" src="https://t.test/v.mp4" controls><source src="https://t.test/v.webm">Your browser</video>',
      '',
    ],
    ['audio', '<audio src="https://t.test/a.mp3" autoplay></audio>', ''],
    ['track', '<video><track src="https://t.test/t.vtt"></video>', ''],
    [
      'picture sources',
      '<picture><source srcset="https://t.test/a.webp"><img src="https://x.test/a.jpg"></picture>',
      `<picture><img src="https://x.test/a.jpg" ${IMG_TAIL}></picture>`,
    ],
  ])('%s', (_case, html, safe) => {
    expect(sanitizeStoryHtml(html, { baseUrl: POST })).toBe(safe);
  });
});

describe('story pictures at the column’s size', () => {
  it('offers a Blogger picture at the column’s widths instead of its 320 px', () => {
    const src = 'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEi/s320/starlink.jpg';
    const box = document.createElement('div');
    box.innerHTML = sanitizeStoryHtml(`<img src="${src}" width="320" height="213">`, { baseUrl: POST });
    const image = box.querySelector('img')!;
    expect(image.getAttribute('src')).toBe(src);
    expect(image.getAttribute('srcset')).toBe(
      [400, 800, 1200].map((w) => `${src.replace('/s320/', `/w${w}/`)} ${w}w`).join(', '),
    );
    expect(image.getAttribute('sizes')).toMatch(/40rem/);
  });

  it('gives other pictures no srcset, and never keeps the feed’s own', () => {
    const html = sanitizeStoryHtml('<img src="https://x.test/a.png" srcset="https://evil.test/a.png 2x">', {
      baseUrl: POST,
    });
    expect(html).not.toMatch(/srcset|sizes|evil/);
  });
});

describe('the clean preview of blank lines', () => {
  const clean = (html: string) => sanitizeStoryHtml(html, { baseUrl: POST });
  it.each([
    [
      'a run of Blogger spacers becomes one',
      '<p>One.</p><div><br></div><div><br></div><div><br></div><p>Two.</p>',
      '<p>One.</p><div><br></div><p>Two.</p>',
    ],
    [
      'spacers of any kind, with blanks between',
      '<p>One.</p><p>&nbsp;</p>\n<div><br><br></div> <p> </p><p>Two.</p>',
      '<p>One.</p><p>&nbsp;</p>\n <p>Two.</p>',
    ],
    ['a single spacer stays', '<p>One.</p><div><br></div><p>Two.</p>', '<p>One.</p><div><br></div><p>Two.</p>'],
    [
      'lines that begin past ASCII or with a blank are words, not spacers',
      '<p>Über.</p><p>Ελληνικά.</p><div>“Quoted.”</div><p>中文</p><p>&nbsp; Indented.</p>',
      '<p>Über.</p><p>Ελληνικά.</p><div>“Quoted.”</div><p>中文</p><p>&nbsp; Indented.</p>',
    ],
    [
      'blank lines and line breaks at either end go, inside blocks too',
      '<br>\n<div><br></div><p>&nbsp;</p><div><br><p>One.</p></div><p>Two.</p><div><p>Three.</p><br></div><p> </p><div><br></div>\n<br>',
      '<div><p>One.</p></div><p>Two.</p><div><p>Three.</p></div>',
    ],
    [
      'lines with words or pictures are never spacers',
      '<div><br></div><div>Text<br></div><div><br></div><div><img src="https://x.test/a.png"></div><div><br></div><p>End.</p>',
      `<div>Text<br></div><div><br></div><div><img src="https://x.test/a.png" ${'alt="" loading="lazy" referrerpolicy="no-referrer" decoding="async"'}></div><div><br></div><p>End.</p>`,
    ],
  ])('%s', (_case, html, expected) => {
    expect(clean(html)).toBe(expected);
  });
});

describe('the clean preview looks for the greeting at the top only', () => {
  it('clears at most the first eight lines, however many markers a post stacks up', () => {
    const html = `${'<p>AD</p>'.repeat(9)}<p>Sponsored by Acme.</p><p>Body.</p>`;
    expect(sanitizeStoryHtml(html, { baseUrl: POST, headline: 'Headline' })).toBe(
      '<p>AD</p><p>Sponsored by Acme.</p><p>Body.</p>',
    );
  });
});

describe('the clean preview past a picture caption', () => {
  it.each([
    [
      'Blogger caption table',
      '<table class="tr-caption-container"><tbody><tr><td><img src="https://x.test/a.jpg"></td></tr><tr><td class="tr-caption">Crowds on Sunday</td></tr></tbody></table><p>Thousands march</p><p>Body starts.</p>',
    ],
    [
      'figcaption',
      '<figure><img src="https://x.test/a.jpg"><figcaption>Crowds on Sunday</figcaption></figure><p>Thousands march</p><p>Body starts.</p>',
    ],
    [
      'credit line',
      '<img src="https://x.test/a.jpg"><div>Photo: Reuters</div><p>Thousands march</p><p>Body starts.</p>',
    ],
  ])('%s: the repeated headline below it goes, the caption stays', (_case, html) => {
    const box = document.createElement('div');
    box.innerHTML = sanitizeStoryHtml(html, { baseUrl: POST, headline: 'Thousands march' });
    const text = box.textContent;
    expect(text).not.toContain('Thousands march');
    expect(text).toMatch(/Crowds on Sunday|Photo: Reuters/);
    expect(text).toContain('Body starts.');
    expect(box.querySelector('img')).not.toBeNull();
  });

  it('takes only the caption cell for a caption, not the rest of Blogger’s caption table', () => {
    const html =
      '<table class="tr-caption-container"><tbody><tr><td>Thousands march</td></tr></tbody></table><p>Body starts.</p>';
    const box = document.createElement('div');
    box.innerHTML = sanitizeStoryHtml(html, { baseUrl: POST, headline: 'Thousands march' });
    expect(box.textContent).toBe('Body starts.');
  });
});

describe('the clean preview of every fixture post', () => {
  let items: FeedItem[];
  beforeAll(async () => {
    const xml = readFileSync(resolve(import.meta.dirname, '../../fixtures/smileband-atom.xml'), 'utf8');
    items = (await parseFeed(xml)).items.slice(0, 13);
  });

  const text = (item: FeedItem) => {
    const box = document.createElement('div');
    box.innerHTML = sanitizeStoryHtml(item.contentHtml, { baseUrl: item.link, headline: item.headline });
    return box.textContent.replace(/\s+/g, ' ').trim();
  };

  // What the body starts with once greeting, marker and headline are gone (each read off the post).
  it.each([
    ['Jamaica', 'Jamaica still faces a significant HIV epidemic'],
    ['Putin', 'For years, speculation has circulated'],
    ['Starlink', 'Over 9,000 active satellites'],
    ['Nadir', 'A crater buried beneath the Atlantic'],
    ['Africa', 'The continent is estimated'],
    ['UK Jobs', 'Young people are leaving school'],
    ['Japan', 'In a major strategic shift'],
    ['TikTok', 'Who Is HSTikkyTokky'],
    ['Waterworld', 'Stoke-on-Trent, UK'],
    ['Ceasefire', 'Négociations, переговоры, 谈判'],
    ['Phone Scams', 'Reports of scam calls rose sharply.'],
    ['Bank of England', 'The Monetary Policy Committee voted'],
  ])('%s: starts with the story, not the greeting or the headline again', (name, start) => {
    const item = items.find((candidate) => candidate.headline.includes(name))!;
    const body = text(item);
    expect(body.startsWith(start)).toBe(true);
    expect(body).not.toMatch(/Dear 222 News viewers|sponsored by smileband/i);
    expect(body.split(item.headline)).toHaveLength(1);
  });

  it('removes leaked tracking code, as markup or as visible text, and the stray code after it', () => {
    for (const item of items) {
      const body = text(item);
      expect(body).not.toMatch(/Google tag|gtag|googletagmanager|pagesense|dataLayer|<script|894500L65WEHZ4XKDX36/);
    }
    const japan = text(items.find((item) => item.headline.startsWith('Japan'))!);
    expect(japan).toMatch(/Article written and configured by Christopher Stanley$/);
  });

  it('removes every line of a run of tracking code, markers and stray codes, not every other one', () => {
    // Each pattern tests line after line: one made stateful (a `g` flag) would miss every second.
    const html =
      '<p>AD</p><p>Advertisement</p><p>Dear 222 News viewers, sponsored by smileband,</p><p><b>Rates held</b></p>' +
      '<p>Body one.</p><p>&lt;!-- Google tag (gtag.js) --&gt;</p><p>&lt;script async src="https://www.googletagmanager.com/gtag/js"&gt;&lt;/script&gt;</p>' +
      '<p>window.dataLayer = window.dataLayer || [];</p><p>gtag("config", "G-1");</p>' +
      '<p>894500L65WEHZ4XKDX36</p><p>AB12CD34EF56GH78IJ</p><p>Body two.</p>';
    expect(sanitizeStoryHtml(html, { baseUrl: POST, headline: 'Rates held' })).toBe('<p>Body one.</p><p>Body two.</p>');
  });

  it('takes stray code only right after a tracking snippet, not a code-like line further on', () => {
    const html =
      '<p>Rates held.</p><p>&lt;script&gt;gtag("js", new Date());&lt;/script&gt;</p><p>894500L65WEHZ4XKDX36</p>' +
      '<p>The committee meets again in March.</p><p>BOE2026MPCVOTE</p>';
    expect(sanitizeStoryHtml(html, { baseUrl: POST })).toBe(
      '<p>Rates held.</p><p>The committee meets again in March.</p><p>BOE2026MPCVOTE</p>',
    );
  });

  it('keeps the lead image and its link to the full-size picture', () => {
    const starlink = items.find((item) => item.headline.startsWith('Starlink'))!;
    const html = sanitizeStoryHtml(starlink.contentHtml, { baseUrl: starlink.link, headline: starlink.headline });
    expect(html).toMatch(
      /^<div class="separator"><a href="https:\/\/blogger\.googleusercontent\.com\/[^"]+\/s1600\/starlink\.jpg"/,
    );
  });

  it('drops the button label and keeps the text of the hostile post', () => {
    const scams = text(items.find((item) => item.headline.startsWith('Phone Scams'))!);
    expect(scams).toBe('Reports of scam calls rose sharply.Report a scam or visit Action Fraud.detailsOverlay');
  });
});

describe('links and pictures at their edges', () => {
  const html = (body: string) => sanitizeStoryHtml(body, { baseUrl: POST });
  const box = (body: string) => {
    const element = document.createElement('div');
    element.innerHTML = html(body);
    return element;
  };

  it('reads a link or picture with an empty or unreadable address as text, not as the post itself', () => {
    expect(html('<a href="">x</a><a href="http://[bad">y</a>')).toBe('<a>x</a><a>y</a>');
    expect(box('<p>t<img src=""><img src="http://[bad/p.png"></p>').querySelector('img')).toBeNull();
  });

  it('drops the new-tab target of a link whose address was removed', () => {
    expect(html('<a href="javascript:alert(1)" target="_blank">x</a>')).toBe('<a>x</a>');
  });

  it('keeps a plain http picture (only the scheme is checked)', () => {
    expect(box('<img src="http://example.com/p.png">').querySelector('img')!.getAttribute('src')).toBe(
      'http://example.com/p.png',
    );
  });

  it('names a picture-only link “Picture, full size”, white space and all, but never a link with words', () => {
    const pictureOnly = box('<a href="/full.jpg"> <img src="/p.jpg"> </a>').querySelector('a')!;
    expect(pictureOnly.getAttribute('aria-label')).toBe('Picture, full size');
    const worded = box('<a href="/full.jpg">Caption <img src="/p.jpg"></a>').querySelector('a')!;
    expect(worded.hasAttribute('aria-label')).toBe(false);
  });

  it('secures the links and pictures a removed element leaves behind, as DOMPurify keeps its content', () => {
    expect(html('<form><p><a href="/kept">read</a> <img src="/p.jpg" class="x"></p></form>')).toBe(
      '<p><a href="https://www.smileband.co.uk/kept" target="_blank" rel="noopener noreferrer">read</a> ' +
        '<img src="https://www.smileband.co.uk/p.jpg" alt="" loading="lazy" referrerpolicy="no-referrer" decoding="async"></p>',
    );
  });

  it('renders the story into the page in one holder: the previous story goes', () => {
    const target = document.createElement('div');
    target.innerHTML = '<p>Previous story</p>';
    renderStory(target, '<p>One</p><p><a href="/two">Two</a></p>', { baseUrl: POST });
    expect(target.innerHTML).toBe(
      '<div><p>One</p><p><a href="https://www.smileband.co.uk/two" target="_blank" rel="noopener noreferrer">Two</a></p></div>',
    );
    expect(target.querySelector('a')!.ownerDocument).toBe(document);
  });

  it('takes only pictures for trackers: a 1×1 table cell stays', () => {
    expect(box('<table><tr><td width="1" height="1">Cell</td></tr></table>').textContent).toBe('Cell');
  });

  it.each([
    ['Blogger’s own video id', '<iframe youtube-src-id="abc_12-3"></iframe>', 'abc_12-3'],
    ['an embed address with its query', '<iframe src="https://www.youtube.com/embed/abcdef?rel=0"></iframe>', 'abcdef'],
  ])('makes %s a link card to the video', (_case, frame, id) => {
    const card = box(`<p>a</p>${frame}<p>b</p>`).querySelector('a.video-card')!;
    expect(card.getAttribute('href')).toBe(`https://www.youtube.com/watch?v=${id}`);
  });

  it.each([
    ['an id with other characters', '<iframe youtube-src-id="abc$%" src="x"></iframe>'],
    ['an id with a character before it', '<iframe youtube-src-id="&quot;abc"></iframe>'],
    ['a frame with no source', '<iframe></iframe>'],
  ])('makes no card for %s', (_case, frame) => {
    expect(box(`<p>a</p>${frame}`).querySelector('a')).toBeNull();
  });
});

describe('the clean preview at its edges', () => {
  const clean = (html: string, headline?: string) => sanitizeStoryHtml(html, { baseUrl: POST, headline });

  it.each([
    [
      'a greeting that carries the headline ends the top: a marker below it stays',
      '<p>Sponsored by Acme, Rates held</p><p>AD</p><p>Body.</p>',
      'Rates held',
      '<p>AD</p><p>Body.</p>',
    ],
    [
      'a greeting that carries other words does not end the top: the headline below it goes',
      '<p>Sponsored by Acme, and read on</p><p>Rates held</p><p>Body.</p>',
      'Rates held',
      '<p>Body.</p>',
    ],
    [
      'with no headline given, the greeting and a marker below it go',
      '<p>Sponsored by Acme.</p><p>AD</p><p>Body.</p>',
      undefined,
      '<p>Body.</p>',
    ],
    [
      'a greeting with runs of spaces in it',
      '<p>Sponsored \u00a0 by   Acme.</p><p>Body.</p>',
      'Rates held',
      '<p>Body.</p>',
    ],
    ['the headline repeated in capitals', '<p>RATES HELD</p><p>Body.</p>', 'Rates held', '<p>Body.</p>'],
    [
      'the headline given with extra white space',
      '<p>Rates held</p><p>Body.</p>',
      '  Rates \u00a0 held ',
      '<p>Body.</p>',
    ],
    [
      'a first line with the same letters but other words is not the headline',
      '<p>Heatwave hits</p><p>Body.</p>',
      'Heat wave hits',
      '<p>Heatwave hits</p><p>Body.</p>',
    ],
  ])('%s', (_case, html, headline, expected) => {
    expect(clean(html, headline)).toBe(expected);
  });

  it('keeps a code-like first line: only what follows a tracking snippet is stray code', () => {
    expect(clean('<p>AB12CD34EF56GH78</p><p>Body.</p>')).toBe('<p>AB12CD34EF56GH78</p><p>Body.</p>');
  });

  it('does not take a greeting it removed that mentions a tracker for a tracking snippet', () => {
    expect(clean('<p>Sponsored by Acme. Why gtag( is everywhere</p><p>AB12CD34EF56GH78</p><p>Body.</p>', 'Other')).toBe(
      '<p>AB12CD34EF56GH78</p><p>Body.</p>',
    );
  });

  it('trims the ends of blocks only: a line break inside inline markup stays', () => {
    expect(clean('<p>Text</p><span>tail<br></span>')).toBe('<p>Text</p><span>tail<br></span>');
  });

  it('keeps a video card whose line is all that is left of a wrapper', () => {
    const html = '<p>Rates held</p><div><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></div>';
    const box = document.createElement('div');
    box.innerHTML = clean(html, 'Rates held');
    expect(box.querySelector('a.video-card')).not.toBeNull();
  });
});

describe('what ends a line of the story (the block tags the clean-up reads lines by)', () => {
  // The headline repeated in its own block goes; a block tag not taken for one would join it to
  // the line below, and the headline would stay. One row a tag: each is a module constant.
  const wrapped: [string, (text: string) => string][] = [
    ...[
      'ADDRESS',
      'ARTICLE',
      'ASIDE',
      'BLOCKQUOTE',
      'CENTER',
      'FIGURE',
      'FOOTER',
      'HEADER',
      'MAIN',
      'NAV',
      'PRE',
      'SECTION',
    ]
      .concat(['H1', 'H2', 'H3', 'H4', 'H5', 'H6'])
      .map((tag): [string, (text: string) => string] => [tag, (text) => `<${tag}>${text}</${tag}>`]),
    ['LI in UL', (text) => `<ul><li>${text}</li><li>More.</li></ul>`],
    ['LI in OL', (text) => `<ol><li>${text}</li><li>More.</li></ol>`],
    ['DT in DL', (text) => `<dl><dt>${text}</dt><dd>More.</dd></dl>`],
    ['DD in DL', (text) => `<dl><dd>${text}</dd><dt>More.</dt></dl>`],
    ['TD in a table', (text) => `<table><tbody><tr><td>${text}</td><td>More.</td></tr></tbody></table>`],
    ['TH in a table head', (text) => `<table><thead><tr><th>${text}</th><th>More.</th></tr></thead></table>`],
  ];
  it.each(wrapped)('%s', (_tag, wrap) => {
    const html = `<span>Dear 222 News viewers, sponsored by smileband,</span>${wrap('Rates held')}<span>Body text.</span>`;
    const clean = sanitizeStoryHtml(html, { baseUrl: POST, headline: 'Rates held' });
    expect(clean).toContain('Body text.');
    expect(clean).not.toContain('Rates held');
  });
});

describe('the clean preview of spaces that do not break', () => {
  const body = (html: string) => sanitizeStoryHtml(html, { baseUrl: POST, headline: 'Headline' });

  it('lets a line break between words the editor joined with non-breaking spaces', () => {
    // Blogger's editor leaves them between words; kept, a narrow column breaks inside a word.
    expect(body('<p>over&nbsp;the&nbsp;decarbonisation of&nbsp;&nbsp;industry.&nbsp;DANGER!!&nbsp;</p>')).toBe(
      '<p>over the decarbonisation of &nbsp;industry. DANGER!! </p>',
    );
  });

  it('keeps a number with its unit, a spacer line and an indent', () => {
    expect(body('<p>One.</p><p>&nbsp;</p><p>&nbsp; Indented.</p>')).toBe(
      '<p>One.</p><p>&nbsp;</p><p>&nbsp; Indented.</p>',
    );
    expect(body('<p>Prevalence is around 1.5&nbsp;% and 30&nbsp;km&nbsp;away.</p>')).toBe(
      '<p>Prevalence is around 1.5&nbsp;% and 30&nbsp;km away.</p>',
    );
  });
});
