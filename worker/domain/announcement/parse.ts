// parseAnnouncement: the importer's entry point. Cleans the pasted text, finds the measures
// table, the numbered sections and the header facts, and explains every interpretation it made
// as a warning. Never throws: whatever the input, the result is a ParsedAnnouncement.
import type { ImportWarning, KnownGroup, ParsedAnnouncement, ParsedMeasure } from './types';
import { cleanText, collapseSpaces, hasThaiDigits } from './thai-text';
import { normaliseCellSpacing, SpacingContext } from './spacing';
import { resolveResponsible, type GroupRef } from './group-match';
import { splitNumberedList } from './numbered-list';
import { scanTables, type TableRow } from './table';
import { scanSections } from './sections';
import { findAnnouncedOn, findFiscalYear, findMonitoringRhythm, findOrganisation, findTitle } from './metadata';
import * as warn from './warnings';

/**
 * One line of Markdown, as produced by PDF-to-Markdown converters, reduced to plain text:
 * bold/underline markers and heading/quote prefixes go; a pipe-table row becomes tab-separated
 * cells (its "|---|" separator row becomes blank) and "<br>" inside cells becomes a space.
 * Horizontal rules and the page numbers of Thai official documents ("- ๒ -", printed at the top
 * of every page after the first) become blank lines, so they never continue a table row.
 */
function fromMarkdown(line: string): string {
  if (/^\s*(?:[-*_]\s*){3,}$/.test(line) || /^\s*[-–]\s*[0-9๐-๙]{1,3}\s*[-–]\s*$/.test(line)) return '';
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
    warnings,
  };
}

/** Builds one measure from a table row, adding its warnings to `warnings`. */
function buildMeasure(row: TableRow, groups: readonly GroupRef[], spacing: SpacingContext, warnings: ImportWarning[]): ParsedMeasure {
  const n = row.number;
  const tidy = (text: string, fieldTh: string, fieldEn: string): string => {
    const before = collapseSpaces(text);
    const after = normaliseCellSpacing(before, spacing);
    if (after !== before) warnings.push(warn.spacesNormalised(warn.measureLocation(n, fieldTh, fieldEn), before, after));
    return after;
  };

  const title = tidy(row.title, 'ชื่อมาตรการ', 'title');

  const stepList = splitNumberedList(row.steps);
  const steps = stepList.entries.map((e) => ({ number: e.number, text: tidy(e.text, `ขั้นตอน ${e.number}`, `step ${e.number}`) }));
  if (!stepList.sequential || steps.length === 0) {
    warnings.push(warn.stepNumbering(n, 'ขั้นตอน', 'steps', steps.map((s) => s.number)));
  }

  const monitoringList = splitNumberedList(row.monitoring);
  const monitoring = monitoringList.entries.map((e) => tidy(e.text, `การกำกับติดตาม ${e.number}`, `monitoring ${e.number}`));
  if (!monitoringList.sequential) {
    warnings.push(warn.stepNumbering(n, 'การกำกับติดตาม', 'monitoring requirements', monitoringList.entries.map((e) => e.number)));
  }

  const responsibleText = row.responsible.trim();
  const resolution = resolveResponsible(responsibleText, groups);
  const lead = resolution.kind === 'exact' || resolution.kind === 'corrected' ? resolution.group : null;
  if (resolution.kind === 'corrected') warnings.push(warn.groupCorrected(n, resolution.leadText, resolution.group.nameTh));
  if (resolution.kind === 'unknown') {
    warnings.push(warn.groupUnknown(n, resolution.leadText, resolution.candidates.map((g) => g.nameTh)));
  }
  if (resolution.allGroups) warnings.push(warn.everyGroup(n, responsibleText, lead?.nameTh ?? null));

  return {
    number: n,
    title,
    steps,
    responsibleText,
    leadGroupId: lead?.id ?? null,
    leadGroupName: lead?.nameTh ?? null,
    allGroups: resolution.allGroups,
    monitoring,
  };
}

function parse(text: string, knownGroups: readonly KnownGroup[]): ParsedAnnouncement {
  const groups = knownGroups
    .filter((g) => g && typeof g.id === 'string' && typeof g.nameTh === 'string')
    .map((g) => ({ id: g.id, nameTh: g.nameTh }));
  const cleaned = cleanText(text);
  const lines = cleaned.split('\n').map(fromMarkdown);
  const warnings: ImportWarning[] = [];
  if (hasThaiDigits(cleaned)) warnings.push(warn.thaiDigits());

  const table = scanTables(lines);
  const { sections, duplicates } = scanSections(lines, table.tableLines);
  for (const d of duplicates) warnings.push(warn.duplicateItem(d.number, d.first, d.second));

  // The whole document is the evidence for the stray-space rule (see spacing.ts).
  const spacing = new SpacingContext(collapseSpaces(lines.join('\n')));
  const measures = table.rows.map((row) => buildMeasure(row, groups, spacing, warnings));
  if (measures.length === 0) warnings.push(warn.noMeasures());

  const title = findTitle(lines, table.tableLines);
  const body = lines.filter((_, i) => !table.tableLines.has(i)).join('\n');
  return {
    title,
    organisationName: findOrganisation(lines),
    fiscalYearBE: findFiscalYear(title, body),
    announcedOn: findAnnouncedOn(body),
    sections,
    measures,
    monitoringRhythm: findMonitoringRhythm(body),
    warnings,
  };
}

/**
 * Parses an announcement's text. `knownGroups` are the office's groups; responsible cells are
 * resolved against them (exactly, or by a reported fuzzy correction). Never throws.
 */
export function parseAnnouncement(text: string, knownGroups: KnownGroup[]): ParsedAnnouncement {
  try {
    return parse(typeof text === 'string' ? text : '', Array.isArray(knownGroups) ? knownGroups : []);
  } catch {
    // Defensive only: no input is known to reach this. An unreadable text imports nothing.
    return emptyResult([warn.noMeasures()]);
  }
}
