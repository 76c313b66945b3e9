/**
 * The closing lines of `.ci/run`: one line per vitest suite CI meant to run, then, alone on the
 * last line, `N passed, N failed` summed from their JSON reports.
 *
 *   node .ci/summary.mjs <suite>=<report.json>… [--failed-phase <name>]…
 *
 * A suite counts as failed when it did not finish (no report: it was never reached, or vitest
 * crashed), when a file failed without a failing test (an error while importing it or in a
 * `beforeAll`: its tests are « skipped »), and when the run failed with nothing counted (an error
 * in the global setup). A phase that is not a vitest suite (lint, typecheck, build, schemathesis)
 * and failed counts as one failed check, so that `0 failed` means everything CI ran was green.
 */
import { existsSync, readFileSync } from 'node:fs';

const suites = [];
const failedPhases = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--failed-phase') failedPhases.push(args[++i]);
  else {
    const [name, file] = args[i].split('=');
    suites.push({ name, file });
  }
}

function count({ name, file }) {
  if (!existsSync(file)) return { name, passed: 0, failed: 1, note: 'did not finish (no report), counted as 1 failed' };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let passed = 0;
  let failed = 0;
  let brokenFiles = 0;
  for (const testFile of report.testResults ?? []) {
    const statuses = (testFile.assertionResults ?? []).map((assertion) => assertion.status);
    passed += statuses.filter((status) => status === 'passed').length;
    const failedTests = statuses.filter((status) => status === 'failed').length;
    failed += failedTests;
    if (testFile.status === 'failed' && failedTests === 0) brokenFiles += 1;
  }
  failed += brokenFiles;
  const files = (report.testResults ?? []).length;
  let note = `${files} ${files === 1 ? 'file' : 'files'}`;
  if (brokenFiles > 0) note += `, ${brokenFiles} failed before their tests ran (each counted as 1 failed)`;
  if (report.success === false && failed === 0) {
    failed = 1;
    note += ', the run failed outside any test (global setup?), counted as 1 failed';
  }
  return { name, passed, failed, note };
}

const counted = suites.map(count);
for (const { name, passed, failed, note } of counted) console.log(`${name}: ${passed} passed, ${failed} failed — ${note}`);
if (failedPhases.length > 0) console.log(`failed checks: ${failedPhases.join(', ')} (each counted as 1 failed)`);
const passed = counted.reduce((sum, suite) => sum + suite.passed, 0);
const failed = counted.reduce((sum, suite) => sum + suite.failed, 0) + failedPhases.length;
console.log(`${passed} passed, ${failed} failed`);
