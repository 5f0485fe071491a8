// The OIT submission of a fiscal year (/submission/2567, linked from the OIT readiness page): per
// item its code and title, the page of the office's website answering it, every evidence address,
// the explanation and the links' health; the CSV to download; each item's publish-permission form
// on A4 (one item per page), one at a time or all together. Administrators edit every item,
// directors the items their group's evidence answers; executives and staff read.
import { useEffect, useState } from 'preact/hooks';
import { useLoad } from '../components/admin/useLoad';
import type { SubmissionItem, SubmissionView } from '../../../worker/domain/submission';
import type { ApiError } from '../api';
import { fiscalYearLabel, pickText } from '../i18n';
import { goTo, selectedYear } from '../state/ui';
import { safeHref } from '../components/dashboard/format';
import { LinkHost } from '../components/LinkHost';
import { Feedback } from '../components/Feedback';
import { LoadState } from '../components/oit/LoadState';
import { submissionApi } from '../components/submission/api';
import { SubmissionEditor } from '../components/submission/SubmissionEditor';
import { PermitForm } from '../components/submission/PermitForm';
import { loadMemo, memo } from '../components/memo/memo-state';
import { formatMoment } from '../../../worker/domain/thai-date';
import { lang } from '../state/ui';
import { tSubmission } from '../messages/submission';
import { tLinks } from '../messages/links';
import type { LinkFlag } from '../../../worker/domain/link-health';
import '../styles/memo.css';
import '../components/submission/submission.css';

/** Flags in the words every other page, email and report uses (messages/links.*). */
const flagsText = (flags: readonly LinkFlag[]) => flags.map((f) => tLinks(`flag.${f}`)).join(', ');

function Health({ item }: { item: SubmissionItem }) {
  const h = item.health;
  return (
    <span class={`sub-health sub-health-${h.state}`} data-testid="sub-health" data-state={h.state}>
      {tSubmission(`health.${h.state}`)}
      {h.flags.length > 0 && `: ${flagsText(h.flags)}`}
      {h.checkedAt !== null && <span class="muted"> · {tSubmission('health.checkedAt', { date: formatMoment(h.checkedAt, lang.value) })}</span>}
    </span>
  );
}

function ItemRow({ item, onEdit, onForm }: { item: SubmissionItem; onEdit: () => void; onForm: () => void }) {
  return (
    <>
      <div class="sub-item-head">
        <span class="oit-code">{item.code}</span>
        <span class="sub-title">{pickText(item.titleTh, item.titleEn || item.titleTh)}</span>
        <Health item={item} />
        <span class="sub-actions">
          {item.canEdit && (
            <button type="button" class="button button-link" onClick={onEdit} data-testid="sub-edit">
              {tSubmission('item.edit')}
            </button>
          )}
          <button type="button" class="button button-link" onClick={onForm} data-testid="sub-form">
            {tSubmission('item.form')}
          </button>
        </span>
      </div>
      <dl class="sub-facts">
        <dt>{tSubmission('item.page')}</dt>
        <dd data-testid="sub-page">
          {item.pageUrl ? (
            <>
              <a href={safeHref(item.pageUrl)} target="_blank" rel="noopener noreferrer">
                {item.pageUrl}
              </a>
              <LinkHost url={item.pageUrl} />
            </>
          ) : (
            <span class="muted">{tSubmission('item.noPage')}</span>
          )}
        </dd>
        <dt>{tSubmission('item.evidence')}</dt>
        <dd>
          {item.evidence.length === 0 ? (
            <span class="muted">{tSubmission('item.noEvidence')}</span>
          ) : (
            <ul class="sub-evidence" data-testid="sub-evidence">
              {item.evidence.map((e, i) => (
                <li key={i}>
                  <a href={safeHref(e.url)} target="_blank" rel="noopener noreferrer">
                    {e.url}
                  </a>
                  <LinkHost url={e.url} />
                  {e.health && e.health.flags.length > 0 && <span class="sub-flags"> — {flagsText(e.health.flags)}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{tSubmission('item.explanation')}</dt>
        <dd class="sub-explanation" data-testid="sub-explanation-text">
          {item.explanationText ? item.explanationText : <span class="muted">{tSubmission('item.noExplanation')}</span>}
          {item.explanation === null && item.explanationText !== '' && <span class="muted"> {tSubmission('item.prefilled')}</span>}
        </dd>
      </dl>
    </>
  );
}

export function SubmissionPage() {
  const year = selectedYear.value;
  const { data: view, error, reload, setData: setView } = useLoad(() => (year === null ? null : submissionApi.load(year)), [year]);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** The items whose forms are on screen (null: none), and whether to print them at once. */
  const [forms, setForms] = useState<string[] | null>(null);
  const [printNow, setPrintNow] = useState(false);

  useEffect(() => {
    void loadMemo();
  }, [year]);
  useEffect(() => {
    if (!printNow || !forms) return;
    setPrintNow(false);
    // After the forms are drawn (this effect runs once they are in the document).
    requestAnimationFrame(() => window.print());
  }, [printNow, forms]);

  const current = view && view.fiscalYear.beYear === year ? view : null;
  const showForms = (codes: string[], print: boolean) => {
    setForms(codes);
    setPrintNow(print);
    window.scrollTo(0, 0);
  };
  const replace = (item: SubmissionItem) => setView((v) => (v ? { ...v, items: v.items.map((i) => (i.code === item.code ? item : i)) } : v));
  const years = current ? [current.fiscalYear.beYear - 1, current.fiscalYear.beYear, current.fiscalYear.beYear + 1] : [];
  const m = memo.value;
  const thaiDigits = m?.thaiDigits ?? current?.office.thaiDigits ?? false;

  return (
    <div class="page-column oit-page sub-page" data-testid="submission-page">
      <p class="no-print">
        <a
          href={year === null ? '/oit' : `/oit/${year}`}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            goTo('oit');
          }}
          data-testid="sub-back"
        >
          ← {tSubmission('page.back')}
        </a>
      </p>
      <h1 class="dash-title no-print">
        {tSubmission('page.title')}
        {year !== null && <span class="muted"> · {fiscalYearLabel(year)}</span>}
      </h1>
      <LoadState error={error} waiting={!current} loadingText={tSubmission('page.loading')} retryText={tSubmission('page.tryAgain')} onRetry={() => void reload()} />
      {current && (
        <>
          {/* The forms, when open, take the list's place (and are what prints). */}
          <div class="no-print" hidden={forms !== null}>
            <p class="sub-intro">{tSubmission('page.intro')}</p>
            <p class="sub-summary" data-testid="sub-summary">
              {tSubmission('page.summary', {
                items: current.items.length,
                pages: current.items.filter((i) => i.pageUrl).length,
                evidenced: current.items.filter((i) => i.evidence.length > 0).length,
                flagged: current.items.filter((i) => i.health.state === 'flagged').length,
              })}
            </p>
            {!current.items.some((i) => i.canEdit) && current.items.length > 0 && <p class="muted">{tSubmission('page.readOnly')}</p>}
            <div class="sub-toolbar">
              <a class="button button-secondary" href={submissionApi.csvUrl(current.fiscalYear.beYear)} download data-testid="sub-csv">
                {tSubmission('page.csv')}
              </a>
              {current.items.length > 0 && (
                <button type="button" class="button button-secondary" onClick={() => showForms(current.items.map((i) => i.code), true)} data-testid="sub-print-all">
                  {tSubmission('page.printAll', { n: current.items.length })}
                </button>
              )}
            </div>
            <Feedback ok={saved} testId="sub-page" />
            {current.items.length === 0 && <p class="muted">{tSubmission('page.none')}</p>}
            <ul class="oit-items sub-items">
              {current.items.map((item) => (
                <li key={item.code} class="oit-item sub-item" data-testid="sub-item" data-code={item.code}>
                  <ItemRow item={item} onEdit={() => setEditing(item.code)} onForm={() => showForms([item.code], false)} />
                  {editing === item.code && (
                    <SubmissionEditor
                      key={item.code}
                      beYear={current.fiscalYear.beYear}
                      item={item}
                      years={years}
                      onSaved={(next) => {
                        replace(next);
                        setEditing(null);
                        setSaved(tSubmission('editor.saved', { code: next.code }));
                      }}
                      onStale={() => void reload()}
                      onCancel={() => setEditing(null)}
                    />
                  )}
                </li>
              ))}
            </ul>
          </div>
          {forms && (
            <section class="permit-sheets" aria-label={tSubmission('forms.title', { n: forms.length })} data-testid="permit-sheets">
              <div class="permit-toolbar no-print">
                <h2>{tSubmission('forms.title', { n: forms.length })}</h2>
                <button type="button" class="button button-primary" onClick={() => window.print()} data-testid="permit-print">
                  {tSubmission('forms.print')}
                </button>
                <button type="button" class="button button-ghost" onClick={() => setForms(null)} data-testid="permit-close">
                  {tSubmission('forms.close')}
                </button>
              </div>
              {current.items
                .filter((i) => forms.includes(i.code))
                .map((item) => (
                  <PermitForm key={item.code} item={item} office={current.office.nameTh} beYear={current.fiscalYear.beYear} emblem={m?.emblem ?? null} thaiDigits={thaiDigits} />
                ))}
            </section>
          )}
        </>
      )}
    </div>
  );
}
