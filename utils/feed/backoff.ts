/** Waits never exceed this, whatever the failures (6 h). */
export const MAX_BACKOFF_MS = 6 * 3600e3;

export interface RetryInput {
  /** Failures in a row, this one included (1 or more). */
  failures: number;
  /** The poll interval: the first retry waits up to one interval, each failure doubles that. */
  baseMs: number;
  /** What the server asked for (Retry-After), if anything. */
  retryAfterMs?: number;
  /** 0 ≤ random() < 1; injected so tests can pin it. */
  random: () => number;
}

/**
 * How long to wait before polling again after a failure: exponential backoff with full jitter
 * (a random wait up to base × 2^(failures−1), capped), but never sooner than the server asked.
 */
export function retryDelayMs({ failures, baseMs, retryAfterMs = 0, random }: RetryInput): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.min(MAX_BACKOFF_MS, Math.max(Math.round(random() * ceiling), retryAfterMs));
}
