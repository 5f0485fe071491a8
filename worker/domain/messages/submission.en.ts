// English of submission.th.ts (same keys, same {params}: checked by the type system).
import { english } from '../i18n';
import type { th } from './submission.th';

export default english<typeof th>()({
  'csv.code': 'Code',
  'csv.title': 'Item',
  'csv.page': 'Page of the office’s website answering it',
  'csv.evidence': 'Evidence addresses',
  'csv.explanation': 'Explanation',
  'csv.health': 'Link health',
  'health.ok': 'All links work',
  'health.flagged': 'Some links need fixing',
  'health.unchecked': 'Links not checked yet',
  'health.no-evidence': 'No evidence yet',
});
