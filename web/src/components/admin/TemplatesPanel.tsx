// The templates of measures the office's parent bodies published (issue 19), for its
// administrators: each with its year, version and where the office stands (not adopted, the
// version adopted, the changes waiting for a decision). One is opened below the list: to adopt it
// (TemplateAdopt) or to decide a later version's differences one by one (TemplateReview).
import { useState } from 'preact/hooks';
import { fiscalYearLabel, pickText } from '../../i18n';
import { formatMoment } from '../../../../worker/domain/thai-date';
import { goTo, lang, selectYear } from '../../state/ui';
import { loadFiscalYears } from '../../state/board';
import { Feedback } from '../Feedback';
import { AdminPanel, AdminTable } from './Panel';
import { useLoad } from './useLoad';
import { officeTreeApi } from './tree-api';
import { TemplateAdopt, type Adopted } from './TemplateAdopt';
import { TemplateReview } from './TemplateReview';
import { tParentOffice as tp } from '../../messages/parent-office';

export function TemplatesPanel({ refresh }: { refresh: number }) {
  const { data, error, reload } = useLoad(() => officeTreeApi.templates(), [refresh]);
  const [open, setOpen] = useState<string | null>(null);
  const list = data?.templates ?? [];
  return (
    <AdminPanel name="templates" title={tp('templates.title')}>
      <p class="muted">{tp('templates.intro')}</p>
      {!data && !error && <p aria-busy="true">{tp('loading')}</p>}
      <Feedback error={error} testId="templates-load" />
      {data && list.length === 0 && <p data-testid="templates-none">{tp('templates.none')}</p>}
      {list.length > 0 && (
        <AdminTable headers={[tp('col.year'), tp('col.template'), tp('col.office'), '']}>
          {list.map((t) => (
            <tr key={t.id} data-testid="template-row" data-year={t.beYear}>
              <td>{fiscalYearLabel(t.beYear)}</td>
              <td>
                <strong>{t.title}</strong>
                {t.publisher && (
                  <>
                    <br />
                    <span data-testid="template-publisher">{tp('row.publisher', { name: pickText(t.publisher.nameTh, t.publisher.nameEn || t.publisher.nameTh) })}</span>
                  </>
                )}
                <br />
                <span class="muted">{tp('row.version', { version: t.version, at: t.publishedAt ? formatMoment(t.publishedAt, lang.value) : '–' })}</span>
              </td>
              <td data-testid="template-state">
                {t.adoptedVersion === null ? tp('row.notAdopted') : tp('row.adopted', { version: t.adoptedVersion })}
                {t.adoptedVersion !== null && (
                  <>
                    <br />
                    <span class={t.pending > 0 ? 'po-pending' : 'muted'}>{t.pending > 0 ? tp('row.pending', { count: t.pending }) : tp('row.upToDate')}</span>
                  </>
                )}
              </td>
              <td>
                {open === t.id ? (
                  <button type="button" class="button button-secondary" onClick={() => setOpen(null)} aria-expanded="true" data-testid="template-close">
                    {tp('row.close')}
                  </button>
                ) : t.adoptedVersion === null ? (
                  <button type="button" class="button button-primary" onClick={() => setOpen(t.id)} aria-expanded="false" data-testid="template-adopt">
                    {tp('row.adopt')}
                  </button>
                ) : (
                  t.pending > 0 && (
                    <button type="button" class="button button-primary" onClick={() => setOpen(t.id)} aria-expanded="false" data-testid="template-review">
                      {tp('row.review')}
                    </button>
                  )
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {open && list.some((t) => t.id === open) && <TemplateDetail key={open} id={open} onChanged={() => void reload()} />}
    </AdminPanel>
  );
}

/** One template opened: adopt it when the office has not, else decide its pending changes. */
function TemplateDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { data, error, reload } = useLoad(() => officeTreeApi.template(id), [id]);
  const [adopted, setAdopted] = useState<Adopted | null>(null);
  const changed = async () => {
    await reload();
    onChanged();
  };
  return (
    <div class="po-detail" data-testid="template-detail">
      {!data && !error && <p aria-busy="true">{tp('loading')}</p>}
      <Feedback error={error} testId="template-load" />
      {adopted && <AdoptedNotice adopted={adopted} />}
      {data &&
        (data.adoption === null ? (
          <TemplateAdopt
            template={data}
            onAdopted={async (result) => {
              setAdopted(result);
              await Promise.all([changed(), loadFiscalYears()]);
            }}
          />
        ) : (
          <TemplateReview template={data} onDecided={changed} />
        ))}
    </div>
  );
}

/** What an adoption added, and the way to its board. */
function AdoptedNotice({ adopted }: { adopted: Adopted }) {
  return (
    <p class="form-ok" role="status" data-testid="template-adopted">
      {tp('adopt.done', { measures: adopted.measures, cards: adopted.cards, beYear: adopted.beYear })}{' '}
      <a
        href={`/board/${adopted.beYear}`}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          selectYear(adopted.beYear);
          goTo('board');
        }}
        data-testid="template-open-board"
      >
        {tp('adopt.openBoard', { beYear: adopted.beYear })} →
      </a>
    </p>
  );
}
