// The README's "Where things live" names every folder of utils/, entrypoints/ and modules/, and nothing that
// is not there: a newcomer's map of the code stays the code's.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const opening = readme.indexOf('```', readme.indexOf('Where things live')) + 3;
const tree = readme.slice(opening, readme.indexOf('```', opening));
const listed = (prefix: string) =>
  [...tree.matchAll(new RegExp(`^${prefix}(\\S+)`, 'gm'))].map((match) => match[1]!.replace(/\/$/, ''));
const entries = (folder: string) =>
  readdirSync(new URL(`${folder}/`, root)).filter(
    (name) => statSync(new URL(`${folder}/${name}`, root)).isDirectory() || /\.tsx?$/.test(name),
  );

describe('the README’s map of the code', () => {
  it.each(['utils', 'entrypoints', 'modules'])('lists each entry of %s/ once, and only those', (folder) => {
    const named = listed(`${folder}/`).filter((name) => name !== '*.ts');
    expect([...named].sort()).toEqual(entries(folder).sort());
  });

  it('keeps utils/ to eight entries, each one concern', () => {
    expect(entries('utils').length).toBeLessThanOrEqual(8);
  });
});
