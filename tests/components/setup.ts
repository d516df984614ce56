import { cleanup } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';

// Unmount between tests: testing-library only does this by itself when vitest globals are on.
afterEach(cleanup);

// One stand-in for the pages' requests to the worker (tests/support/messages-mock.ts).
vi.mock('@/utils/platform/messages', async (original) => ({
  ...(await original<object>()),
  sendRequest: (await import('../support/messages-mock')).sendRequest,
}));
