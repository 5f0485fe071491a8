// Answers of the OIT catalogue versions (routes/catalogues.ts): the versions an office has, which
// year uses which, and what moving a year onto a version would do (the crosswalk to confirm).
import type { CatalogueRow } from './readiness';
import type { CatalogueLineError } from './catalogue-list';
import type { CodeInUse, CrosswalkItem, CrosswalkRow } from './crosswalk';

/** The version shipped with the app: the 43 items of 2566–2567 (seed/oit-items-2567.ts). */
export const SHIPPED_CATALOGUE_ID = 'shipped-2567';

export interface CatalogueVersionView {
  id: string;
  name: string;
  source: string;
  items: number;
  /** The shipped version (not imported by the office). */
  shipped: boolean;
  createdAt: number | null;
  /** The fiscal years (BE) that use it. */
  years: number[];
}

export interface CatalogueYearView {
  beYear: number;
  /** The year exists on the board (a later year may be named before its rollover). */
  exists: boolean;
  archived: boolean;
  /** The version it uses; null: its own list (items edited or imported on the OIT page). */
  catalogueId: string | null;
  items: number;
  /** Old items the crosswalk gave no new code when the year moved onto its version. */
  unmapped: CrosswalkItem[];
}

export interface CatalogueVersionsResponse {
  catalogues: CatalogueVersionView[];
  years: CatalogueYearView[];
}

export interface CatalogueParseResponse {
  items: CatalogueRow[];
  errors: CatalogueLineError[];
}

/** What moving `beYear` onto the version would do; nothing is written. */
export interface CataloguePlanResponse {
  beYear: number;
  exists: boolean;
  catalogue: { id: string; name: string; source: string; items: CatalogueRow[] };
  /** The items the year has now (none for a year not created yet). */
  current: CrosswalkItem[];
  /** Old code → proposed new code with its score, one row per current item. */
  proposal: CrosswalkRow[];
  /** Codes the year's evidence names, with how many links each. */
  inUse: CodeInUse[];
  /** Codes in use the new version would lose: gone, or kept under an unrelated title. */
  lost: (CodeInUse & { change: 'gone' | 'changed' })[];
}

export interface CatalogueApplyResponse {
  beYear: number;
  /** The year is on the board (false: only named, for its rollover). */
  yearExists: boolean;
  catalogueId: string;
  /** Evidence links re-coded. */
  recoded: number;
  /** Codes in use left without a new code: their evidence keeps its code, listed as not in the catalogue. */
  unmappedInUse: CodeInUse[];
  unmappedItems: CrosswalkItem[];
  items: number;
}
