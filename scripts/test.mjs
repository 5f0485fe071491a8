// `npm test`: the typecheck, then the whole suite: the import rules between rooms (tests/static, in
// Node); worker tests inside workerd against real D1; the browser suite driving Debian's Chromium
// against `wrangler dev`. Chromium and the Thai font come from apt: this
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
  { name: 'static', args: ['run', '-c', 'vitest.static.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/static.json'] },
  { name: 'worker', args: ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/worker.json'] },
  { name: 'browser', args: ['run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/browser.json'] },
];

ensureBrowser();
// The typecheck comes first (worker, web app, Node configs and browser tests, each with its own
// tsconfig); a type error fails the run, but the suites still run so that every failure shows.
let passed = 0;
let failed = 0;
let status = 0;
console.log('Typecheck: worker, web, node configs, browser tests');
const typecheck = spawnSync('npm', ['run', '--silent', 'typecheck'], { stdio: 'inherit' });
if (typecheck.status !== 0) {
  console.error('\n✗ typecheck failed');
  status = typecheck.status ?? 1;
  failed += 1;
}
run('node_modules/.bin/vite', ['build', '--logLevel', 'warn']);
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
