// English of public.th.ts (same keys, same {params}: checked by the type system).
import { english } from '../../../worker/domain/i18n';
import type { th } from './public.th';

export default english<typeof th>()({
  'publicPage.thisOfficeHasNot': 'This office has not published a progress page',
  'publicPage.loading': 'Loading…',
  'publicPage.fiscalYears': 'Fiscal years',
  'publicPage.print': 'Print',
  'publicPage.progressOfTheMeasures': 'Progress of the measures to promote integrity and transparency',
  'publicPage.fiscalYearBeyearBe': 'Fiscal year {beYear} BE',
  'publicPage.asOfFormatlongdate': 'As of {formatLongDate}',
  'publicPage.summary': 'Summary',
  'publicPage.doneOfStepsSteps': '{done} of {steps} steps complete',
  'publicPage.measureNumberTitle': 'Measure {number}: {title}',
  'publicPage.responsible': 'Responsible: ',
  'publicPage.andAllGroups': ' and all groups',
  'publicPage.doneTotalStepsDone': '{done}/{total} steps done ({percentText})',
  'publicPage.step': 'Step',
  'publicPage.stepMethod': 'Step / method',
  'publicPage.status': 'Status',
  'publicPage.publishedEvidence': 'Published evidence',
  'publicPage.dueShortdate': 'Due {shortDate}',
  'publicPage.openData': 'Open data',
  'publicPage.downloadThisDataTo': 'Download this data to reuse it (one row per step)',
  'publicPage.columnDocumentationTableSchema': 'Column documentation (Table Schema)',
});
