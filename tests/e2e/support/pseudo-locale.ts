import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A pseudo-locale for layout tests only: every string about 40 % longer and accented, as the
// longest real translations are. It never ships: tests build it into a copy of the extension.
const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ö',
  U: 'Ü',
};
// $NAME$ and $1 are filled in by the browser: they stay as they are.
const PLACEHOLDER = /(\$[A-Za-z0-9_]+\$|\$\d)/;

export function pseudoLocalize(text: string): string {
  const parts = text.split(PLACEHOLDER);
  const letters = parts.filter((_, i) => i % 2 === 0).join('').length;
  const accented = parts.map((part, i) => (i % 2 ? part : [...part].map((c) => ACCENTED[c] ?? c).join(''))).join('');
  const extra = Math.ceil(letters * 0.4);
  // The padding is one long word, as German compounds are: it cannot wrap inside.
  return extra > 1 ? `${accented} ${'ẍ'.repeat(extra - 1)}` : accented;
}

/** A copy of the built extension whose English strings are pseudo-localized; removed by `dispose`. */
export function pseudoLocalizedCopy(extensionPath: string): { path: string; dispose: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'smileband-pseudo-'));
  cpSync(extensionPath, path, { recursive: true });
  const file = join(path, '_locales', 'en', 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  for (const entry of Object.values(messages)) entry.message = pseudoLocalize(entry.message);
  writeFileSync(file, JSON.stringify(messages));
  // Only English is left, so every UI language gets the pseudo strings.
  rmSync(join(path, '_locales', 'de'), { recursive: true });
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}
