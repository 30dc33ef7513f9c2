// `npm test`: every check the project has, in one run: lint, types, build, unit + integration tests,
// keychain tests against a real gnome-keyring, and end-to-end tests in Chromium.
// Every step runs even when an earlier one fails, so one run shows everything that is wrong; the last
// line is the total ("N passed, N failed, N skipped") and the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

for (const [command, args] of [
  ['bash', ['scripts/ensure-system-deps.sh']],
  [process.execPath, ['scripts/ensure-node-native.mjs']],
]) {
  const ensure = spawnSync(command, args, { stdio: 'inherit' });
  if (ensure.status !== 0) process.exit(ensure.status ?? 1);
}

/** A vitest run (after `launcher`, e.g. a keyring wrapper) whose JSON report the summary reads. */
function vitestStep(name, report, launcher, extraArgs) {
  const file = `${results}/${report}.json`;
  return {
    name,
    cmd: [
      ...launcher,
      'npx',
      'vitest',
      'run',
      ...extraArgs,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    report: { file, kind: 'vitest' },
  };
}

const steps = [
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint'] },
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'] },
  vitestStep('unit + integration', 'unit', [], []),
  vitestStep(
    'keychain',
    'keychain',
    ['scripts/with-keyring.sh'],
    ['--config', 'vitest.keychain.config.ts', '--passWithNoTests'],
  ),
  {
    name: 'e2e',
    // The web build keeps secrets in the OS keychain, so the browser tests run with a real one too.
    cmd: ['scripts/with-keyring.sh', 'npx', 'playwright', 'test'],
    report: { file: `${results}/e2e.json`, kind: 'playwright' },
  },
];

const summary = [];
for (const step of steps) {
  console.log(`\n━━ ${step.name} ━━`);
  const run = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit' });
  const counts = step.report ? readCounts(step.report) : undefined;
  summary.push({ name: step.name, ok: run.status === 0, counts });
}

console.log('\n━━ summary ━━');
const total = { passed: 0, failed: 0, skipped: 0 };
for (const { name, ok, counts } of summary) {
  const detail = counts ? `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : '';
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(20)} ${detail}`);
  if (counts) for (const key of Object.keys(total)) total[key] += counts[key];
  // A step that failed without a test report (lint, types, build) still counts as a failure.
  if (!ok && (!counts || counts.failed === 0)) total.failed += 1;
}
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(summary.every((step) => step.ok) ? 0 : 1);

function readCounts({ file, kind }) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'vitest') {
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  }
  const stats = report.stats;
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}
