// The card's checklist, generated from the measure's monitoring requirements. Editors tick, add,
// rename and remove items; each change is saved at once (the whole list, with the card's version).
import { useState } from 'preact/hooks';
import type { CardFull } from '../../../../../worker/domain/contracts';
import { t } from '../../../i18n';
import { updateChecklist, type ChecklistItem } from '../../../state/cards';
import { tDrawer } from '../../../messages/drawer';

const MAX_ITEMS = 50;
const MAX_TEXT = 300;

function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `c${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

export function Checklist({ card }: { card: CardFull }) {
  const items = card.checklist;
  const done = items.filter((i) => i.done).length;
  const edit = (update: (list: ChecklistItem[]) => ChecklistItem[]) => void updateChecklist(card.id, update);

  return (
    <section class="drawer-section" aria-labelledby="drawer-checklist" data-testid="checklist">
      <h3 id="drawer-checklist" class="drawer-heading">
        {t('checklist.title')}{' '}
        {items.length > 0 && <span class="muted">{t('checklist.progress', { done, total: items.length })}</span>}
      </h3>
      {items.length === 0 && <p class="muted">{tDrawer('checklist.empty')}</p>}
      <ul class="checklist">
        {items.map((item) =>
          card.editable ? (
            <EditableItem key={item.id} item={item} edit={edit} />
          ) : (
            <li key={item.id} class={`checklist-item${item.done ? ' is-done' : ''}`} data-testid="checklist-item">
              <span aria-hidden="true">{item.done ? '☑' : '☐'} </span>
              <span class="visually-hidden">{item.done ? tDrawer('checklist.done') : tDrawer('checklist.notDone')}: </span>
              {item.text}
            </li>
          ),
        )}
      </ul>
      {card.editable && items.length < MAX_ITEMS && <AddItem onAdd={(text) => edit((list) => [...list, { id: newId(), text, done: false }])} />}
    </section>
  );
}

function EditableItem({ item, edit }: { item: ChecklistItem; edit: (update: (list: ChecklistItem[]) => ChecklistItem[]) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [text, setText] = useState(item.text);
  const inputId = `check-${item.id}`;

  if (renaming) {
    return (
      <li class="checklist-item" data-testid="checklist-item">
        <form
          class="checklist-rename"
          onSubmit={(e) => {
            e.preventDefault();
            const value = text.trim();
            if (!value) return;
            setRenaming(false);
            if (value !== item.text) edit((list) => list.map((i) => (i.id === item.id ? { ...i, text: value } : i)));
          }}
        >
          <label class="visually-hidden" for={`${inputId}-text`}>
            {tDrawer('checklist.rename')}
          </label>
          <input
            id={`${inputId}-text`}
            class="select"
            value={text}
            maxLength={MAX_TEXT}
            required
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                e.preventDefault();
                setRenaming(false);
                setText(item.text);
              }
            }}
          />
          <button type="submit" class="button button-secondary">
            {tDrawer('drawer.save')}
          </button>
        </form>
      </li>
    );
  }

  return (
    <li class={`checklist-item${item.done ? ' is-done' : ''}`} data-testid="checklist-item">
      <input
        id={inputId}
        type="checkbox"
        data-testid="checklist-toggle"
        checked={item.done}
        onChange={() => edit((list) => list.map((i) => (i.id === item.id ? { ...i, done: !i.done } : i)))}
      />
      <label for={inputId} class="checklist-text">
        {item.text}
      </label>
      <button type="button" class="button button-link" onClick={() => setRenaming(true)} aria-label={tDrawer('checklist.renameItem', { text: item.text })}>
        {tDrawer('checklist.rename')}
      </button>
      <button
        type="button"
        class="button button-link button-danger"
        data-testid="checklist-remove"
        onClick={() => edit((list) => list.filter((i) => i.id !== item.id))}
        aria-label={tDrawer('checklist.removeItem', { text: item.text })}
      >
        {tDrawer('checklist.remove')}
      </button>
    </li>
  );
}

function AddItem({ onAdd }: { onAdd: (text: string) => void }) {
  const [text, setText] = useState('');
  return (
    <form
      class="checklist-add"
      onSubmit={(e) => {
        e.preventDefault();
        const value = text.trim();
        if (!value) return;
        onAdd(value);
        setText('');
      }}
    >
      <label class="visually-hidden" for="checklist-new">
        {tDrawer('checklist.add')}
      </label>
      <input
        id="checklist-new"
        class="select"
        data-testid="checklist-new"
        value={text}
        maxLength={MAX_TEXT}
        placeholder={tDrawer('checklist.addHint')}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" class="button button-secondary" data-testid="checklist-add">
        {tDrawer('checklist.add')}
      </button>
    </form>
  );
}
