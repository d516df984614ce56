import { describe, expect, it, vi } from 'vitest';
import { relativeTime } from '@/utils/ui/relative-time';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const MINUTE = 60e3;
const ago = (ms: number) => relativeTime(NOW - ms, NOW, 'en');

describe('relativeTime says when, in words a reader uses', () => {
  it('anything under a minute, either way, is “now”', () => {
    expect(ago(0)).toBe('now');
    expect(ago(59_999)).toBe('now');
    expect(ago(-59_999)).toBe('now');
  });

  it('counts minutes from the first whole minute', () => {
    expect(ago(MINUTE)).toBe('1 minute ago');
    expect(ago(5 * MINUTE)).toBe('5 minutes ago');
    expect(ago(-5 * MINUTE)).toBe('in 5 minutes');
    expect(ago(59 * MINUTE)).toBe('59 minutes ago');
  });

  it('moves to the largest unit that fits, rounding within it', () => {
    expect(ago(60 * MINUTE)).toBe('1 hour ago');
    expect(ago(160 * MINUTE)).toBe('3 hours ago');
    expect(ago(24 * 60 * MINUTE)).toBe('yesterday');
    expect(ago(3 * 24 * 60 * MINUTE)).toBe('3 days ago');
    expect(ago(7 * 24 * 60 * MINUTE - MINUTE)).toBe('7 days ago');
  });

  it('past a week, gives the date, with its year when it is not this one', () => {
    // Noon UTC: the same date under either test clock (UTC, Adelaide).
    expect(ago(7 * 24 * 60 * MINUTE)).toBe('Nov 23');
    expect(ago(300 * 24 * 60 * MINUTE)).toBe('Feb 3');
    expect(ago(365 * 24 * 60 * MINUTE)).toBe('Nov 30, 2025');
    expect(relativeTime(Date.parse('2026-02-03T12:00:00Z'), NOW, 'de')).toBe('3. Feb.');
    expect(relativeTime(Date.parse('2025-02-03T12:00:00Z'), NOW, 'de')).toBe('3. Feb. 2025');
    // Ahead as well: a date, not "in 3 weeks".
    expect(ago(-21 * 24 * 60 * MINUTE)).toBe('Dec 21');
  });

  it('speaks the reader’s language', () => {
    expect(relativeTime(NOW - 5 * MINUTE, NOW, 'de')).toBe('vor 5 Minuten');
    expect(relativeTime(NOW, NOW, 'de')).toBe('jetzt');
    // A formatter made for one language is not reused for another.
    expect(relativeTime(NOW - 5 * MINUTE, NOW, 'en')).toBe('5 minutes ago');
  });

  it('builds a date formatter once per language and year style, not once per row (a 2000-row list)', () => {
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    const days = Array.from({ length: 50 }, (_, i) => ago((8 + i * 20) * 24 * 60 * MINUTE));
    expect(days[0]).toBe('Nov 22');
    expect(days[17]).toBe('Dec 17, 2025');
    expect(built.mock.calls.length).toBeLessThanOrEqual(2);
    built.mockRestore();
  });

  it('says nothing for a missing or invalid date', () => {
    expect(relativeTime(Number.NaN, NOW, 'en')).toBe('');
    expect(relativeTime(Date.parse('not a date'), NOW, 'en')).toBe('');
  });
});
