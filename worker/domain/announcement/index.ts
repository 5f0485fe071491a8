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
  ParsedStep,
} from './types';
export { parseAnnouncement } from './parse';
