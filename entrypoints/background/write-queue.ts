// Read-modify-write of storage happens only here, one at a time: a "mark read" that lands while a
// poll is merging is applied after it, never lost. (All writers live in this worker.)
let tail: Promise<unknown> = Promise.resolve();

export function serialize<T>(task: () => Promise<T>): Promise<T> {
  const run = tail.then(task, task);
  tail = run.catch(() => {});
  return run;
}
