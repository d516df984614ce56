// What Listen reads: real story text split into sentences (one utterance each), and the sentences
// of a rendered story, captions and credit lines left out, each tied to the text it covers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '@/utils/feed/parse-feed';
import { renderStory } from '@/utils/preview/sanitize';
import { sentenceSpans, spokenSentences } from '@/utils/preview/speech-text';

const sentences = (text: string, locale = 'en') => sentenceSpans(text, locale).map(([a, b]) => text.slice(a, b));

describe('sentenceSpans', () => {
  it('keeps abbreviations, initials, amounts and decimals inside their sentence', () => {
    expect(
      sentences(
        'Japan’s $550 billion investment into the U.S. economy is big. Mr. Smith said rates hold at 3.2%. ' +
          'Dr. Jones of the U.K. agreed, e.g. on pensions. It ends here.',
      ),
    ).toEqual([
      'Japan’s $550 billion investment into the U.S. economy is big.',
      'Mr. Smith said rates hold at 3.2%.',
      'Dr. Jones of the U.K. agreed, e.g. on pensions.',
      'It ends here.',
    ]);
  });

  it('splits at questions, exclamations and quoted endings, without the space around them', () => {
    expect(sentences('  He said: “It is over.” Then he left.   Is it? Yes!  ')).toEqual([
      'He said: “It is over.”',
      'Then he left.',
      'Is it?',
      'Yes!',
    ]);
  });

  it('reads German abbreviations as German does', () => {
    expect(sentences('Dr. Müller sagte z. B., dass es 3,5 Mio. Euro kostet. Das ist viel.', 'de')).toEqual([
      'Dr. Müller sagte z. B., dass es 3,5 Mio. Euro kostet.',
      'Das ist viel.',
    ]);
  });

  it('has nothing to read in empty or blank text', () => {
    expect(sentences('')).toEqual([]);
    expect(sentences(' \n ')).toEqual([]);
  });
});

describe('spokenSentences', () => {
  const story = (html: string) => {
    const root = document.createElement('div');
    root.innerHTML = html;
    return root;
  };

  it('starts a sentence at every block, follows text across inline markup, and marks exactly what it reads', () => {
    const root = story(
      '<h2>Talks resume</h2><p>Aid convoys <a href="#">waited <b>at the</b> border</a>. Both sides agreed.</p>' +
        '<ul><li>No full stop here</li><li>Nor here</li></ul>',
    );
    const spoken = spokenSentences(root, 'en');
    expect(spoken.map((sentence) => sentence.text)).toEqual([
      'Talks resume',
      'Aid convoys waited at the border.',
      'Both sides agreed.',
      'No full stop here',
      'Nor here',
    ]);
    for (const sentence of spoken) {
      const range = document.createRange();
      range.setStart(sentence.start.node, sentence.start.offset);
      range.setEnd(sentence.end.node, sentence.end.offset);
      expect(range.toString().replace(/\s+/g, ' ')).toBe(sentence.text);
    }
  });

  it('leaves out captions and credit lines', () => {
    const root = story(
      '<figure><img src="x.png"><figcaption>Photo: Reuters</figcaption></figure>' +
        '<table class="tr-caption-container"><tr><td class="tr-caption">Convoys at the border</td></tr></table>' +
        '<p>Image credit: AP</p><p>The story itself.</p>',
    );
    expect(spokenSentences(root, 'en').map((sentence) => sentence.text)).toEqual(['The story itself.']);
  });

  it('reads a real post as the side panel shows it: no sponsor greeting, no repeated headline, no tracking code', async () => {
    const xml = readFileSync(resolve(import.meta.dirname, '../../fixtures/smileband-atom.xml'), 'utf8');
    const [item] = (await parseFeed(xml, 'https://www.smileband.co.uk/feeds/posts/default')).items;
    const root = document.createElement('div');
    renderStory(root, item!.contentHtml, { baseUrl: item!.link, headline: item!.headline });
    const spoken = spokenSentences(root, 'en').map((sentence) => sentence.text);
    expect(spoken).toEqual([
      'Jamaica still faces a significant HIV epidemic, with an estimated 28,000 to 30,000 people living with the virus on the island.',
      'Current Situation in Jamaica',
      'Adult prevalence is around 1.5 % of the population.',
    ]);
    // All the story's text and nothing else: the greeting, the headline and the tracking code are gone already.
    expect(spoken.join('').replace(/\s/g, '')).toBe(root.textContent.replace(/\s/g, ''));
    expect(item!.contentHtml).toMatch(/viewers/i);
    expect(spoken.join(' ')).not.toMatch(/viewers|script|function/i);
  });
});
