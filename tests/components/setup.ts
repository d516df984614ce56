import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Unmount between tests: testing-library only does this by itself when vitest globals are on.
afterEach(cleanup);
