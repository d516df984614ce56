// The list's "Unread only" choice, remembered across openings of the popup and shared with the
// side panel. The page's own localStorage, read synchronously: the first frame already shows the
// filtered list. A display preference of the pages, which the worker never needs.
const KEY = 'smileband-news:unread-only';

export function readUnreadOnly(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function writeUnreadOnly(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // Unavailable: the choice lasts while the page is open.
  }
}
