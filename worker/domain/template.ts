// A parent body's template of measures (issue 19), pure: its content as published, keeping the ids
// of measures and steps stable across an import of a revision (matched by measure number and step
// number), and the differences between two versions that an office is offered, step by step.
import { resolveResponsible, type GroupRef } from './announcement/group-match';

export interface TemplateStepContent {
  id: string;
  stepNumber: number;
  title: string;
  responsibleText: string;
  dueOn: string | null;
  monitoring: string[];
}

export interface TemplateMeasureContent {
  id: string;
  section: string;
  number: number;
  title: string;
  responsibleText: string;
  allGroups: boolean;
  monitoring: string[];
  steps: TemplateStepContent[];
}

/** A published version as frozen in template_versions.content. */
export interface TemplateContent {
  title: string;
  beYear: number;
  version: number;
  measures: TemplateMeasureContent[];
}

/** A measure as the importer parsed it, for the template's working copy. */
export interface IncomingMeasure {
  section: string;
  number: number;
  title: string;
  responsibleText: string;
  allGroups: boolean;
  monitoring: string[];
  dueOn: string | null;
  steps: { number: number; text: string }[];
}

const measureKey = (m: { section: string; number: number }) => `${m.section}:${m.number}`;

/**
 * The working copy after importing `incoming` over `current` (the copy as it is, removed items
 * left out): a measure or step already there (same measure number, same step number) keeps its
 * id; the rest get new ids (`newId`). What is not in `incoming` is gone from the copy.
 */
export function mergeWorkingCopy(current: readonly TemplateMeasureContent[], incoming: readonly IncomingMeasure[], newId: () => string): TemplateMeasureContent[] {
  const byKey = new Map(current.map((m) => [measureKey(m), m]));
  return incoming.map((m) => {
    const before = byKey.get(measureKey(m));
    const steps = new Map((before?.steps ?? []).map((s) => [s.stepNumber, s]));
    return {
      id: before?.id ?? newId(),
      section: m.section,
      number: m.number,
      title: m.title,
      responsibleText: m.responsibleText,
      allGroups: m.allGroups,
      monitoring: [...m.monitoring],
      steps: m.steps.map((s) => ({
        id: steps.get(s.number)?.id ?? newId(),
        stepNumber: s.number,
        title: s.text,
        responsibleText: m.responsibleText,
        dueOn: m.dueOn,
        monitoring: [...m.monitoring],
      })),
    };
  });
}

export type TemplateChangeKind = 'added' | 'removed' | 'changed';

/** One difference between two versions, about one step (`itemId`, stable across versions). */
export interface TemplateChange {
  itemId: string;
  change: TemplateChangeKind;
  /** The step's measure as the newer version has it (what an accepted addition creates, when the office lacks it). */
  measure: Omit<TemplateMeasureContent, 'steps'>;
  before: TemplateStepContent | null;
  after: TemplateStepContent | null;
  /** The fields that differ (changed steps): title, dueOn, responsibleText. */
  fields: ('title' | 'dueOn' | 'responsibleText')[];
}

const stepFields = ['title', 'dueOn', 'responsibleText'] as const;

/** Every step added, removed or changed from `from` to `to`, in the order of `to` (removed ones last). */
export function diffTemplate(from: TemplateContent | null, to: TemplateContent): TemplateChange[] {
  const old = new Map<string, { step: TemplateStepContent; measure: TemplateMeasureContent }>();
  for (const m of from?.measures ?? []) for (const s of m.steps) old.set(s.id, { step: s, measure: m });
  const seen = new Set<string>();
  const out: TemplateChange[] = [];
  const measureOf = ({ steps: _steps, ...measure }: TemplateMeasureContent) => measure;
  for (const m of to.measures) {
    for (const s of m.steps) {
      seen.add(s.id);
      const before = old.get(s.id)?.step ?? null;
      if (!before) {
        out.push({ itemId: s.id, change: 'added', measure: measureOf(m), before: null, after: s, fields: [] });
        continue;
      }
      const fields = stepFields.filter((f) => before[f] !== s[f]);
      if (fields.length > 0) out.push({ itemId: s.id, change: 'changed', measure: measureOf(m), before, after: s, fields });
    }
  }
  for (const [id, { step, measure }] of old) {
    if (!seen.has(id)) out.push({ itemId: id, change: 'removed', measure: measureOf(measure), before: step, after: null, fields: [] });
  }
  return out;
}

/** The content's steps, each with its measure. */
export function stepsOf(content: TemplateContent): { measure: TemplateMeasureContent; step: TemplateStepContent }[] {
  return content.measures.flatMap((measure) => measure.steps.map((step) => ({ measure, step })));
}

/** Distinct responsible names of the content, in order: what an office maps to its groups at adoption. */
export function responsibleNames(content: TemplateContent): string[] {
  return [...new Set(content.measures.map((m) => m.responsibleText))];
}

/** Two working copies are the same (nothing to publish). */
export function sameContent(a: readonly TemplateMeasureContent[], b: readonly TemplateMeasureContent[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Where a responsible name lands in an office: its lead group and participating groups. */
export interface Placement {
  leadGroupId: string | null;
  groupIds: string[];
}

/**
 * The importer's own matching (announcement/group-match.ts) suggests where a template's
 * responsible name goes in an office: its first name leads, the others take part. `resolved`:
 * every name found a group (exactly or by a small correction); else the office chooses.
 */
export function suggestPlacement(text: string, groups: readonly GroupRef[]): Placement & { resolved: boolean } {
  const r = resolveResponsible(text, groups);
  const ids = r.names.map((n) => (n.kind === 'unknown' ? null : n.group.id));
  return {
    leadGroupId: ids[0] ?? null,
    groupIds: [...new Set(ids.slice(1).filter((id): id is string => id !== null))],
    resolved: ids.length > 0 && ids.every((id) => id !== null),
  };
}
