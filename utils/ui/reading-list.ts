// Chrome's Reading List (Chrome 120+), behind the optional `readingList` permission, asked for at
// first use. Pages only; Firefox has no Reading List and its build does not declare the permission.
import { browser } from 'wxt/browser';

interface ReadingListApi {
  addEntry(entry: { title: string; url: string; hasBeenRead: boolean }): Promise<void>;
}

const PERMISSION = { permissions: ['readingList'] } as unknown as Parameters<typeof browser.permissions.request>[0];

export type ReadingListOutcome = 'added' | 'already' | 'denied' | 'failed';

/**
 * True where the browser knows the Reading List: it answers whether the permission is held (a
 * browser without the API refuses the question).
 */
export async function readingListSupported(): Promise<boolean> {
  if (import.meta.env.FIREFOX) return false;
  try {
    await browser.permissions.contains(PERMISSION);
    return true;
  } catch {
    return false;
  }
}

/**
 * Adds the story, unread. Call it straight from a click: the permission prompt needs the gesture,
 * so the request is the first thing it does.
 */
export async function addToReadingList(title: string, url: string): Promise<ReadingListOutcome> {
  let granted: boolean;
  try {
    granted = await browser.permissions.request(PERMISSION);
  } catch {
    return 'failed';
  }
  if (!granted) return 'denied';
  const api = (globalThis as { chrome?: { readingList?: ReadingListApi } }).chrome?.readingList;
  if (!api) return 'failed';
  try {
    await api.addEntry({ title, url, hasBeenRead: false });
    return 'added';
  } catch (error) {
    // Chrome refuses a second entry for the same address.
    return /duplicate|exists/i.test(String(error)) ? 'already' : 'failed';
  }
}
