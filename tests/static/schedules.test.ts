import { unstable_readConfig } from 'wrangler';
import { expect, it } from 'vitest';
import { SCHEDULES } from '../../worker/cron/schedules';

it('the Worker answers exactly the cron triggers wrangler.toml deploys', () => {
  const deployed = unstable_readConfig({ config: 'wrangler.toml' }).triggers.crons ?? [];
  expect(deployed.length).toBeGreaterThan(0);
  expect([...deployed].sort()).toEqual(Object.values(SCHEDULES).sort());
});
