// `npm start`: build the web app, apply migrations to the local D1, serve with wrangler dev on
// http://127.0.0.1:8787 and load the demo office when the database is empty.
import { WRANGLER, run, seedDemo, startWrangler, waitForHealth } from './lib.mjs';

const port = Number(process.env.PORT ?? 8787);
const base = `http://127.0.0.1:${port}`;
const t0 = Date.now();

run('node_modules/.bin/vite', ['build', '--logLevel', 'warn']);
run(WRANGLER, ['d1', 'migrations', 'apply', 'ita-board', '--local']);

const { child, stop } = startWrangler({ port, vars: { DEMO_SEED: '1' } });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { stop(); process.exit(0); });
child.on('exit', (code) => process.exit(code ?? 0));

await waitForHealth(base);
const seeded = await seedDemo(base);
const accounts = await (await fetch(`${base}/api/dev/demo-accounts`)).json();
console.log(`\nITA Board is running at ${base}  (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
console.log(
  seeded.seeded
    ? `Demo office loaded: fiscal year ${seeded.currentYear} in progress (${seeded.cards} cards, weeks of history); earlier years: ${seeded.years.filter((y) => y.beYear !== seeded.currentYear).map((y) => y.beYear).join(', ') || 'none'}.`
    : 'Existing local database kept (demo data loads only into an empty one).',
);
console.log('Demo accounts (local only), password for all:', accounts.accounts[0]?.password);
for (const a of accounts.accounts) console.log(`  ${a.email.padEnd(32)} ${a.labelEn}`);
console.log('Press Ctrl+C to stop.\n');
