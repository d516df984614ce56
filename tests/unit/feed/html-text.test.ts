import { describe, expect, it } from 'vitest';
import { textLines } from '@/utils/feed/html-text';

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
