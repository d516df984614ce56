import { describe, expect, it } from 'vitest';
import { attributeValue, htmlToText, htmlTokens, textLines } from '@/utils/feed/html-text';

describe('textLines', () => {
  it.each([
    ['blocks become lines', '<p>One</p><div>Two</div><h2>Three</h2>', ['One', 'Two', 'Three']],
    ['<br> breaks a line', 'One<br />Two<br>Three', ['One', 'Two', 'Three']],
    ['inline tags do not', '<p><b>Bold</b>: <i>rest</i> of <a href="#">it</a></p>', ['Bold: rest of it']],
    ['empty blocks vanish', '<p>&nbsp;</p><div><br /></div><p> A </p>', ['A']],
    [
      'script, style and comments are not text',
      '<script>var a = "<p>x</p>";</script><style>p{}</style><!-- c --><p>Seen</p>',
      ['Seen'],
    ],
    ['an unclosed script hides the rest', '<p>Before</p><script>never closed <p>hidden</p>', ['Before']],
    ['entities decode', '<p>AT&amp;T &lt;3 &#8217;quoted&#x2019; &eacute;</p>', ['AT&T <3 ’quoted’ é']],
    ['attributes with > in quotes', '<p title="a > b">Text</p>', ['Text']],
    ['list items', '<ul><li>First</li><li>Second</li></ul>', ['First', 'Second']],
    ['plain text', 'Just text', ['Just text']],
    ['a lone < is text', '<p>a < b, 3 <4</p>', ['a < b, 3 <4']],
    [
      'an unclosed tag ends the text, as at the end of a document',
      '<p>Shown</p><p>Also <a href="x" hidden',
      ['Shown', 'Also'],
    ],
    ['a quote outside a value does not open one', "<p class=x don't>One</p><p>Two</p>", ['One', 'Two']],
    ['a caption cell is left out', '<table><tr><td class="tr-caption">Caption</td></tr></table><p>Text</p>', ['Text']],
    [
      'a figcaption with nested tags is left out',
      '<figure><figcaption><b>Pic</b> <i>credit</i></figcaption></figure><p>Text</p>',
      ['Text'],
    ],
    ['doctype and processing instructions are not text', '<!DOCTYPE html><?xml x?><p>Text</p>', ['Text']],
  ])('%s', (_case, html, lines) => {
    expect([...textLines(html)]).toEqual(lines);
  });

  it('is lazy: taking the first line does not read the rest', () => {
    const huge = '<p>First</p>' + '<p>more</p>'.repeat(100_000);
    const iterator = textLines(huge);
    expect(iterator.next().value).toBe('First');
  });
});

// The tokenizer's edges, case by case: each would otherwise let markup through as a headline or
// swallow a real one.
describe('textLines at the edges of the markup', () => {
  it.each([
    ['a comment at the very start', '<!-- c -->Text', ['Text']],
    ['text on both sides of a comment', 'A<!-- c -->B', ['AB']],
    ['a comment that never closes hides the rest', 'A<!-- never closed <p>B</p>', ['A']],
    ['a doctype and a processing instruction', '<!doctype html><?xml version="1.0"?>Hi', ['Hi']],
    ['a declaration that never closes', 'A<!x', ['A']],
    ['upper-case tag names', '<H1>Up</H1>Low', ['Up', 'Low']],
    ['tag names at both ends of the alphabet', 'x<A>y<Z>z<a>w<z>v', ['xyzwv']],
    ['a < that starts no tag', 'a < b <5 c', ['a < b <5 c']],
    ['a quoted > after = with a space', '<a title = "x>y">T</a>', ['T']],
    ['… with a tab', '<a title=\t"x>y">T</a>', ['T']],
    ['… with a line feed', '<a title=\n"x>y">T</a>', ['T']],
    ['… with a carriage return', '<a title=\r"x>y">T</a>', ['T']],
    ['… with a form feed', '<a title=\f"x>y">T</a>', ['T']],
    ['… in single quotes', "<a title='x>y'>T</a>", ['T']],
    ['a quote that is not a value does not hide the >', '<p class=a "x>Shown', ['Shown']],
    ['a value quote that never closes hides the rest', 'A<a title="x>B', ['A']],
    ['raw text in any case', '<SCRIPT>if (a<b) x</Script>After', ['After']],
    ['a title element is not body text', '<title>Doc</title>Body', ['Body']],
    [
      'a figure caption is not the headline',
      '<figure><img src="x"><figcaption>Credit</figcaption></figure><p>Head</p>',
      ['Head'],
    ],
    ['Blogger’s caption cell', '<td class="x tr-caption">Photo: AP</td><p>Head</p>', ['Head']],
    // Class names match by case, as in the side panel's clean-up (classList) and in CSS.
    [
      'a class in other letters is another class',
      '<td class="TR-CAPTION">Photo: AP</td><p>Head</p>',
      ['Photo: AP', 'Head'],
    ],
    ['a class that only mentions caption is text', '<div class="my-caption">Shown</div>', ['Shown']],
    ['a caption container is not the caption', '<div class="tr-caption-container">Shown</div>', ['Shown']],
    [
      'a caption with a line break and nested blocks ends at its own end',
      '<div class="tr-caption">Cap<br>more<div>in</div>tail</div><p>Head</p>',
      ['Head'],
    ],
    ['entities and every kind of space', 'A&amp;B\t\n\r\f\u00a0\u200b\ufeffC', ['A&B C']],
    [
      'conditional comments pasted from Word, one right after another',
      '<!--[if gte mso 9]><xml>x</xml><![endif]--><!--[if gte mso 9]><style>y</style><![endif]--><p>Text</p>',
      ['Text'],
    ],
    ['a < before a character just past Z starts no tag', 'x <_y> z', ['x <_y> z']],
    ['a < before a character just past z starts no tag', 'x <{y}> z', ['x <{y}> z']],
    ['a quoted value right after the tag name hides its >', '<p="x>y">T</p>', ['T']],
    [
      'an unclosed element inside a caption does not stretch it',
      '<td class="tr-caption">Photo<p>credit</td><p>Head</p>',
      ['Head'],
    ],
    ['a picture with the caption class is no caption', '<img class="tr-caption" src="x">Head', ['Head']],
  ])('%s', (_case, html, lines) => {
    expect([...textLines(html)]).toEqual(lines);
  });
});

describe('htmlTokens', () => {
  it('reads a tag name with digits, hyphens and a prefix, and hands on its attributes', () => {
    expect([...htmlTokens('<x0-y:z9 a=1>t</x0-y:z9>')]).toEqual([
      { kind: 'tag', name: 'x0-y:z9', closing: false, attributes: ' a=1' },
      { kind: 'text', text: 't' },
      { kind: 'tag', name: 'x0-y:z9', closing: true, attributes: '' },
    ]);
  });

  it('hands on no empty text between a comment and a tag', () => {
    expect([...htmlTokens('<!--c--><b>x</b>')]).toEqual([
      { kind: 'tag', name: 'b', closing: false, attributes: '' },
      { kind: 'text', text: 'x' },
      { kind: 'tag', name: 'b', closing: true, attributes: '' },
    ]);
  });

  it('hands on the text before a comment and nothing for an empty one', () => {
    expect([...htmlTokens('A<!---->B')]).toEqual([
      { kind: 'text', text: 'A' },
      { kind: 'text', text: 'B' },
    ]);
  });
});

describe('htmlToText', () => {
  it('puts a space between lines', () => {
    expect(htmlToText('<p>One</p><p>Two</p>')).toBe('One Two');
  });
});

describe('attributeValue', () => {
  it.each([
    [' title="Quoted"', 'Quoted'],
    [" title='Single'", 'Single'],
    [' title=bare', 'bare'],
    [' title = "Spaced"', 'Spaced'],
    [' TITLE="Any case"', 'Any case'],
    [' title="a&amp;b"', 'a&b'],
    ['/title="after a slash"', 'after a slash'],
    [' hidden title', ''],
    [' hidden TITLE', ''],
    [' data-title="not it"', null],
    [' subtitle="not it either"', null],
    ['', null],
  ])('%j', (attributes, value) => {
    expect(attributeValue(attributes, 'title')).toBe(value);
  });
});
