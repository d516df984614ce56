import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, retryDelayMs } from '@/utils/feed/backoff';

const MIN = 60e3;
const top = () => 0.999999;

describe('retryDelayMs', () => {
  it('grows exponentially with each failure, up to 6 hours', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 10].map((failures) =>
      Math.round(retryDelayMs({ failures, baseMs: 15 * MIN, random: top }) / MIN),
    );
    expect(ceilings).toEqual([15, 30, 60, 120, 240, 360, 360, 360]);
  });

  it('jitters over the whole range (full jitter)', () => {
    expect(retryDelayMs({ failures: 3, baseMs: 15 * MIN, random: () => 0 })).toBe(0);
    expect(retryDelayMs({ failures: 3, baseMs: 15 * MIN, random: () => 0.5 })).toBe(30 * MIN);
  });

  it('never retries sooner than Retry-After asks, nor later than the cap', () => {
    expect(retryDelayMs({ failures: 1, baseMs: 15 * MIN, retryAfterMs: 2 * 3600e3, random: () => 0 })).toBe(2 * 3600e3);
    expect(retryDelayMs({ failures: 1, baseMs: 15 * MIN, retryAfterMs: 48 * 3600e3, random: () => 0 })).toBe(
      MAX_BACKOFF_MS,
    );
  });
});
