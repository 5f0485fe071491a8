// Public types of the announcement importer (re-exported by index.ts).
import type { Cadence } from '../report-cadence';

/** A group of the office, as stored: the importer resolves responsible cells against these. */
export interface KnownGroup {
  id: string;
  nameTh: string;
}

export interface ParsedStep {
  number: number;
  text: string;
}

/** A name written in a responsible cell, and the group it resolved to (null: none). */
export interface ResponsibleName {
  text: string;
  groupId: string | null;
  groupName: string | null;
}

export interface ParsedMeasure {
  /** Arabic number (converted from Thai digits). */
  number: number;
  /** Normalised: whitespace collapsed, stray PDF spaces removed. */
  title: string;
  steps: ParsedStep[];
  /** Exactly as written in the document's cell, trimmed. */
  responsibleText: string;
  /** The first name of the cell, resolved against the known groups; null when nothing matched closely enough. */
  leadGroupId: string | null;
  leadGroupName: string | null;
  /** The other named groups ("กลุ่ม ก และกลุ่ม ข": ข), resolved; they take part. Never the lead. */
  groupIds: string[];
  groupNames: string[];
  /** Every name of the cell in order (the first leads), with what it resolved to. */
  responsibleNames: ResponsibleName[];
  /** "และทุกกลุ่มงาน" (any spacing): the lead group leads, every group takes part. */
  allGroups: boolean;
  /** The numbered monitoring/report requirements, split like steps. */
  monitoring: string[];
  /** The timeline cell as written (ระยะเวลาดำเนินการ), '' when the table has none. */
  timeline: string;
  /** ISO date the timeline allows (its last day); null when there is no timeline or it cannot be read. */
  dueOn: string | null;
}

/** A responsible name that matches no group of the office: the preview offers a choice for it. */
export interface UnresolvedName {
  /** The key of the choice: the name as written (spaces collapsed), or "measure:N" for an empty cell. */
  key: string;
  /** The name as written; '' for an empty responsible cell. */
  name: string;
  /** The measures that name it. */
  measures: number[];
  /** Groups equally close to the name (an ambiguous spelling); empty when nothing is close. */
  candidates: KnownGroup[];
  /** Whether every measure naming it also says "every group" (and so may be left unresolved). */
  everyGroup: boolean;
}

/** How often each audience is reported to, as the announcement states it (null: not stated). */
export interface ParsedSchedule {
  executive: Cadence | null;
  staff: Cadence | null;
  /** The phrases the cadences were read from, as written. */
  source: string[];
}

export interface ParsedSectionItem {
  /** Arabic, e.g. "1.5". */
  number: string;
  text: string;
}

export interface ParsedSection {
  /** Arabic, e.g. "2". */
  number: string;
  title: string;
  items: ParsedSectionItem[];
}

export type ImportWarningCode =
  | 'group-corrected' // fuzzy match, e.g. "อำนาจการ" -> กลุ่มอำนวยการ
  | 'group-unknown' // nothing close enough; leadGroupId null
  | 'every-group' // "และทุกกลุ่มงาน": named group leads, every group takes part
  | 'spaces-normalised' // stray spaces from PDF extraction removed
  | 'duplicate-item' // the same item number twice in a section (item 1.5 in the source)
  | 'thai-digits' // info: Thai digits converted
  | 'step-numbering' // steps not numbered 1..n
  | 'no-measures' // no measure table found
  | 'due-date-unreadable' // a timeline cell that names no month, quarter or whole year
  | 'schedule-not-found'; // no monitoring rhythm stated: the default schedule applies

export interface ImportWarning {
  code: ImportWarningCode;
  severity: 'info' | 'warning' | 'error';
  /** A clear Thai sentence. */
  messageTh: string;
  /** A clear English sentence. */
  messageEn: string;
  /** e.g. "มาตรการ 3 / measure 3" or "ข้อ 1.5 / item 1.5". */
  location: string;
  /** Original text where relevant. */
  from?: string;
  /** What it became. */
  to?: string;
  /** Each repaired word, before and after (spaces removed). */
  changes?: { from: string; to: string }[];
}

export interface ParsedAnnouncement {
  /** The "เรื่อง ..." line (with its continuation lines), without "เรื่อง". */
  title: string;
  /** e.g. "สำนักงานศึกษาธิการจังหวัดพิจิตร". */
  organisationName: string | null;
  /** 2567 from "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗". */
  fiscalYearBE: number | null;
  /** ISO Gregorian date: "ประกาศ ณ วันที่ ๑๑ มิถุนายน พ.ศ. ๒๕๖๗" -> "2024-06-11". */
  announcedOn: string | null;
  /** The numbered sections in order of appearance. */
  sections: ParsedSection[];
  /** From the tab-separated table(s). */
  measures: ParsedMeasure[];
  /** From item 3.9 of the source: executives twice a month, staff once. */
  monitoringRhythm: { executivesPerMonth: number | null; staffPerMonth: number | null };
  /** The monitoring rhythm as report cadences per audience (see rhythm.ts). */
  schedule: ParsedSchedule;
  /** Responsible names that match no group, in order of first appearance. */
  unresolved: UnresolvedName[];
  warnings: ImportWarning[];
}
