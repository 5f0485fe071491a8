// How a person in a card's history is named: a member an administrator removed keeps their name,
// marked as removed.
import type { PersonRef } from '../../worker/domain/contracts-card';
import { t } from './i18n';

export function personName(person: PersonRef): string {
  return person.removed ? `${person.displayName} ${t('person.removed')}` : person.displayName;
}
