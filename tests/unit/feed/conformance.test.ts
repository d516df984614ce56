// Conformance table: how entries read, case by case, from what the specs define (RFC 4287 text
// constructs, atom:id and atom:link; the Atom 0.3 content modes; RSS 2.0 guid and link). The cases
// are written here from the specs and from the kinds of case public feed validators test.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '@/utils/feed/parse-feed';
import { readEntry } from '@/utils/feed/read-entry';
import { MAX_BODY_SCAN_CHARS, MAX_ID_CHARS, MAX_TEXT_SCAN_CHARS, MAX_URL_CHARS } from '@/utils/feed/limits';

const BASE = 'https://blog.example/feeds/posts/default';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const atom = (entry: string, head = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>` +
  `<link rel="alternate" href="https://blog.example/"/><updated>2026-01-05T10:00:00Z</updated>${head}` +
  `<entry>${entry.includes('<id') ? '' : '<id>urn:test:1</id>'}${entry.includes('<updated') ? '' : '<updated>2026-01-02T00:00:00Z</updated>'}${entry}</entry></feed>`;
const atom03 = (entry: string) =>
  `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>` +
  `<link rel="alternate" type="text/html" href="https://old.example/"/><entry><id>urn:old:1</id>` +
  `<link rel="alternate" type="text/html" href="/2004/01/a.html"/><issued>2004-01-02T03:04:05Z</issued>${entry}</entry></feed>`;
const rss = (item: string, ns = '') =>
  `<?xml version="1.0"?><rss version="2.0"${ns}><channel><title>Example</title><link>https://blog.example/</link>` +
  `<item>${item}</item></channel></rss>`;

async function only(xml: string) {
  const feed = await parseFeed(xml, BASE);
  expect(feed.skipped).toBe(0);
  expect(feed.items).toHaveLength(1);
  return feed.items[0]!;
}

describe('Atom text constructs as titles (RFC 4287 §3.1)', () => {
  it.each([
    ['no type is text: markup is shown as written', '<title>AT&amp;T &lt;b&gt; wins</title>', 'AT&T <b> wins'],
    ['type="text"', '<title type="text">1 &lt; 2 &amp;&amp; 3 &gt; 2</title>', '1 < 2 && 3 > 2'],
    [
      'type="html": tags go, entities decode',
      '<title type="html">AT&amp;amp;T &lt;b&gt;bold&lt;/b&gt; move</title>',
      'AT&T bold move',
    ],
    ['type="html" in CDATA', '<title type="html"><![CDATA[<em>Quoted</em> &amp; said]]></title>', 'Quoted & said'],
    [
      'type="xhtml": inline markup in order, wrapper div dropped',
      '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">The <b>quick</b> <i>brown</i> fox &amp; co</div></title>',
      'The quick brown fox & co',
    ],
    [
      'type="xhtml" with a namespace prefix',
      '<title type="xhtml"><x:div xmlns:x="http://www.w3.org/1999/xhtml">Prefixed <x:b>bold</x:b> title</x:div></title>',
      'Prefixed bold title',
    ],
    ['type="html" with surrounding white space', '<title type="html">\n   Spaced   out  \n</title>', 'Spaced out'],
    [
      'an empty title falls back to the body',
      '<title/><content type="html">&lt;p&gt;Body line&lt;/p&gt;</content>',
      'Body line',
    ],
  ])('%s', async (_case, entry, headline) => {
    const item = await only(atom(entry));
    expect(item.headline).toBe(headline);
  });
});

describe('Atom 0.3 content modes', () => {
  it.each([
    [
      'mode="escaped" title',
      '<title mode="escaped" type="text/html">&lt;b&gt;Escaped&lt;/b&gt; title</title>',
      'Escaped title',
    ],
    [
      'mode="base64" html title',
      `<title mode="base64" type="text/html">${b64('<b>Base64</b> title – ✓')}</title>`,
      'Base64 title – ✓',
    ],
    [
      'mode="base64" plain title keeps its <',
      `<title mode="base64" type="text/plain">${b64('a < b')}</title>`,
      'a < b',
    ],
    [
      'mode="xml" inline xhtml title',
      '<title mode="xml" type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml">Inline <b>xml</b></div></title>',
      'Inline xml',
    ],
  ])('%s', async (_case, entry, headline) => {
    const item = await only(atom03(entry));
    expect(item.headline).toBe(headline);
    expect(item.published).toBe('2004-01-02T03:04:05.000Z');
    expect(item.link).toBe('https://old.example/2004/01/a.html');
  });

  it('reads base64 content as the body', async () => {
    const item = await only(
      atom03(`<title>T</title><content type="text/html" mode="base64">${b64('<p>Decoded body</p>')}</content>`),
    );
    expect(item.contentHtml).toBe('<p>Decoded body</p>');
  });

  it.each([
    [
      'mode="xml" without a type, holding markup: the markup',
      '<content mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <b>xml</b></p></div></content>',
      '<p>Inline <b>xml</b></p>',
    ],
    ['mode="xml" holding only text: the text, escaped', '<content mode="xml">a &lt; b</content>', 'a &lt; b'],
    ['mode="base64" that is not base64: no body', '<content type="text/html" mode="base64">!!not base64</content>', ''],
  ])('%s', async (_case, content, html) => {
    const item = await only(atom03(`<title>T</title>${content}`));
    expect(item.contentHtml).toBe(html);
  });

  it('reads modified as the update time', async () => {
    const item = await only(atom03('<title>T</title><modified>2004-02-01T00:00:00Z</modified>'));
    expect(item.updated).toBe('2004-02-01T00:00:00.000Z');
  });
});

describe('Atom content', () => {
  it.each([
    ['type="html" is the markup', '<content type="html">&lt;p&gt;One&lt;/p&gt;</content>', '<p>One</p>'],
    [
      'type="text" is escaped, never markup',
      '<content type="text">1 &lt; 2 &lt;script&gt;</content>',
      '1 &lt; 2 &lt;script&gt;',
    ],
    ['no type is text', '<content>&lt;b&gt;not bold&lt;/b&gt;</content>', '&lt;b&gt;not bold&lt;/b&gt;'],
    [
      'type="xhtml" is serialized without its wrapper',
      '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para <b>bold</b> &amp; <a href="/x?a=1&amp;b=2">link</a></p></div></content>',
      '<p>Para <b>bold</b> &amp; <a href="/x?a=1&amp;b=2">link</a></p>',
    ],
    [
      'type="xhtml" keeps attribute values, quotes escaped, and drops namespace declarations',
      '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p class="a&quot;b" xmlns:x="urn:x" title="t">T</p></div></content>',
      '<p class="a&quot;b" title="t">T</p>',
    ],
    [
      'type="xhtml" drops what HTML cannot name: an element or attribute starting with _',
      '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p _x="1" lang="en">Kept</p><_note>dropped</_note></div></content>',
      '<p lang="en">Kept</p>',
    ],
    [
      'type="xhtml" with two top-level elements keeps both, and no wrapper is dropped',
      '<content type="xhtml"><p xmlns="http://www.w3.org/1999/xhtml">One</p><p xmlns="http://www.w3.org/1999/xhtml">Two</p></content>',
      '<p>One</p><p>Two</p>',
    ],
    [
      'type="xhtml" whose only element is not a div keeps it',
      '<content type="xhtml"><p xmlns="http://www.w3.org/1999/xhtml">Only <b>one</b></p></content>',
      '<p>Only <b>one</b></p>',
    ],
    [
      'src content leaves the summary as body',
      '<content src="https://x.example/a" type="text/html"/><summary type="html">&lt;p&gt;Sum&lt;/p&gt;</summary>',
      '<p>Sum</p>',
    ],
    ['summary alone', '<summary type="html">&lt;p&gt;Only summary&lt;/p&gt;</summary>', '<p>Only summary</p>'],
  ])('%s', async (_case, entry, html) => {
    const item = await only(atom(`<title>T</title>${entry}`));
    expect(item.contentHtml).toBe(html);
  });

  it('serializes deeply nested XHTML without running out of stack', async () => {
    const depth = 20_000;
    const entry = `<title>Deep</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${'<span>'.repeat(depth)}x${'</span>'.repeat(depth)}</div></content>`;
    const item = await only(atom(entry));
    expect(item.contentHtml.startsWith('<span><span>')).toBe(true);
    expect(item.contentHtml).toContain('x</span>');
  });
});

describe('atom:id', () => {
  it.each([
    ['plain', '<id>urn:uuid:60a76c80</id>', 'urn:uuid:60a76c80'],
    ['with an attribute', '<id xml:lang="en" foo="bar">urn:uuid:60a76c81</id>', 'urn:uuid:60a76c81'],
    [
      'with white space around it',
      '<id>\n  tag:blogger.com,1999:blog-1.post-2  \n</id>',
      'tag:blogger.com,1999:blog-1.post-2',
    ],
  ])('%s', async (_case, id, expected) => {
    expect((await only(atom(`<title>T</title>${id}`))).id).toBe(expected);
  });

  it('shortens a huge id to a stable, distinct key', async () => {
    const long = (end: string) => `<title>T</title><id>urn:${'x'.repeat(5000)}${end}</id>`;
    const [a, b, a2] = await Promise.all([only(atom(long('a'))), only(atom(long('b'))), only(atom(long('a')))]);
    expect(a.id.length).toBeLessThanOrEqual(256);
    expect(a.id).not.toBe(b.id);
    expect(a.id).toBe(a2.id);
  });

  it('falls back to the link when there is no id', async () => {
    const xml = atom('<title>T</title><link href="https://blog.example/a.html"/>').replace('<id>urn:test:1</id>', '');
    expect((await only(xml)).id).toBe('https://blog.example/a.html');
  });
});

describe('atom:link', () => {
  it.each([
    [
      'rel="alternate"',
      '<link rel="alternate" type="text/html" href="https://blog.example/a.html"/>',
      'https://blog.example/a.html',
    ],
    ['no rel means alternate', '<link href="https://blog.example/b.html"/>', 'https://blog.example/b.html'],
    [
      'relative href resolves against the feed',
      '<link rel="alternate" href="/2026/01/c.html"/>',
      'https://blog.example/2026/01/c.html',
    ],
    [
      'other rels are passed over',
      '<link rel="replies" type="application/atom+xml" href="https://blog.example/r"/><link rel="edit" href="https://blog.example/e"/><link rel="alternate" href="https://blog.example/d.html"/>',
      'https://blog.example/d.html',
    ],
    [
      'an HTML alternate beats another type',
      '<link rel="alternate" type="application/pdf" href="https://blog.example/e.pdf"/><link rel="alternate" type="text/html" href="https://blog.example/e.html"/>',
      'https://blog.example/e.html',
    ],
    [
      'the path keeps its case',
      '<link rel="alternate" href="https://Blog.Example/Path/Case.HTML?Q=A"/>',
      'https://blog.example/Path/Case.HTML?Q=A',
    ],
    [
      'the IANA URI form of alternate',
      '<link rel="http://www.iana.org/assignments/relation/alternate" href="https://blog.example/f.html"/>',
      'https://blog.example/f.html',
    ],
    ['javascript: is never a link', '<link rel="alternate" href="javascript:alert(1)"/>', ''],
  ])('%s', async (_case, links, expected) => {
    expect((await only(atom(`<title>T</title>${links}`))).link).toBe(expected);
  });
});

describe('RSS 2.0 items', () => {
  it.each([
    [
      'link',
      '<title>T</title><link>https://blog.example/a.html</link><guid>urn:1</guid>',
      'https://blog.example/a.html',
      'urn:1',
    ],
    [
      'a permalink guid is the link when there is none',
      '<title>T</title><guid>https://blog.example/g.html</guid>',
      'https://blog.example/g.html',
      'https://blog.example/g.html',
    ],
    [
      'isPermaLink="true" likewise',
      '<title>T</title><guid isPermaLink="true">https://blog.example/h.html</guid>',
      'https://blog.example/h.html',
      'https://blog.example/h.html',
    ],
    [
      'isPermaLink="false" is only an id',
      '<title>T</title><guid isPermaLink="false">https://blog.example/i.html</guid>',
      '',
      'https://blog.example/i.html',
    ],
    ['a guid that is not a URL is no link', '<title>T</title><guid>tag:blog,2026:1</guid>', '', 'tag:blog,2026:1'],
    [
      'relative link',
      '<title>T</title><link>/j.html</link>',
      'https://blog.example/j.html',
      'https://blog.example/j.html',
    ],
  ])('%s', async (_case, item, link, id) => {
    const read = await only(rss(item));
    expect(read.link).toBe(link);
    expect(read.id).toBe(id);
  });

  it('reads an escaped-markup title as text', async () => {
    expect(
      (await only(rss('<title>&lt;b&gt;Bold&lt;/b&gt; claim &amp;amp; more</title><guid>g</guid>'))).headline,
    ).toBe('Bold claim & more');
  });

  it('reads Dublin Core creator and date', async () => {
    const item = await only(
      rss(
        '<title>T</title><guid>g</guid><dc:creator>Ann Writer</dc:creator><dc:date>2026-01-03T04:05:06Z</dc:date>',
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
      ),
    );
    expect(item.author).toBe('Ann Writer');
    expect(item.published).toBe('2026-01-03T04:05:06.000Z');
  });

  it('reads RSS 1.0 (RDF) items', async () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="https://blog.example/"><title>R</title><link>https://blog.example/</link></channel>
      <item rdf:about="https://blog.example/k.html"><title>RDF item</title><link>https://blog.example/k.html</link><description>&lt;p&gt;Body&lt;/p&gt;</description></item></rdf:RDF>`;
    const item = await only(xml);
    expect(item.headline).toBe('RDF item');
    expect(item.link).toBe('https://blog.example/k.html');
  });
});

describe('entries with nothing to read', () => {
  const context = { feedTitle: 'Example', base: BASE, fallbackDate: '2026-01-01T00:00:00.000Z' };

  it.each([
    ['null', null],
    ['a string', 'text'],
  ])('refuses an entry that is %s as empty', (_case, entry) => {
    expect(() => readEntry(entry as never, 'atom', context)).toThrow('The entry is empty.');
  });

  it.each([
    ['no fields at all', {}],
    ['content of white space only', { content: [{ _: '  \n ', $: { type: 'html' } }] }],
  ])('refuses an entry with %s', (_case, entry) => {
    expect(() => readEntry(entry, 'atom', context)).toThrow('The entry has no id, link, title or content.');
  });

  it.each([
    ['only an id', { id: ['urn:only'] }],
    ['only a link', { link: [{ $: { href: 'https://blog.example/only.html' } }] }],
    ['only a title', { title: ['Only a title'] }],
    ['only content', { content: [{ _: '<p>Only content</p>', $: { type: 'html' } }] }],
  ])('reads an entry with %s', (_case, entry) => {
    expect(readEntry(entry, 'atom', context).id).not.toBe('');
  });
});

describe('ids made up for entries without an id or link', () => {
  const rssItem = (title: string, extra: string) => `<title>${title}</title>${extra}`;

  it('keeps the id of a dated post whose body was edited, and tells apart same-titled posts', async () => {
    const dated = (date: string, body: string) =>
      rssItem('Same', `<pubDate>${date}</pubDate><description>${body}</description>`);
    const first = await only(rss(dated('Fri, 02 Jan 2026 10:00:00 GMT', 'one')));
    const edited = await only(rss(dated('Fri, 02 Jan 2026 10:00:00 GMT', 'one, edited')));
    const later = await only(rss(dated('Sat, 03 Jan 2026 10:00:00 GMT', 'one')));
    expect(first.id).toContain('Same');
    expect(edited.id).toBe(first.id);
    expect(later.id).not.toBe(first.id);
  });

  it('keys an undated post by its body, so it stays one story across polls at different times', async () => {
    const undated = (body: string, now: number) =>
      parseFeed(rss(rssItem('Same', `<description>${body}</description>`)), BASE, { now });
    const [a, b, c] = await Promise.all([undated('one', 1e12), undated('one', 2e12), undated('two', 1e12)]);
    expect(a.items[0]!.id).toBe(b.items[0]!.id);
    expect(a.items[0]!.id).not.toBe(c.items[0]!.id);
  });
});

describe('limits on what an entry can bring in', () => {
  const SPACES = ' '.repeat(MAX_TEXT_SCAN_CHARS);
  const FALLBACK = '&lt;p&gt;Body headline&lt;/p&gt;';

  it('keeps an id of exactly the longest length as written', async () => {
    const id = `urn:${'x'.repeat(MAX_ID_CHARS - 4)}`;
    expect((await only(atom(`<title>T</title><id>${id}</id>`))).id).toBe(id);
  });

  it.each([
    ['text', `<title>${SPACES}Too far</title>`],
    ['html', `<title type="html">${SPACES}Too far</title>`],
    ['xhtml', `<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${SPACES}Too far</div></title>`],
    ['base64 html', `<title type="html" mode="base64">${b64(`${SPACES}Too far`)}</title>`],
    ['base64 text', `<title mode="base64">${b64(`${SPACES}Too far`)}</title>`],
    ['escaped', `<title mode="escaped">${SPACES}Too far</title>`],
  ])('reads a %s title no further than the scan limit', async (_case, title) => {
    const item = await only(atom03(`${title}<content type="text/html" mode="escaped">${FALLBACK}</content>`));
    expect(item.headline).toBe('Body headline');
  });

  it('reads an RSS title no further than the scan limit', async () => {
    const item = await only(rss(`<title>${SPACES}Too far</title><guid>g</guid><description>${FALLBACK}</description>`));
    expect(item.headline).toBe('Body headline');
  });

  it('looks for the headline only in the top of the body', async () => {
    const far = `&lt;p&gt;${' '.repeat(MAX_BODY_SCAN_CHARS)}Far headline&lt;/p&gt;`;
    const item = await only(rss(`<title>Example</title><guid>g</guid><description>${far}</description>`));
    expect(item.headline).not.toContain('Far headline');
  });

  it('reads a title marked as XHTML the quick check misses no further than the scan limit', async () => {
    const item = await only(
      atom(`<title type=" xhtml ">${SPACES}Too far</title><content type="html">${FALLBACK}</content>`),
    );
    expect(item.headline).toBe('Body headline');
  });

  it('drops a link written longer than the cap even when it resolves shorter', async () => {
    const url = `https://blog.example/./${'a'.repeat(MAX_URL_CHARS - 'https://blog.example/./'.length + 1)}`;
    expect(url.length).toBe(MAX_URL_CHARS + 1);
    expect((await only(rss(`<title>T</title><guid>g</guid><link>${url}</link>`))).link).toBe('');
  });

  it('finds the picture only in the top of the body', async () => {
    const far = `&lt;p&gt;${'x'.repeat(MAX_BODY_SCAN_CHARS)}&lt;/p&gt;&lt;img src="https://blog.example/far.jpg"&gt;`;
    expect((await only(rss(`<title>T</title><guid>g</guid><description>${far}</description>`))).image).toBeNull();
  });

  it.each([
    ['of the longest length is kept', MAX_URL_CHARS, true],
    ['one character longer is dropped', MAX_URL_CHARS + 1, false],
  ])('a link %s', async (_case, length, kept) => {
    const url = `https://blog.example/${'a'.repeat(length - 'https://blog.example/'.length)}`;
    expect((await only(rss(`<title>T</title><guid>g</guid><link>${url}</link>`))).link).toBe(kept ? url : '');
  });

  it('drops a relative link that grows past the longest length once resolved', async () => {
    const path = `/${'a'.repeat(MAX_URL_CHARS - 1)}`;
    expect((await only(rss(`<title>T</title><guid>g</guid><link>${path}</link>`))).link).toBe('');
  });

  it.each([
    ['of 100 characters is read', 100, '2026-01-02T00:00:00.000Z'],
    ['longer than 100 characters is not', 101, '2026-01-01T00:00:00.000Z'],
  ])('a date %s', async (_case, length, published) => {
    const date = '2026-01-02T00:00:00Z'.padStart(length, ' ');
    const feed = await parseFeed(rss(`<title>T</title><guid>g</guid><pubDate>${date}</pubDate>`), BASE, {
      now: Date.parse('2026-01-01T00:00:00Z'),
    });
    expect(feed.items[0]!.published).toBe(published);
  });

  it('reads a date written with white space around it', async () => {
    const item = await only(atom('<title>T</title><published>\n    2026-01-02T03:04:05Z\n  </published>'));
    expect(item.published).toBe('2026-01-02T03:04:05.000Z');
  });
});

describe('RSS fields and their fallbacks', () => {
  const item = (fields: string) =>
    only(
      rss(
        `<title>T</title>${fields}`,
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"',
      ),
    );

  it('reads a guid written with white space around it', async () => {
    expect((await item('<guid>\n  urn:spaced  \n</guid>')).id).toBe('urn:spaced');
  });

  it('takes the permalink guid when the link is only white space', async () => {
    expect((await item('<link>   </link><guid>https://blog.example/g.html</guid>')).link).toBe(
      'https://blog.example/g.html',
    );
  });

  it('leaves the link empty when the guid is empty too', async () => {
    expect((await item('<guid></guid><description>Body</description>')).link).toBe('');
  });

  it('keeps an http link', async () => {
    expect((await item('<guid>g</guid><link>http://blog.example/plain.html</link>')).link).toBe(
      'http://blog.example/plain.html',
    );
  });

  it('reads dc:modified as the update time', async () => {
    const read = await item(
      '<guid>g</guid><pubDate>Fri, 02 Jan 2026 00:00:00 GMT</pubDate><dc:modified>2026-01-04T00:00:00Z</dc:modified>',
    );
    expect(read.updated).toBe('2026-01-04T00:00:00.000Z');
  });

  it('prefers content:encoded to the description as the body', async () => {
    const read = await item(
      '<guid>g</guid><description>Short</description><content:encoded>&lt;p&gt;Full&lt;/p&gt;</content:encoded>',
    );
    expect(read.contentHtml).toBe('<p>Full</p>');
  });

  it.each([
    [
      'an image enclosure is the picture',
      '<enclosure url="https://blog.example/e.jpg" type="image/jpeg" length="1"/>',
      'https://blog.example/e.jpg',
    ],
    ['an audio enclosure is not', '<enclosure url="https://blog.example/e.mp3" type="audio/mpeg" length="1"/>', null],
    [
      'a type that only contains image/ is not',
      '<enclosure url="https://blog.example/e.bin" type="application/x-image/raw" length="1"/>',
      null,
    ],
    ['an enclosure without a type is not', '<enclosure url="https://blog.example/e.jpg" length="1"/>', null],
    ['a media:thumbnail is', '<media:thumbnail url="https://blog.example/t.jpg"/>', 'https://blog.example/t.jpg'],
    [
      'a media:content picture is',
      '<media:content url="https://blog.example/m.jpg" type="image/png"/>',
      'https://blog.example/m.jpg',
    ],
    [
      'media:content of medium image is',
      '<media:content url="https://blog.example/m.jpg" medium="image"/>',
      'https://blog.example/m.jpg',
    ],
    [
      'media:content with no type or medium is taken as one',
      '<media:content url="https://blog.example/m.jpg"/>',
      'https://blog.example/m.jpg',
    ],
    ['a media:content video is not', '<media:content url="https://blog.example/m.mp4" type="video/mp4"/>', null],
    ['media:content of medium video is not', '<media:content url="https://blog.example/m.mp4" medium="video"/>', null],
    ['a media:content picture with an empty address is none', '<media:content url="" type="image/jpeg"/>', null],
    ['an image enclosure with an empty address is none', '<enclosure url="" type="image/jpeg" length="1"/>', null],
    [
      'a media:content type that only contains image is not',
      '<media:content url="https://blog.example/m.bin" type="video/x-image"/>',
      null,
    ],
  ])('%s', async (_case, media, image) => {
    expect((await item(`<guid>g</guid>${media}`)).image).toBe(image);
  });

  it.each([
    [
      'passes over a data: picture that mentions http://',
      '&lt;img src="data:image/gif,http://x"&gt;&lt;img src="https://blog.example/2.jpg"&gt;',
      'https://blog.example/2.jpg',
    ],
    ['takes an http picture', '&lt;img src="http://blog.example/1.jpg"&gt;', 'http://blog.example/1.jpg'],
    [
      'takes a picture with white space around its address',
      '&lt;img src=" https://blog.example/1.jpg "&gt;',
      'https://blog.example/1.jpg',
    ],
    [
      'passes over a closing tag that carries a src',
      '&lt;/img src="https://blog.example/0.jpg"&gt;&lt;img src="https://blog.example/1.jpg"&gt;',
      'https://blog.example/1.jpg',
    ],
  ])('body picture: %s', async (_case, body, image) => {
    expect((await item(`<guid>g</guid><description>${body}</description>`)).image).toBe(image);
  });

  it.each([
    ['runs of white space become one space', '<category>Local   news</category>', ['Local news']],
    ['white space around is trimmed', '<category>  Weather </category>', ['Weather']],
    ['an empty label is dropped', '<category>  </category><category>Kept</category>', ['Kept']],
  ])('labels: %s', async (_case, categories, labels) => {
    expect((await item(`<guid>g</guid>${categories}`)).labels).toEqual(labels);
  });

  it.each([
    ['the name in brackets after the address', 'noreply@blogger.com ( Ann Writer ) ', 'Ann Writer'],
    ['runs of white space become one space', 'Ann   Writer', 'Ann Writer'],
    ['brackets inside a name are part of it', 'Ann (Guest) Writer', 'Ann (Guest) Writer'],
    ['white space only is no author', '   ', null],
  ])('author: %s', async (_case, author, name) => {
    expect((await item(`<guid>g</guid><author>${author}</author>`)).author).toBe(name);
  });

  it('reads no more than 1 KB of an author, so a name in brackets past it is not found', async () => {
    const read = await item(`<guid>g</guid><author>${'w '.repeat(600)}(Far Name)</author>`);
    expect(read.author).not.toContain('Far Name');
  });
});

describe('Atom fields and their fallbacks', () => {
  it('reads created as the publication time of an Atom 0.3 entry without issued', async () => {
    const xml = atom03('<title>T</title><created>2004-01-01T00:00:00Z</created>').replace(
      '<issued>2004-01-02T03:04:05Z</issued>',
      '',
    );
    expect((await only(xml)).published).toBe('2004-01-01T00:00:00.000Z');
  });

  it('reads a category named by its label when it has no term', async () => {
    expect((await only(atom('<title>T</title><category label="Weather"/>'))).labels).toEqual(['Weather']);
  });

  it.each([
    [
      'a rel with white space around it',
      '<link rel=" alternate " href="https://blog.example/a.html"/>',
      'https://blog.example/a.html',
    ],
    [
      'a type that only contains text/html is not HTML',
      '<link rel="alternate" type="application/x-text/html" href="https://blog.example/x"/><link rel="alternate" type="text/html" href="https://blog.example/h.html"/>',
      'https://blog.example/h.html',
    ],
  ])('link: %s', async (_case, links, expected) => {
    expect((await only(atom(`<title>T</title>${links}`))).link).toBe(expected);
  });

  it.each([
    ['a type with white space around it', '<content type=" html ">&lt;p&gt;One&lt;/p&gt;</content>', '<p>One</p>'],
    [
      'type="application/xhtml+xml" is XHTML',
      '<content type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>X</p></div></content>',
      '<p>X</p>',
    ],
    ['text holding stray markup: only its text', '<content>a <b xmlns="urn:x">bold</b> move</content>', 'a  move'],
    [
      'text holding stray markup, read in order (the title is XHTML): only its text',
      '<content>a <b xmlns="urn:x">bold</b> move</content>',
      'a  move',
      '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">T</div></title>',
    ],
    [
      'XHTML with white space around the wrapper still drops it',
      '<content type="xhtml">\n  <div xmlns="http://www.w3.org/1999/xhtml"><p>Wrapped</p></div>\n</content>',
      '<p>Wrapped</p>',
    ],
    [
      'XHTML keeps an empty element',
      '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>a<br/>b</p></div></content>',
      '<p>a<br></br>b</p>',
    ],
    [
      'XHTML drops an element whose name HTML cannot use',
      '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p.x>dropped</p.x><p>Kept</p></div></content>',
      '<p>Kept</p>',
    ],
    [
      'XHTML drops an attribute whose name HTML cannot use',
      '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p título="x" lang="es">Hola</p></div></content>',
      '<p lang="es">Hola</p>',
    ],
    [
      'XHTML read without its order (a type the quick check misses) keeps only its own text, escaped',
      '<content type=" xhtml ">a &amp; b<div xmlns="http://www.w3.org/1999/xhtml">Plain <b>text</b></div></content>',
      'a &amp; b',
    ],
    [
      'XHTML read without its order and with no text of its own is empty',
      '<content type=" xhtml "><div xmlns="http://www.w3.org/1999/xhtml">Plain <b>text</b></div></content>',
      '',
    ],
  ])('content: %s', async (_case, content, html, title = '<title>T</title>') => {
    expect((await only(atom(`${title}${content}`))).contentHtml).toBe(html);
  });
});

describe('Atom 0.3 modes, further', () => {
  it.each([
    ['escaped without a type is markup', '<content mode="escaped">&lt;p&gt;Esc&lt;/p&gt;</content>', '<p>Esc</p>'],
    ['base64 plain text is escaped', `<content mode="base64" type="text/plain">${b64('a < b')}</content>`, 'a &lt; b'],
    [
      'base64 broken over lines',
      `<content mode="base64" type="text/html">${b64('<p>Wrapped base64 body</p>').replace(/(.{8})/g, '$1\n')}</content>`,
      '<p>Wrapped base64 body</p>',
    ],
    ['xml that is empty: no body', '<content mode="xml" type="text/plain"/>', ''],
    [
      'xml holding text and markup: the markup',
      '<content mode="xml">Lead <b xmlns="http://www.w3.org/1999/xhtml">bold</b></content>',
      'Lead <b>bold</b>',
    ],
  ])('%s', async (_case, content, html) => {
    expect((await only(atom03(`<title>T</title>${content}`))).contentHtml).toBe(html);
  });
});

describe('comments', () => {
  const threading = ' xmlns:thr="http://purl.org/syndication/thread/1.0"';
  const atomThr = (entry: string) =>
    atom(entry).replace(
      '<feed xmlns="http://www.w3.org/2005/Atom"',
      `<feed xmlns="http://www.w3.org/2005/Atom"${threading}`,
    );
  const replies =
    '<link rel="replies" type="application/atom+xml" href="https://blog.example/feeds/1/comments/default"/>' +
    '<link rel="replies" type="text/html" href="https://blog.example/a.html#comment-form" title="3 Comments"/>';

  it('takes the comments page from the replies link, not another HTML link beside it', async () => {
    const links =
      '<link rel="alternate" type="text/html" href="https://blog.example/a.html"/>' +
      '<link rel="replies" type="application/x-text/html" href="https://blog.example/odd"/>' +
      '<link rel=" replies " type="text/html" href="https://blog.example/a.html#comment-form"/>';
    const item = await only(atomThr(`<title>T</title>${links}<thr:total>2</thr:total>`));
    expect(item).toMatchObject({ comments: 2, commentsLink: 'https://blog.example/a.html#comment-form' });
  });

  it('sends a reader to the post when the RSS comments page is only white space', async () => {
    const item = await only(
      rss(
        '<title>T</title><link>https://blog.example/f.html</link><slash:comments>1</slash:comments><comments>   </comments>',
        ' xmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
      ),
    );
    expect(item).toMatchObject({ comments: 1, commentsLink: 'https://blog.example/f.html' });
  });

  it('reads a Blogger post’s comment count and its comments page', async () => {
    const item = await only(
      atomThr(
        `<title>T</title><link rel="alternate" href="https://blog.example/a.html"/>${replies}<thr:total>3</thr:total>`,
      ),
    );
    expect(item).toMatchObject({ comments: 3, commentsLink: 'https://blog.example/a.html#comment-form' });
  });

  it('sends a reader to the post when the feed names no comments page', async () => {
    const item = await only(
      atomThr('<title>T</title><link rel="alternate" href="https://blog.example/b.html"/><thr:total> 12 </thr:total>'),
    );
    expect(item).toMatchObject({ comments: 12, commentsLink: 'https://blog.example/b.html' });
  });

  it.each([
    ['none', '0'],
    ['none, written long', '000'],
    ['a count that is not a number', 'many'],
    ['a negative count', '-4'],
    ['a count too large to be real', '12345678'],
  ])('says nothing about comments for %s', async (_case, total) => {
    const item = await only(atomThr(`<title>T</title>${replies}<thr:total>${total}</thr:total>`));
    expect(item).not.toHaveProperty('comments');
    expect(item).not.toHaveProperty('commentsLink');
  });

  it('reads RSS comment counts and pages', async () => {
    const item = await only(
      rss(
        '<title>T</title><link>https://blog.example/c.html</link><slash:comments>2</slash:comments><comments>https://blog.example/c.html#comments</comments>',
        ' xmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
      ),
    );
    expect(item).toMatchObject({ comments: 2, commentsLink: 'https://blog.example/c.html#comments' });
    const blogger = await only(
      rss('<title>T</title><link>https://blog.example/d.html</link><thr:total>5</thr:total>', threading),
    );
    expect(blogger).toMatchObject({ comments: 5, commentsLink: 'https://blog.example/d.html' });
  });

  it('never takes a comments page that is not a web address', async () => {
    const item = await only(
      rss(
        '<title>T</title><link>https://blog.example/e.html</link><slash:comments>1</slash:comments><comments>javascript:alert(1)</comments>',
        ' xmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
      ),
    );
    expect(item).toMatchObject({ comments: 1, commentsLink: 'https://blog.example/e.html' });
  });
});
