import { findExecutable } from './executable';

/** The Chromium to drive: $CHROMIUM_PATH, else the first one on PATH. */
export function findChromium(): string {
  return findExecutable(
    'CHROMIUM_PATH',
    ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'],
    'The real-browser tests need Chromium, and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium chromium-l10n\n' +
      '  Elsewhere: set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}
