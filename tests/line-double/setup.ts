// vitest globalSetup of the worker tests: starts the LINE double on the port vitest.config.ts
// chose (and gave the worker as LINE_API_BASE), and stops it after the run.
import { startLineDouble } from './double';

export default async function setup() {
  const port = Number(process.env.ITA_LINE_DOUBLE_PORT);
  const { server } = await startLineDouble(port);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
