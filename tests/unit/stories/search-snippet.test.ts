// Why the blog's search found a story whose headline does not say it: the stretch of its text that does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchSnippet } from '@/utils/stories/search-snippet';
import { fold } from '@/utils/stories/story-rules';

const BODY =
  'Sponsored by Smileband. Hello viewers. Talks in Doha resumed on Monday as aid convoys waited at the border ' +
  'for a third day. Both sides agreed a ceasefire on Sunday night, officials said, and the first lorries are ' +
  'expected to cross by Wednesday if the truce holds through the weekend.';

describe('searchSnippet', () => {
  it('cuts the text around the first word the headline lacks, at spaces, with … where it was cut', () => {
    const snippet = searchSnippet(BODY, 'Truce holds in the south', 'ceasefire', 80)!;
    expect(snippet).toMatch(/^…\S.*ceasefire.*\S…$/);
    expect(snippet.length).toBeLessThanOrEqual(82);
    // Whole words only: every word of the snippet is a word of the text.
    const words = new Set(BODY.split(' '));
    expect(
      snippet
        .slice(1, -1)
        .split(' ')
        .every((word) => words.has(word)),
    ).toBe(true);
    // Some context before the match, most of the room after it.
    const before = snippet.indexOf('ceasefire');
    expect(before).toBeGreaterThan(5);
    expect(before).toBeLessThan(snippet.length / 2);
  });

  it('matches as the list’s search does: folded, at word starts, any word the headline lacks', () => {
    expect(searchSnippet('Stratégie: les CESSEZ-le-feu tiennent', 'Truce', 'cessez')).toBe(
      'Stratégie: les CESSEZ-le-feu tiennent',
    );
    // "rate" starts no word of "Strategy", so that is no match.
    expect(searchSnippet('A strategy for the region', 'Truce', 'rate')).toBeNull();
    // The headline has "truce"; the text is asked only for "lorries".
    expect(searchSnippet(BODY, 'Truce holds', 'truce lorries', 40)).toContain('lorries');
    expect(searchSnippet(BODY, 'Truce holds', 'truce lorries', 40)).not.toContain('truce');
  });

  it('says nothing when the headline shows every word, or the text has none of the missing ones', () => {
    expect(searchSnippet(BODY, 'Ceasefire agreed in Doha', 'ceasefire doha')).toBeNull();
    expect(searchSnippet(BODY, 'Truce holds', 'zebra')).toBeNull();
    expect(searchSnippet('', 'Truce holds', 'ceasefire')).toBeNull();
  });

  it('keeps a short text whole, without …', () => {
    expect(searchSnippet('A ceasefire was agreed.', 'Truce', 'ceasefire')).toBe('A ceasefire was agreed.');
  });

  it('always holds a missing word, within its room, as whole words of the text (generated texts)', () => {
    // Letters only: "÷" (in à-ÿ) is not one, so "ì" in "÷ìà" starts a word as the search reads it.
    const word = fc.stringMatching(/^[a-zà-öø-ÿ]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 80 }),
        fc.nat(),
        fc.integer({ min: 20, max: 200 }),
        (words, pick, max) => {
          const text = words.join(' ');
          const query = words[pick % words.length]!;
          const snippet = searchSnippet(text, '123', query, max);
          expect(snippet).not.toBeNull();
          const inner = snippet!.replace(/^…/, '').replace(/…$/, '');
          expect(` ${text} `).toContain(` ${inner} `);
          // Folded as the search folds: "ú" finds "ùa".
          expect(inner.split(' ').some((part) => fold(part).startsWith(fold(query)))).toBe(true);
          expect(inner.length).toBeLessThanOrEqual(max);
          // No … where nothing was cut.
          if (!snippet!.startsWith('…')) expect(text.startsWith(inner)).toBe(true);
          if (!snippet!.endsWith('…')) expect(text.endsWith(inner)).toBe(true);
          if (snippet!.length === inner.length) expect(inner).toBe(text);
        },
      ),
    );
  });
});
