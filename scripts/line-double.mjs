#!/usr/bin/env node
// Runs the LINE Messaging API double of the tests (tests/line-double/double.ts) on its own, for
// `npm start` with LINE_API_BASE=http://127.0.0.1:8790 in .dev.vars. It imports TypeScript, so
// run it through tsx (a dev dependency's):
//   node_modules/.bin/tsx scripts/line-double.mjs [port]
const { startLineDouble } = await import('../tests/line-double/double.ts');
const { url } = await startLineDouble(Number(process.argv[2] ?? 8790));
console.log(`LINE API double on ${url} (requests of a token: ${url}/__double/<token>/requests)`);
