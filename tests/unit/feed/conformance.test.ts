// Conformance table: how entries read, case by case, from what the specs define (RFC 4287 text
// constructs, atom:id and atom:link; the Atom 0.3 content modes; RSS 2.0 guid and link). The cases
// are written here from the specs and from the kinds of case public feed validators test.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '@/utils/feed/parse-feed';

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
