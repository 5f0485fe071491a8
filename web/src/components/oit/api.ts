// Calls of the OIT readiness page: the catalogue with its evidence, the administrator's edits,
// the TSV import, each fiscal year's submission deadline and the public-page opt-in.
import { call, clients, enc, type Data } from '../../api';
import type { z } from 'zod';
import type { itemBody } from '../../../../worker/domain/schemas/oit';

/** An item as the form sends it. */
export type ItemInput = z.input<typeof itemBody>;

const { oit } = clients;
const year = (beYear: number) => ({ param: { beYear: enc(beYear) } });
const item = (beYear: number, id: string) => ({ param: { beYear: enc(beYear), id: enc(id) } });

export const oitApi = {
  readiness: (beYear: number) => call(() => oit[':beYear'].$get(year(beYear))),
  createItem: (beYear: number, input: ItemInput) => call(() => oit[':beYear'].items.$post({ ...year(beYear), json: input })),
  updateItem: (beYear: number, id: string, patch: Partial<ItemInput>) => call(() => oit[':beYear'].items[':id'].$patch({ ...item(beYear, id), json: patch })),
  deleteItem: (beYear: number, id: string) => call(() => oit[':beYear'].items[':id'].$delete(item(beYear, id))),
  previewImport: (beYear: number, text: string) => call(() => oit[':beYear'].items.import.preview.$post({ ...year(beYear), json: { text } })),
  commitImport: (beYear: number, text: string) => call(() => oit[':beYear'].items.import.commit.$post({ ...year(beYear), json: { text } })),
  setDeadline: (beYear: number, submissionDeadline: string | null) => call(() => oit[':beYear'].deadline.$patch({ ...year(beYear), json: { submissionDeadline } })),
  setPublicPage: (beYear: number, published: boolean) => call(() => clients.public.settings.$patch({ json: { beYear, published } })),
};

export type CatalogueImportPreview = Data<typeof oitApi.previewImport>;
