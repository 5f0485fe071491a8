// Shared by the start, test and bench scripts: running wrangler dev as a process group we can
// stop cleanly (killing `npx wrangler dev` alone leaves workerd listening), and waiting for it.
import { spawn, spawnSync } from 'node:child_process';

export const WRANGLER = 'node_modules/.bin/wrangler';

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

/** Starts `wrangler dev` in its own process group; returns { child, stop }. */
export function startWrangler({ port, persistTo, vars = {}, quiet = false, extraArgs = [], cwd = undefined }) {
  const args = ['dev', '--port', String(port), '--ip', '127.0.0.1', '--show-interactive-dev-session=false'];
  if (persistTo) args.push('--persist-to', persistTo);
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);
  args.push(...extraArgs);
  const child = spawn(WRANGLER, args, {
    cwd,
    detached: true,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: process.env.CI ?? '' },
  });
  let log = '';
  if (quiet) {
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
  }
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  };
  return { child, stop, log: () => log };
}

export async function waitForHealth(base, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer at ${base} within ${timeoutMs / 1000}s`);
}

/** Loads the demo office into an empty database: 'current' (the current fiscal year with its history) or 'fy2567'. */
export async function seedDemo(base, variant = 'current') {
  const r = await fetch(`${base}/api/dev/seed?variant=${variant}`, { method: 'POST' });
  if (!r.ok) throw new Error(`seeding failed: ${r.status} ${await r.text()}`);
  return r.json();
}
