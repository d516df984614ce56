import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The Chromium to drive: $CHROMIUM_PATH, else the first one on PATH. Never downloads one. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no such file.`);
  }
  for (const name of CANDIDATES) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error(
    'The real-browser tests need Chromium, and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium chromium-l10n\n' +
      '  Elsewhere: set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}
