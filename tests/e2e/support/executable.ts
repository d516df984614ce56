import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * A browser to drive: the path in `$envVar`, else the first of `names` on PATH. Never downloads
 * one; when none is found, the error says how to install it.
 */
export function findExecutable(envVar: string, names: string[], missing: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${envVar} is set to ${fromEnv}, but there is no such file.`);
  }
  for (const name of names) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error(missing);
}
