import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const root = resolve(import.meta.dirname, '../..');
const localesDir = join(root, 'public/_locales');
const read = (lang: string) => JSON.parse(readFileSync(join(localesDir, lang, 'messages.json'), 'utf8')) as Messages;
const en = read('en');
const languages = readdirSync(localesDir);

/** All source the extension ships, where message names appear as 'name' or __MSG_name__. */
function source(): string {
  const files: string[] = [join(root, 'wxt.config.ts')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|html)$/.test(entry.name)) files.push(path);
    }
  };
  ['entrypoints', 'components', 'utils'].forEach((dir) => walk(join(root, dir)));
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

describe('locales', () => {
  it('ship English and at least one more language', () => {
    expect(languages).toContain('en');
    expect(languages.length).toBeGreaterThan(1);
  });

  it.each(languages)('%s has every English message, no extra one, and the same placeholders', (lang) => {
    const messages = read(lang);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.message.trim(), `${lang}/${key}`).not.toBe('');
      expect(Object.keys(entry.placeholders ?? {}).sort(), `${lang}/${key}`).toEqual(
        Object.keys(en[key]!.placeholders ?? {}).sort(),
      );
      for (const name of Object.keys(entry.placeholders ?? {})) {
        expect(entry.message.toLowerCase(), `${lang}/${key} uses $${name}$`).toContain(`$${name}$`);
      }
    }
  });

  it('uses every message in code, and every message the code names exists', () => {
    const code = source();
    const unused = Object.keys(en).filter((key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
    const named = [...code.matchAll(/\bt\('(\w+)'/g)].map((match) => match[1]!);
    expect(named.filter((key) => !(key in en))).toEqual([]);
  });
});
