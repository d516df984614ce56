// For `npm run mutate` (stryker.config.json): the unit and component projects of vitest.config.ts,
// in their UTC clock only. StrykerJS reruns the tests that cover each mutant; the browser suites
// and the second clock stay out.
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from './vitest.config';

const KEEP = new Set(['unit', 'components']);
const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    reporters: ['default'],
    // Instrumented code runs several times slower than the shipped code.
    testTimeout: 30_000,
    projects: projects.filter((project) => KEEP.has(nameOf(project))),
  },
});

function nameOf(project: TestProjectInlineConfiguration): string {
  const name = project.test?.name;
  return typeof name === 'string' ? name : (name?.label ?? '');
}
