// Calls of the dashboard and the O43 report.
import { call, clients, enc } from '../../api';

const { dashboard } = clients;
const year = (beYear: number) => ({ beYear: enc(beYear) });

export const dashboardApi = {
  dashboard: (beYear: number) => call(() => dashboard[':beYear'].$get({ param: year(beYear) })),
  o43: (beYear: number, from: string, to: string) => call(() => dashboard[':beYear'].o43.$get({ param: year(beYear), query: { from, to } })),
};
