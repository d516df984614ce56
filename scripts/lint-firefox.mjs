#!/usr/bin/env node
// Runs Mozilla's addons-linter on the Firefox build and fails on any error or warning. (The HTML
// sinks inside Preact and DOMPurify are removed at build time: modules/build-patches/library-patches.ts.)
import { execFileSync } from 'node:child_process';

const dir = process.argv[2] ?? '.output/firefox-mv2';
let report;
try {
  report = JSON.parse(execFileSync('npx', ['addons-linter', '--output', 'json', dir], { encoding: 'utf8' }));
} catch (error) {
  // addons-linter exits non-zero when it finds errors; its report is still on stdout.
  report = JSON.parse(error.stdout);
}

const problems = [...report.errors, ...report.warnings];
for (const m of problems) console.error(`${m._type}: ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
console.log(`addons-linter: ${report.errors.length} errors, ${report.warnings.length} warnings`);
process.exit(problems.length ? 1 : 0);
