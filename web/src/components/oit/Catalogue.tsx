// The fiscal year's OIT items, by sub-indicator: each with its evidence links and the cards they
// come from. Administrators edit, add and delete items here.
import { useState } from 'preact/hooks';
import type { OitReadinessView } from '../../../../worker/domain/views';
import type { ItemReadiness } from '../../../../worker/domain/readiness';
import type { ApiError } from '../../api';
import { pickText } from '../../i18n';
import { categoryLabel, safeHref } from '../dashboard/format';
import { LinkHost } from '../LinkHost';
import { LinkFlags } from '../LinkFlags';
import { tLinks } from '../../messages/links';
import { oitApi } from './api';
import { ItemEditor } from './ItemEditor';
import { Feedback } from '../Feedback';
import { tOit } from '../../messages/oit';

function bySubIndicator(items: ItemReadiness[]): [string, ItemReadiness[]][] {
  const groups = new Map<string, ItemReadiness[]>();
  for (const item of items) groups.set(item.subIndicator, [...(groups.get(item.subIndicator) ?? []), item]);
  return [...groups];
}

export function Catalogue({ view, onChanged }: { view: OitReadinessView; onChanged: () => void }) {
  const beYear = view.fiscalYear.beYear;
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const nextPosition = view.items.reduce((max, i) => Math.max(max, i.position + 1), 0);
  const done = (changed: boolean) => {
    setEditing(null);
    if (changed) onChanged();
  };

  async function remove(item: ItemReadiness) {
    if (confirming !== item.id) return setConfirming(item.id);
    setConfirming(null);
    const r = await oitApi.deleteItem(beYear, item.id);
    if (!r.ok) return setError(r.error);
    setError(null);
    onChanged();
  }

  return (
    <section class="oit-catalogue" aria-labelledby="oit-catalogue-title" data-testid="oit-catalogue">
      <div class="oit-section-head">
        <h2 id="oit-catalogue-title">{tOit('catalogue.oitItemsFyBeyear', { beYear, items: view.items.length })}</h2>
        {view.canEdit && editing !== 'new' && (
          <button type="button" class="button button-secondary" onClick={() => setEditing('new')} data-testid="oit-add">
            {tOit('catalogue.addItem')}
          </button>
        )}
      </div>
      <Feedback error={error} testId="oit" />
      {editing === 'new' && <ItemEditor beYear={beYear} nextPosition={nextPosition} onDone={done} />}
      {view.items.length === 0 && <p class="muted">{tOit('catalogue.noOitItemsFor')}</p>}
      {bySubIndicator(view.items).map(([sub, items]) => (
        <div key={sub} class="oit-group">
          <h3>{sub || tOit('catalogue.noSubIndicator')}</h3>
          <ul class="oit-items">
            {items.map((item) => (
              <li key={item.id} class={`oit-item${item.ready ? ' is-ready' : ''}`} data-testid="oit-item" data-code={item.code}>
                <div class="oit-item-head">
                  <span class="oit-code">{item.code}</span>
                  <span class="oit-title">
                    {pickText(item.titleTh, item.titleEn || item.titleTh)}
                    {item.titleEn && <span class="muted oit-title-en" lang={tOit('catalogue.th')}>{pickText(item.titleEn, item.titleTh)}</span>}
                  </span>
                  <span class={`oit-status${item.ready ? ' ready' : ''}`}>{item.ready ? tOit('catalogue.hasEvidence') : tOit('catalogue.missing')}</span>
                  <FlaggedCount item={item} view={view} />
                  {view.canEdit && (
                    <span class="oit-actions">
                      <button type="button" class="button button-link" onClick={() => setEditing(item.id)} data-testid="oit-edit">
                        {tOit('catalogue.edit')}
                      </button>
                      <button type="button" class="button button-link danger" onClick={() => void remove(item)} data-testid="oit-delete">
                        {confirming === item.id ? tOit('catalogue.confirmDelete') : tOit('catalogue.delete')}
                      </button>
                    </span>
                  )}
                </div>
                {editing === item.id && <ItemEditor beYear={beYear} item={item} nextPosition={nextPosition} onDone={done} />}
                {item.evidence.length > 0 && (
                  <ul class="oit-evidence">
                    {item.evidence.map((e) => (
                      <li key={e.id}>
                        <a href={safeHref(e.url)} rel="noopener noreferrer" target="_blank">
                          {e.note || e.url}
                        </a>
                        <LinkHost url={e.url} />
                        <LinkFlags health={view.linkHealth[e.id]} />
                      </li>
                    ))}
                  </ul>
                )}
                {item.cards.length > 0 && (
                  <p class="oit-cards muted">
                    {tOit('catalogue.fromCards')}
                    {item.cards.map((c) => `${c.measureNumber ?? '–'}.${c.stepNumber} ${c.title} (${categoryLabel(c.category)})`).join(' · ')}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {view.unmatched.length > 0 && (
        <div class="oit-unmatched" role="note">
          <h3>{tOit('catalogue.evidenceNamingACode')}</h3>
          <ul>
            {view.unmatched.map((e) => (
              <li key={e.id}>
                <strong>{e.oitCode}</strong> <a href={safeHref(e.url)} rel="noopener noreferrer" target="_blank">{e.url}</a>
                <LinkHost url={e.url} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** How many of the item's evidence links carry a flag (each is shown with its badges below). */
function FlaggedCount({ item, view }: { item: ItemReadiness; view: OitReadinessView }) {
  const n = item.evidence.filter((e) => (view.linkHealth[e.id]?.flags.length ?? 0) > 0).length;
  return n > 0 ? (
    <span class="badge link-flag" data-testid="oit-flagged">
      {tLinks('oit.flagged', { n })}
    </span>
  ) : null;
}
