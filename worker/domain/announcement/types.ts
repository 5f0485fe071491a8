// Public types of the announcement importer (re-exported by index.ts).

/** A group of the office, as stored: the importer resolves responsible cells against these. */
export interface KnownGroup {
  id: string;
  nameTh: string;
}

export interface ParsedStep {
  number: number;
  text: string;
}

export interface ParsedMeasure {
  /** Arabic number (converted from Thai digits). */
  number: number;
  /** Normalised: whitespace collapsed, stray PDF spaces removed. */
  title: string;
  steps: ParsedStep[];
  /** Exactly as written in the document's cell, trimmed. */
  responsibleText: string;
  /** Resolved against the known groups; null when nothing matched closely enough. */
  leadGroupId: string | null;
  leadGroupName: string | null;
  /** "และทุกกลุ่มงาน" (any spacing): the lead group leads, every group takes part. */
  allGroups: boolean;
  /** The numbered monitoring/report requirements, split like steps. */
  monitoring: string[];
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
  | 'no-measures'; // no measure table found

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
  warnings: ImportWarning[];
}
