import { describe, expect, it } from 'vitest';
import { clockTime } from '@/utils/ui/clock-time';

describe('clockTime', () => {
  const now = Date.parse('2026-02-03T12:00:00Z');
  const local = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en', options).format(Date.parse(iso));

  it('says the time alone for later today, as the reader’s clock says it', () => {
    const at = '2026-02-03T12:10:00Z';
    expect(clockTime(at, now)).toBe(local(at, { timeStyle: 'short' }));
  });

  it('adds the date for another day', () => {
    const at = '2026-02-05T12:10:00Z';
    expect(clockTime(at, now)).toBe(local(at, { dateStyle: 'medium', timeStyle: 'short' }));
    expect(clockTime(at, now)).toMatch(/Feb/);
  });
});
