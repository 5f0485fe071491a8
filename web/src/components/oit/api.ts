// Calls of the OIT readiness page: the catalogue with its evidence, the administrator's edits,
// the TSV import, each fiscal year's submission deadline and the public-page opt-in.
import { request } from '../../api';
import type { OitReadinessView } from '../../../../worker/domain/views';
import type { OitItemInfo } from '../../../../worker/domain/readiness';

export interface ItemInput {
  code: string;
  titleTh: string;
  titleEn: string;
  subIndicator: string;
  position: number;
}

export interface CatalogueImportPreview {
  items: { code: string; titleTh: string; subIndicator: string; titleEn: string }[];
  warnings: { line: number; code: string; messageTh: string; messageEn: string }[];
  add: string[];
  update: string[];
  unchanged: number;
  notInFile: string[];
}

const enc = encodeURIComponent;

export const oitApi = {
  readiness: (beYear: number) => request<OitReadinessView>('GET', `/api/oit/${enc(beYear)}`),
  createItem: (beYear: number, item: ItemInput) => request<{ item: OitItemInfo }>('POST', `/api/oit/${enc(beYear)}/items`, item),
  updateItem: (beYear: number, id: string, patch: Partial<ItemInput>) =>
    request<{ item: OitItemInfo }>('PATCH', `/api/oit/${enc(beYear)}/items/${enc(id)}`, patch),
  deleteItem: (beYear: number, id: string) => request<{ item: OitItemInfo }>('DELETE', `/api/oit/${enc(beYear)}/items/${enc(id)}`),
  previewImport: (beYear: number, text: string) =>
    request<CatalogueImportPreview>('POST', `/api/oit/${enc(beYear)}/items/import/preview`, { text }),
  commitImport: (beYear: number, text: string) =>
    request<Omit<CatalogueImportPreview, 'items'> & { items: OitItemInfo[] }>('POST', `/api/oit/${enc(beYear)}/items/import/commit`, { text }),
  setDeadline: (beYear: number, submissionDeadline: string | null) =>
    request<{ beYear: number; submissionDeadline: string | null }>('PATCH', `/api/oit/${enc(beYear)}/deadline`, { submissionDeadline }),
  setPublicPage: (beYear: number, published: boolean) => request<{ beYear: number; published: boolean }>('PATCH', '/api/public/settings', { beYear, published }),
};
