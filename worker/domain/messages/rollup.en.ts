// English of rollup.th.ts (same keys, same {params}: checked by the type system).
import { english } from '../i18n';
import type { th } from './rollup.th';

export default english<typeof th>()({
  'csv.office': 'Office',
  'csv.slug': 'Office code',
  'csv.measure': 'Measure',
  'csv.total': 'Steps',
  'csv.done': 'Done',
  'csv.percent': '% done',
  'csv.overdue': 'Overdue',
  'csv.behind': 'Due by today, not done',
  'csv.evidence': 'Evidence',
  'csv.oit': 'OIT readiness (%)',
  'csv.all-measures': 'All measures',
  'report.subject': 'ITA roll-up of {parent}, {month}',
  'report.title': 'Roll-up of the offices under {parent}',
  'report.period': 'Fiscal year {year}, as of {day}',
  'report.totals': '{percent}% done ({done}/{total} steps), {overdue} steps overdue, {offices} offices ({adopted} adopted the template)',
  'report.behind': 'Offices furthest behind',
  'report.behind-item': '{office}: {behind} steps due and not done, {percent}% done',
  'report.none-behind': 'No office is behind schedule',
  'report.open': 'Open the roll-up: {url}',
});
