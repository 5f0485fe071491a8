// English of read-only.th.ts (same keys, same {params}: checked by the type system).
import { english } from '../../../worker/domain/i18n';
import type { th } from './read-only.th';

export default english<typeof th>()({
  'readOnly.executive': 'The board is read-only for executives: executives follow progress; the responsible group directors move the cards',
  'readOnly.staff': 'The board is read-only for staff: the responsible group directors move the cards',
  'readOnly.card': 'This card is read-only for you: you can move only the cards your group is responsible for',
  'readOnly.oversight': 'The board is read-only: you opened this office from its parent body, so you can read everything and change nothing',
});
