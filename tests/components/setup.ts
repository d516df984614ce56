import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Unmount between tests: testing-library only does this by itself when vitest globals are on.
afterEach(cleanup);

// Every test opens its page on empty storage, with nothing remembered in localStorage.
beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
});

// One stand-in for the pages' requests to the worker (tests/support/messages-mock.ts).
vi.mock('@/utils/platform/messages', async (original) => ({
  ...(await original<object>()),
  sendRequest: (await import('../support/messages-mock')).sendRequest,
}));
