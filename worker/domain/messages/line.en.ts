// English of line.th.ts (same keys, same {params}: checked by the type system).
import { english } from '../i18n';
import type { th } from './line.th';

export default english<typeof th>()({
  'step.label': 'step {step} {title}',
  'step.label-measure': 'measure {measure} step {step} {title}',
  'change.first': 'The first report of the fiscal year',
  'change.since': 'Since the last report: {points} points, {done} more steps done, overdue {overdue}',
  'totals.done': '{percent}% done ({done}/{total} steps)',
  'totals.overdue': '{count} steps overdue',
  'list.item': '• {step} ({when})',
  'list.more': 'and {count} more steps',
  'when.overdue': '{days} days overdue',
  'when.today': 'due today',
  'when.in': 'due in {days} days',
  'executive.alt': 'ITA progress report {org} {period}: {percent}% done ({done}/{total} steps), {overdue} steps overdue',
  'executive.title': 'Executive report {year}',
  'executive.open': 'Open the report',
  'staff.title': 'ITA progress report for staff, {org}',
  'staff.totals': '{percent}% done ({done}/{total} steps), {inProgress} steps in progress, {overdue} steps overdue',
  'staff.link': 'See the report: {url}',
  'digest.alt': '{who}: {overdue} steps overdue, {soon} steps due soon',
  'digest.title': 'Work of {who}',
  'digest.soon': '{count} steps due soon',
  'digest.open': "Open the group's board",
  'failed.no-answer': 'no answer from LINE',
  'failed.window': 'not delivered on LINE within 24 hours; sent by email instead',
  'failed.no-settings': 'the office has no LINE settings',
  'failed.quota': "the month's LINE quota would not cover this push ({used}/{quota} used, {members} members); sent by email instead",
});
