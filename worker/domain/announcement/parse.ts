// parseAnnouncement: the importer's entry point. Cleans the pasted text, finds the measures
// table, the numbered sections and the header facts, and explains every interpretation it made
// as a warning. Never throws: whatever the input, the result is a ParsedAnnouncement.
import type { Bilingual } from '../i18n';
import type { ImportWarning, KnownGroup, ParsedAnnouncement, ParsedMeasure, UnresolvedName } from './types';
import { cleanText, collapseSpaces, hasThaiDigits, withoutSpaces } from './thai-text';
import { normaliseCellSpacing, SpacingContext } from './spacing';
import { groupKey, resolveResponsible, type GroupRef } from './group-match';
import { dueDateFromTimeline } from './timeline';
import { findSchedule } from './rhythm';
import { splitNumberedList } from './numbered-list';
import { isPageArtefact, scanTables, type TableRow } from './table';
import { scanSections } from './sections';
import { findAnnouncedOn, findFiscalYear, findMonitoringRhythm, findOrganisation, findTitle } from './metadata';
import * as warn from './warnings';

/**
 * One line of Markdown, as produced by PDF-to-Markdown converters, reduced to plain text:
 * bold/underline markers and heading/quote prefixes go; a pipe-table row becomes tab-separated
 * cells (its "|---|" separator row becomes blank) and "<br>" inside cells becomes a space.
 * Horizontal rules become blank lines. (Page numbers, "- ๒ -", are skipped by the table and
 * section scanners: a table row may continue on the next page.)
 */
function fromMarkdown(line: string): string {
  if (/^\s*(?:[-*_]\s*){3,}$/.test(line)) return '';
  if (/^\s*\|.*\|\s*$/.test(line) && line.split('|').length >= 4) {
    if (/^[\s|:-]+$/.test(line)) return '';
    return line
      .trim()
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.replace(/<br\s*\/?>/gi, ' ').replace(/\*\*|__/g, '').trim())
      .join('\t');
  }
  return line
    .replace(/\*\*|__/g, '')
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}>\s?/, '');
}

function emptyResult(warnings: ImportWarning[]): ParsedAnnouncement {
  return {
    title: '',
    organisationName: null,
    fiscalYearBE: null,
    announcedOn: null,
    sections: [],
    measures: [],
    monitoringRhythm: { executivesPerMonth: null, staffPerMonth: null },
    schedule: { executive: null, staff: null, source: [] },
    unresolved: [],
    warnings,
  };
}

/** Builds one measure from a table row, adding its warnings to `warnings`. */
function buildMeasure(
  row: TableRow,
  groups: readonly GroupRef[],
  spacing: SpacingContext,
  fiscalYearBE: number | null,
  warnings: ImportWarning[],
  unknown: Map<number, { text: string; candidates: KnownGroup[] }[]>,
): ParsedMeasure {
  const n = row.number;
  const tidy = (text: string, field: Bilingual): string => {
    const before = collapseSpaces(text);
    const changes: { from: string; to: string }[] = [];
    const after = normaliseCellSpacing(before, spacing, changes);
    if (after !== before) warnings.push(warn.spacesNormalised(warn.measureLocation(n, field), before, after, changes));
    return after;
  };

  const title = tidy(row.title, warn.fieldName('field.title'));

  const stepList = splitNumberedList(row.steps);
  const steps = stepList.entries.map((e) => ({ number: e.number, text: tidy(e.text, warn.fieldName('field.step', { number: e.number })) }));
  if (!stepList.sequential || steps.length === 0) {
    warnings.push(warn.stepNumbering(n, 'steps', steps.map((s) => s.number)));
  }

  const monitoringList = splitNumberedList(row.monitoring);
  const monitoring = monitoringList.entries.map((e) => tidy(e.text, warn.fieldName('field.monitoring', { number: e.number })));
  if (!monitoringList.sequential) {
    warnings.push(warn.stepNumbering(n, 'monitoring', monitoringList.entries.map((e) => e.number)));
  }

  const responsibleText = row.responsible
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
  const resolution = resolveResponsible(row.responsible, groups);
  const names = resolution.names.map((name) => {
    // "กลุ่ม นโยบาย และแผน": the name with its stray spaces removed is the group's: a repaired word.
    if (name.kind === 'exact' && name.text !== name.group.nameTh && withoutSpaces(name.text) === withoutSpaces(name.group.nameTh)) {
      const change = { from: name.text, to: name.group.nameTh };
      warnings.push(warn.spacesNormalised(warn.measureLocation(n, warn.fieldName('field.responsible')), change.from, change.to, [change]));
    }
    if (name.kind === 'corrected') warnings.push(warn.groupCorrected(n, name.text, name.group.nameTh));
    if (name.kind === 'unknown') {
      warnings.push(warn.groupUnknown(n, name.text, name.candidates.map((g) => g.nameTh)));
      unknown.set(n, [...(unknown.get(n) ?? []), { text: name.text, candidates: name.candidates.map((g) => ({ id: g.id, nameTh: g.nameTh })) }]);
    }
    return name.kind === 'unknown'
      ? { text: name.text, groupId: null, groupName: null }
      : { text: name.text, groupId: name.group.id, groupName: name.group.nameTh };
  });
  if (names.length === 0 && !resolution.allGroups) warnings.push(warn.groupUnknown(n, '', []));
  const lead = names[0] ?? null;
  if (resolution.allGroups) warnings.push(warn.everyGroup(n, responsibleText, lead?.groupName ?? null));
  const others = new Map<string, string>();
  for (const name of names.slice(1)) {
    if (name.groupId && name.groupId !== lead?.groupId) others.set(name.groupId, name.groupName!);
  }

  const timeline = collapseSpaces(row.timeline);
  let dueOn: string | null = null;
  if (timeline !== '') {
    const due = dueDateFromTimeline(timeline, fiscalYearBE);
    dueOn = due.date;
    if (due.date === null) warnings.push(warn.dueDateUnreadable(n, timeline, due.reason));
  }

  return {
    number: n,
    title,
    steps,
    responsibleText,
    leadGroupId: lead?.groupId ?? null,
    leadGroupName: lead?.groupName ?? null,
    groupIds: [...others.keys()],
    groupNames: [...others.values()],
    responsibleNames: names,
    allGroups: resolution.allGroups,
    monitoring,
    timeline,
    dueOn,
  };
}

/** Every responsible name that matches no group (and every empty responsible cell), once each. */
function unresolvedNames(measures: readonly ParsedMeasure[], parsedNames: Map<number, { text: string; candidates: KnownGroup[] }[]>): UnresolvedName[] {
  const out: UnresolvedName[] = [];
  const byKey = new Map<string, UnresolvedName>();
  for (const m of measures) {
    const unknown = parsedNames.get(m.number) ?? [];
    if (m.responsibleNames.length === 0 && !m.allGroups) {
      out.push({ key: `measure:${m.number}`, name: '', measures: [m.number], candidates: [], everyGroup: false });
      continue;
    }
    for (const u of unknown) {
      const k = groupKey(u.text);
      const known = byKey.get(k);
      if (known) {
        if (!known.measures.includes(m.number)) known.measures.push(m.number);
        known.everyGroup &&= m.allGroups;
        continue;
      }
      const entry: UnresolvedName = { key: u.text, name: u.text, measures: [m.number], candidates: u.candidates, everyGroup: m.allGroups };
      byKey.set(k, entry);
      out.push(entry);
    }
  }
  return out;
}

export interface ParseOptions {
  /**
   * The fiscal year the board is for, when known (the administrator's choice): timelines that
   * name no year ("มีนาคม", "ไตรมาสที่ ๒", "ตลอดปีงบประมาณ") fall inside it. Defaults to the
   * announcement's own fiscal year.
   */
  fiscalYearBE?: number | null;
}

function parse(text: string, knownGroups: readonly KnownGroup[], options: ParseOptions): ParsedAnnouncement {
  const groups = knownGroups
    .filter((g) => g && typeof g.id === 'string' && typeof g.nameTh === 'string')
    .map((g) => ({ id: g.id, nameTh: g.nameTh }));
  const cleaned = cleanText(text);
  const lines = cleaned.split('\n').map(fromMarkdown);
  const warnings: ImportWarning[] = [];
  if (hasThaiDigits(cleaned)) warnings.push(warn.thaiDigits());

  const table = scanTables(lines, groups);
  const { sections, duplicates } = scanSections(
    lines.map((l) => (isPageArtefact(l) ? '' : l)),
    table.tableLines,
  );
  for (const d of duplicates) warnings.push(warn.duplicateItem(d.number, d.first, d.second));

  // The whole document is the evidence for the stray-space rule (see spacing.ts).
  const spacing = new SpacingContext(collapseSpaces(lines.join('\n')));
  const title = findTitle(lines, table.tableLines);
  const body = lines.filter((_, i) => !table.tableLines.has(i)).join('\n');
  const fiscalYearBE = findFiscalYear(title, body);
  const dueYear = options.fiscalYearBE ?? fiscalYearBE;
  const unknownNames = new Map<number, { text: string; candidates: KnownGroup[] }[]>();
  const measures = table.rows.map((row) => buildMeasure(row, groups, spacing, dueYear, warnings, unknownNames));
  if (measures.length === 0) warnings.push(warn.noMeasures());

  // The rhythm may be stated in the body (item 3.9 of the seed) or in a monitoring cell.
  const schedule = findSchedule(`${body}\n${table.rows.map((r) => r.monitoring).join('\n')}`);
  const missing = (['executive', 'staff'] as const).filter((a) => schedule[a] === null);
  if (measures.length > 0 && missing.length > 0) warnings.push(warn.scheduleNotFound(missing));
  return {
    title,
    organisationName: findOrganisation(lines),
    fiscalYearBE,
    announcedOn: findAnnouncedOn(body),
    sections,
    measures,
    monitoringRhythm: findMonitoringRhythm(body),
    schedule,
    unresolved: unresolvedNames(measures, unknownNames),
    warnings,
  };
}

/**
 * Parses an announcement's text. `knownGroups` are the office's groups; responsible cells are
 * resolved against them (exactly, or by a reported fuzzy correction). Never throws.
 */
export function parseAnnouncement(text: string, knownGroups: KnownGroup[], options: ParseOptions = {}): ParsedAnnouncement {
  try {
    return parse(typeof text === 'string' ? text : '', Array.isArray(knownGroups) ? knownGroups : [], options ?? {});
  } catch {
    // Defensive only: no input is known to reach this. An unreadable text imports nothing.
    return emptyResult([warn.noMeasures()]);
  }
}
