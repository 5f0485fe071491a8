// OIT readiness: which items of the fiscal year's catalogue already have evidence (a link to what
// the office published), which are still missing before the submission deadline, and reading a
// catalogue from tab-separated text. Evidence serves an item through its OIT code, matched
// without regard to case or spaces ('o 12' serves 'O12').
import { readTsv } from './csv';
import { errorMessages } from './errors';
import { daysBetween } from './fiscal-year';
import { percentOf } from './progress';
import type { ColumnCategory } from './contracts';

export interface OitItemInfo {
  id: string;
  code: string;
  titleTh: string;
  titleEn: string;
  subIndicator: string;
  position: number;
}

export interface EvidenceRow {
  id: string;
  cardId: string;
  url: string;
  note: string;
  oitCode: string | null;
  createdAt: number;
}

export interface CardRef {
  id: string;
  measureNumber: number | null;
  stepNumber: number;
  title: string;
  category: ColumnCategory;
}

export interface ItemReadiness extends OitItemInfo {
  ready: boolean;
  evidence: EvidenceRow[];
  /** The cards whose evidence serves this item. */
  cards: CardRef[];
}

export interface ReadinessSummary {
  items: number;
  ready: number;
  /** Percent of items with at least one evidence link, one decimal. */
  percent: number;
  missing: { code: string; titleTh: string; titleEn: string }[];
  deadline: string | null;
  /** Days from today (Bangkok) to the deadline; negative once it has passed. */
  daysRemaining: number | null;
}

export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9.-]{0,15}$/;

export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

export function assessReadiness(
  items: readonly OitItemInfo[],
  evidence: readonly EvidenceRow[],
  cards: ReadonlyMap<string, CardRef>,
  deadline: string | null,
  today: string,
): { items: ItemReadiness[]; summary: ReadinessSummary; unmatched: EvidenceRow[] } {
  const byCode = new Map<string, EvidenceRow[]>();
  for (const e of evidence) {
    if (!e.oitCode) continue;
    const code = normaliseCode(e.oitCode);
    byCode.set(code, [...(byCode.get(code) ?? []), e]);
  }
  const known = new Set(items.map((i) => normaliseCode(i.code)));
  const unmatched = evidence.filter((e) => e.oitCode && !known.has(normaliseCode(e.oitCode)));
  const assessed = [...items]
    .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code, 'en', { numeric: true }))
    .map((item): ItemReadiness => {
      const links = byCode.get(normaliseCode(item.code)) ?? [];
      const cardIds = [...new Set(links.map((l) => l.cardId))];
      return {
        ...item,
        ready: links.length > 0,
        evidence: links,
        cards: cardIds.map((id) => cards.get(id)).filter((c): c is CardRef => c !== undefined),
      };
    });
  const ready = assessed.filter((i) => i.ready).length;
  return {
    items: assessed,
    unmatched,
    summary: {
      items: assessed.length,
      ready,
      percent: percentOf(ready, assessed.length),
      missing: assessed.filter((i) => !i.ready).map(({ code, titleTh, titleEn }) => ({ code, titleTh, titleEn })),
      deadline,
      daysRemaining: deadline ? daysBetween(today, deadline) : null,
    },
  };
}

// ---- Reading a catalogue (code, title_th, sub_indicator, title_en) ----

export interface CatalogueRow {
  code: string;
  titleTh: string;
  subIndicator: string;
  titleEn: string;
}

export interface CatalogueWarning {
  line: number;
  code: string;
  messageTh: string;
  messageEn: string;
}

const HEADER_NAMES: Record<string, keyof CatalogueRow> = {
  code: 'code',
  title_th: 'titleTh',
  sub_indicator: 'subIndicator',
  title_en: 'titleEn',
};
const DEFAULT_ORDER: (keyof CatalogueRow)[] = ['code', 'titleTh', 'subIndicator', 'titleEn'];
export const MAX_CATALOGUE_ITEMS = 300;
const MAX_TITLE = 500;

/**
 * Rows of a TSV catalogue in file order. A first row whose first cell is "code" is the header
 * and says which column is which; without one the columns are code, Thai title, sub-indicator,
 * English title. Bad rows are skipped with a warning naming their line; a repeated code keeps
 * its first row.
 */
export function parseCatalogueTsv(text: string): { items: CatalogueRow[]; warnings: CatalogueWarning[] } {
  const rows = readTsv(text);
  const warnings: CatalogueWarning[] = [];
  let order = DEFAULT_ORDER;
  if (rows[0] && rows[0].cells[0]?.toLowerCase() === 'code') {
    order = rows.shift()!.cells.map((name) => HEADER_NAMES[name.toLowerCase()] ?? ('' as keyof CatalogueRow));
  }
  const items: CatalogueRow[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of rows) {
    const row: CatalogueRow = { code: '', titleTh: '', subIndicator: '', titleEn: '' };
    order.forEach((field, i) => {
      if (field && cells[i] !== undefined) row[field] = cells[i]!;
    });
    row.code = normaliseCode(row.code);
    const warn = (problem: { messageTh: string; messageEn: string }) => warnings.push({ line, code: row.code, messageTh: problem.messageTh, messageEn: problem.messageEn });
    if (!CODE_PATTERN.test(row.code)) {
      warn(errorMessages('catalogue.bad_code'));
    } else if (!row.titleTh) {
      warn(errorMessages('catalogue.no_title'));
    } else if ([row.titleTh, row.titleEn, row.subIndicator].some((s) => s.length > MAX_TITLE)) {
      warn(errorMessages('catalogue.too_long', { max: MAX_TITLE }));
    } else if (seen.has(row.code)) {
      warn(errorMessages('catalogue.repeated'));
    } else if (items.length >= MAX_CATALOGUE_ITEMS) {
      warn(errorMessages('catalogue.too_many', { max: MAX_CATALOGUE_ITEMS }));
    } else {
      seen.add(row.code);
      items.push(row);
    }
  }
  return { items, warnings };
}

export interface CataloguePlan {
  add: (CatalogueRow & { position: number })[];
  update: (CatalogueRow & { id: string; position: number })[];
  unchanged: number;
  /** Codes already in the catalogue that the file does not list (kept, not deleted). */
  notInFile: string[];
}

/** What importing `rows` would do to the catalogue: new codes added, changed ones updated. */
export function planCatalogueImport(existing: readonly OitItemInfo[], rows: readonly CatalogueRow[]): CataloguePlan {
  const byCode = new Map(existing.map((i) => [normaliseCode(i.code), i]));
  const plan: CataloguePlan = { add: [], update: [], unchanged: 0, notInFile: [] };
  rows.forEach((row, position) => {
    const old = byCode.get(row.code);
    if (!old) plan.add.push({ ...row, position });
    else if (old.titleTh !== row.titleTh || old.titleEn !== row.titleEn || old.subIndicator !== row.subIndicator || old.position !== position) {
      plan.update.push({ ...row, id: old.id, position });
    } else plan.unchanged++;
  });
  const listed = new Set(rows.map((r) => r.code));
  plan.notInFile = existing.map((i) => i.code).filter((c) => !listed.has(normaliseCode(c)));
  return plan;
}
