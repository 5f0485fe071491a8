// The card's own fields in the drawer: description, due date (Buddhist Era) and groups. Editors
// change them in one form; everyone else reads them.
import { useEffect, useState } from 'preact/hooks';
import type { CardFull } from '../../../../../worker/domain/contracts';
import { formatDate } from '../../../../../worker/domain/thai-date';
import { pickText, t } from '../../../i18n';
import { board, groupsById } from '../../../state/board';
import { saveCard } from '../../../state/cards';
import { openFullCard } from '../../../state/details';
import { me } from '../../../state/session';
import { lang } from '../../../state/ui';
import { BeDateInput } from './BeDateInput';
import { Feedback } from '../../Feedback';
import { tDrawer } from '../../../messages/drawer';

interface Draft {
  details: string;
  dueOn: string | null;
  dueProblem: string | null;
  leadGroupId: string | null;
  groupIds: string[];
  allGroups: boolean;
}

function draftOf(card: CardFull): Draft {
  return {
    details: card.details,
    dueOn: card.dueOn,
    dueProblem: null,
    leadGroupId: card.leadGroupId,
    groupIds: card.groupIds.filter((id) => id !== card.leadGroupId),
    allGroups: card.allGroups,
  };
}

export function CardFields({ card }: { card: CardFull }) {
  return card.editable ? <FieldsForm card={card} /> : <FieldsView card={card} />;
}

function FieldsView({ card }: { card: CardFull }) {
  const groups = groupsById.value;
  const name = (id: string) => {
    const g = groups.get(id);
    return g ? pickText(g.nameTh, g.nameEn) : '';
  };
  const others = card.groupIds.filter((id) => id !== card.leadGroupId).map(name).filter(Boolean);
  return (
    <dl class="drawer-facts" data-testid="card-facts">
      <dt>{t('card.details')}</dt>
      <dd class="drawer-text" data-testid="card-details-text">
        {card.details || <span class="muted">{tDrawer('drawer.noDetails')}</span>}
      </dd>
      <dt>{t('drawer.due')}</dt>
      <dd>{card.dueOn ? formatDate(card.dueOn, lang.value) : <span class="muted">{tDrawer('drawer.noDue')}</span>}</dd>
      <dt>{t('card.lead')}</dt>
      <dd>{card.leadGroupId ? name(card.leadGroupId) : <span class="muted">—</span>}</dd>
      <dt>{t('drawer.participants')}</dt>
      <dd>{card.allGroups ? t('card.allGroups') : others.length > 0 ? others.join(', ') : <span class="muted">—</span>}</dd>
    </dl>
  );
}

function FieldsForm({ card }: { card: CardFull }) {
  // `base` is the card as it was when editing began: only fields changed since then are sent,
  // so a change someone else makes meanwhile (a live update) to another field is not undone.
  const [base, setBase] = useState<Draft>(() => draftOf(card));
  const [draft, setDraft] = useState<Draft>(base);
  const [error, setError] = useState<string | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(base);
  useEffect(() => {
    // The card changed (saved, or by someone else; its details arrive with the drawer's next
    // read): follow it unless the user is mid-edit.
    if (dirty) return;
    const next = draftOf(card);
    setBase(next);
    setDraft(next);
    setError(null);
  }, [card.id, card.version, card.details]);

  const groups = board.value?.groups ?? [];
  const user = me.value;
  const beYear = board.value?.fiscalYear.beYear ?? 2567;
  const years = [beYear - 1, beYear, beYear + 1, beYear + 2];
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  function onSubmit(event: Event) {
    event.preventDefault();
    if (draft.dueProblem) {
      setError(draft.dueProblem);
      return;
    }
    // The server refuses a director handing the card away from their own group; say so first.
    const mine = user?.role === 'director' ? user.groupId : null;
    if (mine && draft.leadGroupId !== mine && !draft.groupIds.includes(mine)) {
      setError(tDrawer('drawer.keepOwnGroup'));
      return;
    }
    setError(null);
    const changes: Parameters<typeof saveCard>[1] = {};
    if (draft.details.trim() !== base.details) changes.details = draft.details.trim();
    if (draft.dueOn !== base.dueOn) changes.dueOn = draft.dueOn;
    if (draft.leadGroupId !== base.leadGroupId) changes.leadGroupId = draft.leadGroupId;
    const ids = draft.groupIds.filter((id) => id !== draft.leadGroupId);
    if (ids.join() !== base.groupIds.join()) changes.groupIds = ids;
    if (draft.allGroups !== base.allGroups) changes.allGroups = draft.allGroups;
    if (Object.keys(changes).length === 0) return;
    void saveCard(card.id, changes).then((saved) => {
      if (!saved) return;
      const now = openFullCard.peek();
      const next = draftOf(now?.id === card.id ? now : card);
      setBase(next);
      setDraft(next);
    });
  }

  return (
    <form class="drawer-form" data-testid="card-fields" onSubmit={onSubmit}>
      <div class="field">
        <label for="drawer-details">{t('card.details')}</label>
        <textarea
          id="drawer-details"
          data-testid="details-input"
          rows={4}
          maxLength={20000}
          value={draft.details}
          onInput={(e) => set({ details: e.currentTarget.value })}
        />
      </div>
      <BeDateInput
        id="drawer-due"
        legend={t('drawer.due')}
        value={card.dueOn}
        years={years}
        onChange={(result) =>
          set(
            result.ok
              ? { dueOn: result.iso, dueProblem: null }
              : { dueProblem: result.problem === 'incomplete' ? tDrawer('due.incomplete') : tDrawer('due.noSuchDay') },
          )
        }
      />
      <div class="field">
        <label for="drawer-lead">{t('card.lead')}</label>
        <select
          id="drawer-lead"
          class="select"
          data-testid="lead-select"
          value={draft.leadGroupId ?? ''}
          onChange={(e) => set({ leadGroupId: e.currentTarget.value || null })}
        >
          <option value="">{tDrawer('drawer.noLead')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {pickText(g.nameTh, g.nameEn)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="drawer-groups">
        <legend>{t('drawer.participants')}</legend>
        <label class="check">
          <input
            type="checkbox"
            data-testid="all-groups"
            checked={draft.allGroups}
            onChange={(e) => set({ allGroups: e.currentTarget.checked })}
          />
          {t('card.allGroups')}
        </label>
        {groups
          .filter((g) => g.id !== draft.leadGroupId)
          .map((g) => (
            <label key={g.id} class="check">
              <input
                type="checkbox"
                checked={draft.groupIds.includes(g.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  set({ groupIds: on ? [...draft.groupIds, g.id] : draft.groupIds.filter((id) => id !== g.id) });
                }}
              />
              {pickText(g.nameTh, g.nameEn)}
            </label>
          ))}
      </fieldset>
      <Feedback error={error} testId="fields" />
      <button type="submit" class="button button-primary" data-testid="save-fields">
        {tDrawer('drawer.save')}
      </button>
    </form>
  );
}
