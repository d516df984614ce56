// The pages' requests to the worker (utils/platform/messages.ts), for component tests: every test
// file of the components project gets this in place of the real one (tests/components/setup.ts),
// answering as the worker does when nothing changes. Reset to that answer before each test
// (`mockReset` in vitest.config.ts); a test sets what it needs with mockResolvedValueOnce.
import { vi } from 'vitest';
import type { Request } from '@/utils/platform/messages';

const NOTHING_CHANGED = {
  ok: true,
  error: null,
  added: 0,
  changed: [],
  full: false,
  done: false,
  ids: [],
  total: 0,
  next: null,
};

export const sendRequest = vi.fn<(request: Request) => Promise<unknown>>(() => Promise.resolve(NOTHING_CHANGED));
