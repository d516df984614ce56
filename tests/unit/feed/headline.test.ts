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

  it('cuts inside a word only when the last space is in the first half', () => {
    // The space at exactly half the limit is too early: cutting there would lose half the line.
    expect(cutAtWord('abcde fghijklmnop', 10)).toBe('abcde fghi…');
    expect(cutAtWord('abcdef ghijklmnop', 10)).toBe('abcdef…');
  });

  it('drops every trailing separator before the ellipsis', () => {
    expect(cutAtWord('Rates, costs, ;; and more words here', 16)).toBe('Rates, costs…');
  });

  it('keeps the last word whole when it ends exactly at the limit', () => {
    const line = `${'Budget '.repeat(28)}1234`;
    expect(cutAtWord(`${line} and more`, 200)).toBe(`${line}…`);
  });

  it('finds a greeting that comes right after the headline, with or without a real title', () => {
    const html = '<p>AD</p><p>Rates rise again</p><p>Sponsored by Brightsmile</p><p>Body.</p>';
    expect(deriveHeadline('Smileband News', html, 'Smileband News')).toEqual({
      headline: 'Rates rise again',
      sponsor: 'Brightsmile',
    });
    expect(deriveHeadline('  Bank holds rates  ', html, 'Smileband News')).toEqual({
      headline: 'Bank holds rates',
      sponsor: 'Brightsmile',
    });
  });

  it('takes the sponsor from the first greeting and never a second greeting as the headline', () => {
    const html = '<p>Dear viewers, sponsored by Acme,</p><p>Sponsored by Other Ltd.</p><p>Real headline</p>';
    expect(deriveHeadline('Smileband News', html, 'Smileband News')).toEqual({
      headline: 'Real headline',
      sponsor: 'Acme',
    });
  });

  it('reads a greeting that ends without punctuation', () => {
    const html = '<p>Dear viewers, sponsored by Acme Dental</p><p>Teeth news</p>';
    expect(deriveHeadline('Smileband News', html, 'Smileband News')).toEqual({
      headline: 'Teeth news',
      sponsor: 'Acme Dental',
    });
  });

  it('trims a post’s own title, and the title used when the body has no text', () => {
    expect(deriveHeadline('  Bank holds rates  ', '<p>Body.</p>', 'Smileband News').headline).toBe('Bank holds rates');
    expect(deriveHeadline('  Bank holds rates  ', '', 'Smileband News').headline).toBe('Bank holds rates');
    expect(deriveHeadline(' Daily ', '<p><img src="https://x/y.jpg" /></p>', 'Daily').headline).toBe('Daily');
  });

  it('looks for the greeting in the first twelve lines only', () => {
    const markers = (n: number) => '<p>AD</p>'.repeat(n);
    const post = (n: number) => `${markers(n)}<p>Dear viewers, sponsored by Acme,</p><p>Headline</p>`;
    expect(deriveHeadline('Smileband News', post(11), 'Smileband News').sponsor).toBe('Acme');
    expect(deriveHeadline('Smileband News', post(12), 'Smileband News').sponsor).toBeNull();
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
