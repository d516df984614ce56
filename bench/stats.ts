export interface Sample {
  median: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Sample {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

/** Runs `a` and `b` alternately (so drift hits both alike) and returns their samples. */
export async function paired(
  runs: number,
  a: () => Promise<number> | number,
  b: () => Promise<number> | number,
): Promise<[number[], number[]]> {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      bs.push(await b());
      as.push(await a());
    } else {
      as.push(await a());
      bs.push(await b());
    }
  }
  return [as, bs];
}

/** Runs each of `runs` in turn, rotating who goes first, and returns one sample per function. */
export async function pairedMany(runs: number, fns: (() => Promise<number> | number)[]): Promise<number[][]> {
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < fns.length; j++) {
      const k = (i + j) % fns.length;
      samples[k]!.push(await fns[k]!());
    }
  }
  return samples;
}

/** Collects the heap (with --expose-gc, as the bench runs), so a sample pays only for its own garbage. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

export async function timed(run: () => unknown): Promise<number> {
  collect();
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * How much slower `a` is than `b`: the median of the ratios of each alternated pair. Two runs side
 * by side share the machine's state (heap size, other load), so their ratio is steadier than a ratio
 * of medians taken over a drifting machine.
 */
export function pairedRatio(as: number[], bs: number[]): number {
  return summarize(as.map((a, i) => a / bs[i]!)).median;
}

export function timedSync(run: () => unknown): number {
  collect();
  const start = performance.now();
  run();
  return performance.now() - start;
}
