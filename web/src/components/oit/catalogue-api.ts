// Calls of the OIT catalogue versions (worker/routes/catalogues.ts), through a client of their own
// so the board page's start-up code does not carry it (it loads with the OIT page only).
import { call, enc, type Data } from '../../api';
import { typed } from '../../typed-client';
import type { CatalogueApi } from '../../../../worker/routes/catalogues';
import type { CrosswalkChoice } from '../../../../worker/domain/crosswalk';

const catalogues = typed<CatalogueApi>('/api/catalogues');
const one = (id: string) => ({ param: { id: enc(id) } });

export const catalogueApi = {
  list: () => call(() => catalogues.index.$get()),
  preview: (text: string) => call(() => catalogues.preview.$post({ json: { text } })),
  create: (name: string, source: string, text: string) => call(() => catalogues.index.$post({ json: { name, source, text } })),
  plan: (id: string, beYear: number) => call(() => catalogues[':id'].plan.$post({ ...one(id), json: { beYear } })),
  apply: (id: string, beYear: number, crosswalk: CrosswalkChoice[], confirmUnmapped: boolean) =>
    call(() => catalogues[':id'].apply.$post({ ...one(id), json: { beYear, crosswalk, confirmUnmapped } })),
};

export type CatalogueVersions = Data<typeof catalogueApi.list>;
export type CataloguePlan = Data<typeof catalogueApi.plan>;
export type CatalogueApplied = Data<typeof catalogueApi.apply>;
