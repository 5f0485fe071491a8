// `npm test`: the whole suite. Worker tests run inside workerd against real D1; the browser suite
// drives Debian's Chromium against `wrangler dev`. Chromium and the Thai font come from apt: this
// script installs them when it runs as root, and otherwise names the command to run.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { run } from './lib.mjs';

function hasThaiFont() {
  const r = spawnSync('fc-list', [':lang=th', 'family'], { encoding: 'utf8' });
  return r.status === 0 && /Loma|Garuda|Kinnari|Norasi|Waree|Sawasdee|Umpush/i.test(r.stdout);
}

function ensureBrowser() {
  // poppler-utils: pdffonts and pdftotext read the printed reports (tests/e2e/presentation.test.ts).
  if (existsSync('/usr/bin/chromium') && hasThaiFont() && existsSync('/usr/bin/pdffonts')) return;
  const cmd = 'apt-get update && apt-get install -y chromium fonts-thai-tlwg poppler-utils';
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing Chromium and the Thai font for the browser tests: ${cmd}`);
    run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${cmd} >/tmp/ita-board-apt.log 2>&1 || (tail -20 /tmp/ita-board-apt.log; exit 1)`]);
    return;
  }
  console.error(`The browser tests need Chromium and a Thai font. Run:\n  sudo sh -c '${cmd}'\nthen npm test again.`);
  process.exit(1);
}

mkdirSync('test-results', { recursive: true });
const suites = [
  { name: 'worker', args: ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/worker.json'] },
  { name: 'browser', args: ['run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/browser.json'] },
];

ensureBrowser();
run('node_modules/.bin/vite', ['build', '--logLevel', 'warn']);
let passed = 0;
let failed = 0;
let status = 0;
for (const suite of suites) {
  const r = spawnSync('node_modules/.bin/vitest', suite.args, { stdio: 'inherit' });
  try {
    const report = JSON.parse(readFileSync(`test-results/${suite.name}.json`, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numTotalTests === 0 ? 1 : 0);
  } catch {
    failed += 1;
  }
  if (r.status !== 0) status = r.status ?? 1;
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(status || (failed > 0 ? 1 : 0));
