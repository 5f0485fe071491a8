// The card's history from the event log, newest first: who did what, when (Buddhist Era, Bangkok
// time). Moves read as "ยังไม่เริ่ม → กำลังดำเนินการ", with the board's own column labels.
import type { TimelineEntry } from '../../../../../worker/domain/contracts-card';
import { pickText, t, type PlainStringKey } from '../../../i18n';
import { columnsById, groupsById } from '../../../state/board';
import { lang } from '../../../state/ui';
import { formatDate, formatMoment } from '../../../../../worker/domain/thai-date';
import { personName } from '../../../person';
import { tDrawer } from '../../../messages/drawer';
import { isFileAddress } from '../../../../../worker/domain/file-type';

const FIELD_LABELS: Record<string, PlainStringKey> = {
  title: 'timeline.field.title',
  details: 'card.details',
  dueOn: 'drawer.due',
  leadGroupId: 'card.lead',
  groupIds: 'drawer.participants',
  allGroups: 'card.allGroups',
  checklist: 'checklist.title',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function columnName(id: unknown): string {
  const column = typeof id === 'string' ? columnsById.value.get(id) : undefined;
  return column ? pickText(column.labelTh, column.labelEn) : tDrawer('timeline.unknownColumn');
}

function groupName(id: unknown): string {
  const group = typeof id === 'string' ? groupsById.value.get(id) : undefined;
  return group ? pickText(group.nameTh, group.nameEn) : '—';
}

/** One changed field, with its new value where that reads well in a line. */
function fieldChange(field: string, value: unknown): string {
  const label = FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field;
  if (field === 'dueOn') return `${label} → ${str(value) ? formatDate(value as string, lang.value) : tDrawer('drawer.noDue')}`;
  if (field === 'leadGroupId') return `${label} → ${groupName(value)}`;
  if (field === 'groupIds' && Array.isArray(value)) return `${label} → ${value.map(groupName).join(', ') || '—'}`;
  if (field === 'allGroups') return `${label} → ${value ? tDrawer('timeline.yes') : tDrawer('timeline.no')}`;
  return label;
}

/** An evidence address as a person reads it: a board file by its name (its address is escaped), a link as it is. */
function shownUrl(value: unknown): string {
  const url = str(value) ?? '';
  if (!isFileAddress(url)) return url;
  try {
    return decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
  } catch {
    return url;
  }
}

export function describeEntry(entry: TimelineEntry): string {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  switch (entry.kind) {
    case 'card.created':
      return tDrawer('timeline.created');
    case 'card.moved':
      return before.columnId === after.columnId
        ? tDrawer('timeline.reordered', { column: columnName(after.columnId) })
        : tDrawer('timeline.moved', { from: columnName(before.columnId), to: columnName(after.columnId) });
    case 'card.edited':
      return tDrawer('timeline.edited', { changes: Object.keys(after).map((f) => fieldChange(f, after[f])).join('; ') });
    case 'evidence.added': {
      const code = str(after.oitCode);
      return code
        ? tDrawer('timeline.evidenceOit', { code, url: shownUrl(after.url) })
        : tDrawer('timeline.evidence', { url: shownUrl(after.url) });
    }
    case 'evidence.removed':
      return tDrawer('timeline.evidenceRemoved', { url: shownUrl(before.url) });
    case 'evidence.recoded':
      return tDrawer('timeline.evidenceRecoded', { url: shownUrl(after.url), from: str(before.oitCode) ?? '', to: str(after.oitCode) ?? '' });
    case 'comment.added':
      return tDrawer('timeline.comment');
    case 'evidence.publication': {
      // Whether a link and its note are on the public page (after: the flags that changed).
      const parts: string[] = [];
      if (typeof after.linkPublished === 'boolean') parts.push(after.linkPublished ? tDrawer('timeline.linkPublished') : tDrawer('timeline.linkWithdrawn'));
      if (typeof after.notePublished === 'boolean') parts.push(after.notePublished ? tDrawer('timeline.notePublished') : tDrawer('timeline.noteWithdrawn'));
      return `${tDrawer('timeline.publicPage')}: ${parts.join(', ')}`;
    }
    default:
      return entry.kind;
  }
}

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section class="drawer-section" aria-labelledby="drawer-timeline" data-testid="timeline">
      <h3 id="drawer-timeline" class="drawer-heading">
        {tDrawer('timeline.title')}
      </h3>
      {entries.length === 0 && <p class="muted">{tDrawer('timeline.empty')}</p>}
      <ol class="timeline">
        {entries.map((entry) => (
          <li key={entry.seq} class="timeline-entry" data-testid="timeline-entry" data-kind={entry.kind}>
            <p class="timeline-what">{describeEntry(entry)}</p>
            <p class="muted timeline-meta">
              {entry.actor ? personName(entry.actor) : tDrawer('timeline.system')} ·{' '}
              <time dateTime={new Date(entry.at).toISOString()}>{formatMoment(entry.at, lang.value)}</time>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
