import { decodeHTML as reference } from 'entities';
import { describe, expect, it } from 'vitest';
import { decodeHTML } from '@/utils/feed/decode-entities';

describe('decodeHTML', () => {
  it.each([
    ['AT&amp;T &lt;3 &gt; &quot;q&quot; &apos;a&apos;', 'AT&T <3 > "q" \'a\''],
    ['caf&eacute; cr&egrave;me &Uuml;ber na&iuml;ve', 'café crème Über naïve'],
    ['&nbsp;&ndash;&mdash;&hellip;&lsquo;&rsquo;&ldquo;&rdquo;&euro;&pound;&copy;&trade;', '\u00a0–—…‘’“”€£©™'],
    ['&#8217; &#x2019; &#X1F54A;', '’ ’ 🕊'],
    ['&alpha;&Omega; &rarr; &le; &infin;', 'αΩ → ≤ ∞'],
    ['&#0; &#xD800; &#1114112;', '\ufffd \ufffd \ufffd'],
    // The edges: the last surrogate is replaced, the characters either side of the surrogates and
    // the last code point are kept.
    ['&#xD7FF; &#xDFFF; &#xE000; &#x10FFFF; &#x110000;', '\ud7ff \ufffd \ue000 \udbff\udfff \ufffd'],
    ['&unknownname; & alone &amp', '&unknownname; & alone &amp'],
    ['no references', 'no references'],
  ])('%j', (html, text) => {
    expect(decodeHTML(html)).toBe(text);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'isPrototypeOf'])(
    'leaves &%s; (a name on Object.prototype) as written instead of throwing',
    (name) => {
      expect(decodeHTML(`a &${name}; b &amp; c`)).toBe(`a &${name}; b & c`);
    },
  );

  it('agrees with the full entities table on every name it knows', async () => {
    const { NAMED } = await import('@/utils/feed/html-entities');
    for (const name of NAMED.keys()) expect(decodeHTML(`&${name};`), name).toBe(reference(`&${name};`));
  });
});
