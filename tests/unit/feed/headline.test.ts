import { describe, expect, it } from 'vitest';
import { cutAtWord, deriveHeadline, isGenericTitle } from '@/utils/feed/headline';

const GREETING = 'Dear 222 News viewers, sponsored by smileband,&nbsp;';

describe('deriveHeadline', () => {
  it.each([
    [
      'greeting, blank line, headline',
      `<div>${GREETING}</div><div><br /></div><div><b>Real headline</b></div><div>Body.</div>`,
      'Real headline',
      'smileband',
    ],
    [
      'an AD marker before the greeting',
      `<p>AD</p><p>${GREETING}</p><h2>After the ad</h2><p>Body.</p>`,
      'After the ad',
      'smileband',
    ],
    [
      'a leading image',
      `<div class="separator"><a href="https://x/y.jpg"><img src="https://x/y.jpg" /></a></div><p>${GREETING}<br /><br /><span>Below the image</span></p>`,
      'Below the image',
      'smileband',
    ],
    ['no greeting at all', '<p><b>Plain headline</b></p><p>Body text.</p>', 'Plain headline', null],
    [
      'greeting and headline on one line',
      '<p>Dear 222 News viewers, sponsored by smileband, Same-line headline</p>',
      'Same-line headline',
      'smileband',
    ],
    [
      'inline markup inside the headline',
      `<div>${GREETING}</div><div><span><b>The Nadir Crater</b>: The Newly Uncovered Impact</span></div>`,
      'The Nadir Crater: The Newly Uncovered Impact',
      'smileband',
    ],
    [
      'another sponsor',
      '<p>Dear readers, sponsored by Acme Dental Ltd,</p><p>Teeth news</p>',
      'Teeth news',
      'Acme Dental Ltd',
    ],
    ['a "Sponsored by" line', '<p>Sponsored by Brightsmile.</p><p>Short headline</p>', 'Short headline', 'Brightsmile'],
    [
      'tracking code before the headline',
      `<!-- Google tag --><script>gtag('js', new Date());</script><p>${GREETING}</p><p>After the script</p>`,
      'After the script',
      'smileband',
    ],
    [
      'entities and no-break spaces',
      `<p>${GREETING}</p><p>AT&amp;T&nbsp;&nbsp;meets&#160;Starlink</p>`,
      'AT&T meets Starlink',
      'smileband',
    ],
  ])('finds the headline after %s', (_case, html, headline, sponsor) => {
    expect(deriveHeadline('Smileband News', html, 'Smileband News')).toEqual({ headline, sponsor });
  });

  it('keeps a real title, and still finds the sponsor', () => {
    const html = `<p>&nbsp;</p><p>${GREETING}</p><p><b>TikTok Star Arrested</b></p>`;
    expect(deriveHeadline('TikTok Star Arrested', html, 'Smileband News')).toEqual({
      headline: 'TikTok Star Arrested',
      sponsor: 'smileband',
    });
  });

  it('falls back to the title when the body has no text', () => {
    expect(deriveHeadline('Smileband News', '<p><img src="https://x/y.jpg" /></p>', 'Smileband News')).toEqual({
      headline: 'Smileband News',
      sponsor: null,
    });
    expect(deriveHeadline('', '', '').headline).toBe('Untitled story');
  });

  it('shortens a first line that is a whole paragraph, at a word', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const { headline } = deriveHeadline('Smileband News', `<p>${words}</p>`, 'Smileband News');
    expect(headline.length).toBeLessThanOrEqual(201);
    expect(headline).toMatch(/^word0 word1 .* word\d+…$/);
  });

  it('cuts at the last whole word before 200 characters, never inside one', () => {
    // Six-letter words: the 200th character falls inside the 29th word.
    const words = Array.from({ length: 40 }, (_, i) => `w${String(i).padStart(5, '0')}`);
    const { headline } = deriveHeadline('Smileband News', `<p>${words.join(' ')}</p>`, 'Smileband News');
    expect(headline).toBe(`${words.slice(0, 28).join(' ')}…`);
  });

  it('keeps a line of exactly 200 characters whole, and cuts one of 201', () => {
    const line = `${'Budget '.repeat(28)}1234`;
    expect(line).toHaveLength(200);
    expect(cutAtWord(line, 200)).toBe(line);
    expect(cutAtWord(`${line}5`, 200)).toBe(`${'Budget '.repeat(27)}Budget…`);
  });

  it('keeps the last word whole when it ends exactly at the limit', () => {
    const line = `${'Budget '.repeat(28)}1234`;
    expect(cutAtWord(`${line} and more`, 200)).toBe(`${line}…`);
  });

  it('does not take a sponsor greeting from deep in the body', () => {
    const html = '<p>Headline first</p><p>Para.</p><p>Dear readers, sponsored by Late Ltd,</p>';
    expect(deriveHeadline('Smileband News', html, 'Smileband News')).toEqual({
      headline: 'Headline first',
      sponsor: null,
    });
  });
});

describe('isGenericTitle', () => {
  it.each([
    ['Smileband News', '', true],
    ['  smileband   news ', '', true],
    ['', '', true],
    ['My Blog', 'My Blog', true],
    ['Bank of England Holds Rates', 'Smileband News', false],
  ])('%j (feed %j) → %s', (title, feedTitle, generic) => {
    expect(isGenericTitle(title, feedTitle)).toBe(generic);
  });
});
