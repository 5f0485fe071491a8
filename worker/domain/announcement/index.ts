// The announcement importer: turns the text of an office's integrity-measures announcement
// (as pasted from its PDF or Word file) into measures, steps, groups and warnings. Pure: no I/O,
// no imports from the rest of the project; the office's groups are passed in.
export type {
  ImportWarning,
  ImportWarningCode,
  KnownGroup,
  ParsedAnnouncement,
  ParsedMeasure,
  ParsedSection,
  ParsedSectionItem,
  ParsedSchedule,
  ParsedStep,
  ResponsibleName,
  UnresolvedName,
} from './types';
export { parseAnnouncement, type ParseOptions } from './parse';
export { dueDateFromTimeline } from './timeline';
export { blockingNames, choiceProblems, NEW_GROUP, planImport, planToken } from './plan';
export type { ChoiceProblem, GroupChoice, ImportPlan, PlannedMeasure } from './plan';
