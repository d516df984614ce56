import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The script files an extension page loads: its entry and every chunk it preloads. */
export function pageScripts(dir: string, page: string): string[] {
  const html = readFileSync(resolve(dir, page), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1]!);
}

/** The stylesheets an extension page links, as `<link>` tags for a static copy of it. */
export function pageStylesheetLinks(dir: string, page: string): string {
  const html = readFileSync(resolve(dir, page), 'utf8');
  return [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+\.css)"/g)]
    .map((match) => `<link rel="stylesheet" href="${match[1]!}">`)
    .join('');
}

/** KB (1024 bytes) of the files gzipped one by one, as a browser would fetch them. */
export function gzipKB(dir: string, files: string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(resolve(dir, file))).length, 0) / 1024;
}

/** The text of the given files, joined. */
export function filesText(dir: string, files: string[]): string {
  return files.map((file) => readFileSync(resolve(dir, file), 'utf8')).join('\n');
}

/** The budgets CI holds (KB, gzip): the popup, side panel and worker as shipped. */
export const BUNDLE_BUDGETS_KB = { popup: 15, sidepanel: 34, background: 41 } as const;
