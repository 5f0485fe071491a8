// Starts the real app with `wrangler dev` on its own port and a throw-away local D1, applies the
// migrations and loads the demo office, then stops the whole process group at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLineDouble } from '../line-double/double';
// @ts-expect-error plain ES module shared with the npm scripts
import { WRANGLER, run, seedDemo, startWrangler, waitForHealth } from '../../scripts/lib.mjs';

export default async function setup(project: TestProject) {
  const port = Number(process.env.E2E_PORT ?? 8790);
  const persistTo = mkdtempSync(join(tmpdir(), 'ita-e2e-'));
  run(WRANGLER, ['d1', 'migrations', 'apply', 'ita-board', '--local', '--persist-to', persistTo], { stdio: 'ignore' });
  // The LINE API double (tests/line-double) stands for api.line.me, as in the worker tests.
  const line = await startLineDouble();
  const server = startWrangler({ port, persistTo, vars: { DEMO_SEED: '1', LINE_API_BASE: line.url, LINE_CREDENTIALS_KEY: 'e2e-line-credentials-key-0123456789' }, quiet: true });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base);
    // The FY 2567 board as imported, untouched: the browser tests' fixture (tests/e2e/demo.test.ts
    // checks the full demo `npm start` loads on a server of its own).
    await seedDemo(base, 'fy2567');
  } catch (e) {
    console.error(server.log());
    server.stop();
    line.server.close();
    throw e;
  }
  project.provide('baseUrl', base);
  return () => {
    server.stop();
    line.server.close();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
