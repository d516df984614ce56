// Atom feeds shaped like the site's, of any length: shared by the benchmark and the browser tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const fixture = readFileSync(resolve(import.meta.dirname, '../fixtures/smileband-atom.xml'), 'utf8');
/** The feed document up to its first entry. */
export const head = fixture.slice(0, fixture.indexOf('<entry>'));
/** The fixture's 25 entries. */
export const entries = fixture.match(/<entry>[\s\S]*?<\/entry>/g)!;

/**
 * An Atom feed of `count` entries shaped like the site's: the fixture's 25 posts repeated with new
 * ids and older dates (as make-feeds.mjs --entries N does). `offset` skips the newest entries, to
 * fill a store past one poll's item cap.
 */
export function bigFeed(count: number, offset = 0): string {
  const out: string[] = [];
  for (let i = offset; i < offset + count; i++) {
    const round = Math.floor(i / entries.length);
    const entry = entries[i % entries.length]!;
    out.push(
      round === 0
        ? entry
        : entry
            .replace(/\.post-(\d+)</, `.post-$1r${round}<`)
            .replace(/<published>(\d{4})/, (_m, year: string) => `<published>${Number(year) - round}`)
            .replace(/\.html'/, `-${round}.html'`),
    );
  }
  return `${head}${out.join('')}</feed>`;
}
