import { describe, expect, it } from 'vitest';
import type { PollStatus } from '@/utils/storage';
import { statusText } from '@/utils/ui/status-text';

const NOW = Date.parse('2026-02-03T09:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const error = { kind: 'network' as const, host: '127.0.0.1', message: 'Could not reach 127.0.0.1.', at: ago(0) };
const status = (patch: Partial<PollStatus>): PollStatus => ({
  lastAttemptAt: ago(0),
  lastSuccessAt: null,
  lastChangeAt: null,
  error: null,
  ...patch,
});

describe('statusText', () => {
  it.each([
    ['updated minutes ago', status({ lastSuccessAt: ago(5 * 60e3) }), 'Updated 5 minutes ago', false],
    ['updated just now', status({ lastSuccessAt: ago(10e3) }), 'Updated now', false],
    ['checking for the first time', status({}), 'Checking for new stories…', false],
    ['never tried', status({ lastAttemptAt: null }), 'Not updated yet.', false],
    [
      'failing, never updated',
      status({ error }),
      'Could not reach 127.0.0.1. Check your connection. Not updated yet.',
      true,
    ],
    [
      'failing since an update minutes ago',
      status({ error, lastSuccessAt: ago(5 * 60e3) }),
      'Could not reach 127.0.0.1. Check your connection. Last updated 5 minutes ago.',
      true,
    ],
    // Never "Could not reach … Last updated now.": the failure alone.
    [
      'failing right after an update',
      status({ error, lastSuccessAt: ago(30e3) }),
      'Could not reach 127.0.0.1. Check your connection.',
      true,
    ],
    [
      'failing a minute after an update',
      status({ error, lastSuccessAt: ago(60e3) }),
      'Could not reach 127.0.0.1. Check your connection. Last updated 1 minute ago.',
      true,
    ],
  ])('%s', (_case, input, text, isError) => {
    expect(statusText(input, NOW)).toEqual({ text, isError });
  });
});
