// vitest globalSetup of the worker tests: starts the evidence-website double (tests/link-double)
// on the port vitest.config.ts chose and gave the worker as TEST_LINK_DOUBLE_PORT; stops it after.
import { startLinkDouble } from './double';

export default async function setup() {
  const { server } = await startLinkDouble(Number(process.env.ITA_LINK_DOUBLE_PORT));
  return () =>
    new Promise<void>((resolve) => {
      // Requests to /never are still open: cut them, or close() waits for ever.
      server.closeAllConnections();
      server.close(() => resolve());
    });
}
