// What an import will create, decided before anything is written: the parsed announcement with
// the administrator's choices for the names that match no group (map to an existing group, or
// create a group with that name), the fiscal year, the report schedule, and what needs an
// explicit confirmation. The preview shows this plan with a token (a digest of the plan); the
// commit recomputes the plan from the same text and choices and refuses when its token differs,
// so what the administrator confirmed is exactly what is created.
import { DEFAULT_SCHEDULE, type ReportSchedule } from '../report-cadence';
import { sha256Hex } from '../crypto';
import { groupKey } from './group-match';
import { cleanText, toArabicDigits, withoutSpaces } from './thai-text';
import type { KnownGroup, ParsedAnnouncement, ParsedStep, UnresolvedName } from './types';

/** The choice for an unresolved name: an existing group of the office, or a new group named as written. */
export type GroupChoice = { groupId: string } | { create: true };

/** Prefix of a group that the import creates (its id is assigned when committing). */
export const NEW_GROUP = 'new:';

export interface PlannedMeasure {
  number: number;
  title: string;
  steps: ParsedStep[];
  responsibleText: string;
  /** An existing group's id, `new:<name>` for a group the import creates, or null. */
  leadGroupId: string | null;
  groupIds: string[];
  allGroups: boolean;
  monitoring: string[];
  dueOn: string | null;
}

export interface ImportPlan {
  /** The fiscal year the board is created for: the one typed, else the announcement's. */
  beYear: number | null;
  title: string;
  measures: PlannedMeasure[];
  /** Names of the groups the import creates, in order. */
  newGroups: string[];
  /** The schedule stored for the fiscal year: as stated, DEFAULT_SCHEDULE where not stated. */
  schedule: ReportSchedule;
  scheduleStated: { executive: boolean; staff: boolean };
  /** Names still without a group. Blocking unless every measure naming them says "every group". */
  unresolved: UnresolvedName[];
  checks: {
    announcedYear: number | null;
    /** The year typed differs from the announcement's: the commit needs confirmYear. */
    yearDiffers: boolean;
    announcedOffice: string | null;
    officeName: string;
    /** The announcement names another office: the commit needs confirmOffice. */
    officeDiffers: boolean;
  };
}

export interface ChoiceProblem {
  key: string;
  problem: 'unknown-name' | 'unknown-group' | 'nameless-group';
}

const sameOffice = (a: string, b: string) => {
  const norm = (s: string) => toArabicDigits(withoutSpaces(cleanText(s)));
  return norm(a) === norm(b);
};

/** Choices that cannot apply: a key the preview did not ask about, a group not of this office, a new group without a name. */
export function choiceProblems(parsed: ParsedAnnouncement, choices: Readonly<Record<string, GroupChoice>>, groups: readonly KnownGroup[]): ChoiceProblem[] {
  const keys = new Map(parsed.unresolved.map((u) => [u.key, u]));
  const ids = new Set(groups.map((g) => g.id));
  const problems: ChoiceProblem[] = [];
  for (const [key, choice] of Object.entries(choices)) {
    const entry = keys.get(key);
    if (!entry) problems.push({ key, problem: 'unknown-name' });
    else if ('groupId' in choice && !ids.has(choice.groupId)) problems.push({ key, problem: 'unknown-group' });
    else if ('create' in choice && entry.name.trim() === '') problems.push({ key, problem: 'nameless-group' });
  }
  return problems;
}

export function planImport(input: {
  parsed: ParsedAnnouncement;
  choices: Readonly<Record<string, GroupChoice>>;
  typedYear: number | null;
  officeName: string;
}): ImportPlan {
  const { parsed, choices } = input;
  // An unresolved name's choice, by the name's key (spellings that differ only in spaces share it).
  const byName = new Map<string, GroupChoice>();
  for (const u of parsed.unresolved) {
    const choice = choices[u.key];
    if (choice && u.name !== '') byName.set(groupKey(u.name), choice);
  }
  const newGroups: string[] = [];
  const idFor = (choice: GroupChoice, name: string): string => {
    if ('groupId' in choice) return choice.groupId;
    if (!newGroups.includes(name)) newGroups.push(name);
    return `${NEW_GROUP}${name}`;
  };
  const resolved = new Set<string>();
  const measures = parsed.measures.map((m): PlannedMeasure => {
    const ids: (string | null)[] = m.responsibleNames.map((n) => {
      if (n.groupId) return n.groupId;
      const choice = byName.get(groupKey(n.text));
      return choice ? idFor(choice, n.text) : null;
    });
    if (m.responsibleNames.length === 0) {
      const choice = choices[`measure:${m.number}`];
      if (choice && 'groupId' in choice) ids.push(choice.groupId);
    }
    const lead = ids[0] ?? null;
    const others = [...new Set(ids.slice(1).filter((id): id is string => id !== null && id !== lead))];
    return {
      number: m.number,
      title: m.title,
      steps: m.steps,
      responsibleText: m.responsibleText,
      leadGroupId: lead,
      groupIds: others,
      allGroups: m.allGroups,
      monitoring: m.monitoring,
      dueOn: m.dueOn,
    };
  });
  for (const u of parsed.unresolved) {
    if (choices[u.key] && !(u.name === '' && 'create' in choices[u.key]!)) resolved.add(u.key);
  }
  const announcedYear = parsed.fiscalYearBE;
  const announcedOffice = parsed.organisationName;
  return {
    beYear: input.typedYear ?? announcedYear,
    title: parsed.title,
    measures,
    newGroups,
    schedule: { executive: parsed.schedule.executive ?? DEFAULT_SCHEDULE.executive, staff: parsed.schedule.staff ?? DEFAULT_SCHEDULE.staff },
    scheduleStated: { executive: parsed.schedule.executive !== null, staff: parsed.schedule.staff !== null },
    unresolved: parsed.unresolved.filter((u) => !resolved.has(u.key)),
    checks: {
      announcedYear,
      yearDiffers: input.typedYear !== null && announcedYear !== null && input.typedYear !== announcedYear,
      announcedOffice,
      officeName: input.officeName,
      officeDiffers: announcedOffice !== null && !sameOffice(announcedOffice, input.officeName),
    },
  };
}

/** Names that block creating the board: unresolved, and not every measure naming them says "every group". */
export function blockingNames(plan: ImportPlan): UnresolvedName[] {
  return plan.unresolved.filter((u) => !u.everyGroup);
}

/** The plan's digest: equal plans, equal tokens. */
export function planToken(plan: ImportPlan): Promise<string> {
  return sha256Hex(JSON.stringify(plan));
}
