// What storage.local counts against its quota: the key plus the value as Chromium writes it in
// JSON (`<`, `>`, `&`, U+2028 and U+2029 escaped as \uXXXX; text in UTF-8). The storage budget
// (retention, offline bodies) is kept in these bytes.
import { describe, expect, it } from 'vitest';
import { cutToBytes, entryBytes } from '@/utils/feed/stored-size';

describe('entryBytes', () => {
  it.each([
    ['plain ASCII', 'a', 3],
    ['the last one-byte character', '\u007f', 3],
    ['< > & (escaped to six bytes each)', '<>&', 2 + 18],
    ['the first two-byte character', '\u0080', 4],
    ['the last two-byte character', '\u07ff', 4],
    ['the first three-byte character', '\u0800', 5],
    ['line and paragraph separators (escaped)', '\u2028\u2029', 2 + 12],
    ['their neighbour', '\u2027', 5],
    ['the last character before the surrogates', '\ud7ff', 5],
    ['an emoji (a surrogate pair: four bytes)', '😀', 6],
    ['the first and last surrogate pairs', '\ud800\udc00\udbff\udfff', 2 + 8],
    ['the first character after the surrogates', '\ue000', 5],
    ['a quote and a backslash (escaped to two each)', '"\\', 2 + 4],
  ])('%s', (_case, value, bytes) => {
    expect(entryBytes('k', value)).toBe(1 + bytes);
  });

  it('counts the key as well, and a missing value as null', () => {
    expect(entryBytes('body:<1>', 'x')).toBe(6 + 12 + 3);
    expect(entryBytes('k', undefined)).toBe(1 + 4);
    expect(entryBytes('k', { a: [1, '<'] })).toBe(1 + '{"a":[1,"'.length + 6 + '"]}'.length);
  });
});

describe('cutToBytes', () => {
  it('keeps a text that fits exactly', () => {
    expect(cutToBytes('ab', 4)).toEqual({ text: 'ab', bytes: 4, cut: false });
  });

  it('cuts before the first character that would not fit, counting escapes', () => {
    expect(cutToBytes('a"b', 4)).toEqual({ text: 'a', bytes: 3, cut: true });
    expect(cutToBytes('a\\b', 4)).toEqual({ text: 'a', bytes: 3, cut: true });
    expect(cutToBytes('a<b', 8)).toEqual({ text: 'a', bytes: 3, cut: true });
    expect(cutToBytes('a<b', 9)).toEqual({ text: 'a<', bytes: 9, cut: true });
  });

  it('counts control characters as JSON writes them: \\t in two bytes, others in six', () => {
    expect(cutToBytes('\t\n\r\b\f', 12)).toEqual({ text: '\t\n\r\b\f', bytes: 12, cut: false });
    expect(cutToBytes('\u0001', 8)).toEqual({ text: '\u0001', bytes: 8, cut: false });
    expect(cutToBytes('\u0001', 7)).toEqual({ text: '', bytes: 2, cut: true });
    expect(cutToBytes('\u001f', 8)).toEqual({ text: '\u001f', bytes: 8, cut: false });
  });

  it('never cuts inside a surrogate pair, and counts only what it keeps', () => {
    // "a" and the pair's first half fit in 5 bytes; the second half does not: the pair goes whole.
    expect(cutToBytes('a😀', 5)).toEqual({ text: 'a', bytes: 3, cut: true });
    expect(cutToBytes('a😀', 7)).toEqual({ text: 'a😀', bytes: 7, cut: false });
    expect(cutToBytes('a\udbff\udfff', 5)).toEqual({ text: 'a', bytes: 3, cut: true });
    expect(cutToBytes('a\ud800\udc00', 5)).toEqual({ text: 'a', bytes: 3, cut: true });
    // A second half alone (no pair to keep whole): the text before it stays.
    expect(cutToBytes('ab\udc00', 4)).toEqual({ text: 'ab', bytes: 4, cut: true });
    // … also right after a whole pair, which stays whole.
    expect(cutToBytes('😀\udc00', 7)).toEqual({ text: '😀', bytes: 6, cut: true });
    // A first half alone before the cut is no pair either: it stays, whatever follows it.
    expect(cutToBytes('a\ud800b', 5)).toEqual({ text: 'a\ud800', bytes: 5, cut: true });
    expect(cutToBytes('a\ud800ｂ', 5)).toEqual({ text: 'a\ud800', bytes: 5, cut: true });
  });
});
