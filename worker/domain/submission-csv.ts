// The OIT submission as CSV for a spreadsheet (GET /api/oit/:beYear/submission.csv): one row per
// item, several addresses in one cell one per line, a UTF-8 byte-order mark so Excel reads Thai,
// every cell quoted and text a spreadsheet would run as a formula neutralised (csv.ts).
import { UTF8_BOM, quotedCsvCell } from './csv';
import { translator } from './i18n';
import { th } from './messages/submission.th';
import en from './messages/submission.en';
import type { SubmissionItem, SubmissionView } from './submission';
import { flagsText } from './link-health';

/** The CSV is written in Thai, like the reports' (messages/submission.*). */
const say = translator({ th, en }, 'th');

/** The health cell: the item's state, then each flagged address with its flags. */
export function healthText(item: Pick<SubmissionItem, 'health' | 'evidence'>): string {
  const head = say(`health.${item.health.state}`);
  const flagged = item.evidence.filter((e) => (e.health?.flags.length ?? 0) > 0).map((e) => `${e.url} — ${flagsText(e.health!.flags)}`);
  return [head, ...flagged].join('\n');
}

/** The submission as CSV: one row per item; several addresses share a cell, one per line. */
export function submissionCsv(view: SubmissionView): string {
  const header = [say('csv.code'), say('csv.title'), say('csv.page'), say('csv.evidence'), say('csv.explanation'), say('csv.health')];
  const rows = view.items.map((i) => [i.code, i.titleTh, i.pageUrl ?? '', i.evidence.map((e) => e.url).join('\n'), i.explanationText, healthText(i)]);
  return UTF8_BOM + [header, ...rows].map((r) => r.map(quotedCsvCell).join(',')).join('\r\n') + '\r\n';
}

/** An ASCII file name for the download. */
export function submissionFileName(slug: string, beYear: number): string {
  return `oit-submission-${slug}-${beYear}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
}

