// English of done-rule.th.ts (same keys, same {params}: checked by the type system).
import { english } from '../../../worker/domain/i18n';
import type { th } from './done-rule.th';

export default english<typeof th>()({
  title: 'Evidence for done steps',
  switch: 'A step moved into a column of the "done" kind needs at least one piece of evidence (a link or a file)',
  help: 'Applies to every fiscal year of the office. A move without evidence is refused, saying what is missing, whether by dragging, the keyboard or the "Move to…" menu, and the last evidence of a done step cannot be removed. Steps already done when it is switched on stay done.',
  on: 'On: done steps need evidence',
  off: 'Off: steps may be moved into done without evidence',
});
