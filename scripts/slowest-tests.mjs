// Prints the slowest unit and component tests of the last run (test-results/vitest.json), each
// against a quarter of vitest's 5 s timeout: a machine half as fast must still pass them.
import { readFileSync } from 'node:fs';

const QUARTER_MS = 1250;
const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
const tests = report.testResults
  .filter((file) => !/[\\/]e2e[\\/]/.test(file.name))
  .flatMap((file) =>
    file.assertionResults.map((test) => ({
      ms: Math.round(test.duration ?? 0),
      where: file.name.replace(/^.*?[\\/]tests[\\/]/, 'tests/'),
      title: test.title,
    })),
  )
  .sort((a, b) => b.ms - a.ms);
console.log(`slowest unit and component tests (a quarter of the timeout: ${QUARTER_MS} ms):`);
for (const { ms, where, title } of tests.slice(0, 10)) {
  console.log(`${String(ms).padStart(6)} ms${ms > QUARTER_MS ? ' (over)' : ''}  ${where}  ${title.slice(0, 80)}`);
}
