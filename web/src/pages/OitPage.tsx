// OIT readiness (/oit/2567): how many of the year's OIT items already have evidence, what is
// missing before the submission deadline, and the catalogue with the evidence and cards serving
// each item. Administrators edit the catalogue, import it and set the deadline and public page.
import { useLoad } from '../components/admin/useLoad';
import { lazy, Suspense } from 'preact/compat';
import type { OitReadinessView } from '../../../worker/domain/views';
import type { ApiError } from '../api';
import { fiscalYearLabel, languageReady } from '../i18n';
import { tSubmission } from '../messages/submission';
import { goTo, section, selectedYear } from '../state/ui';
import { oitApi } from '../components/oit/api';
import { Catalogue } from '../components/oit/Catalogue';
import { CatalogueImport } from '../components/oit/CatalogueImport';
import { CatalogueVersions } from '../components/oit/CatalogueVersions';
import { OitSettings } from '../components/oit/OitSettings';
import { ReadinessSummary } from '../components/oit/ReadinessSummary';
import { LoadState } from '../components/oit/LoadState';
import '../components/dashboard/charts.css';
import '../components/oit/oit.css';
import { tOit } from '../messages/oit';

// The OIT submission (/submission/<year>) is a page of its own, loaded when first opened.
const SubmissionPage = lazy(() => import('./SubmissionPage').then((m) => languageReady().then(() => ({ default: m.SubmissionPage }))));

export function OitPage() {
  if (section.value === 'submission') {
    return (
      <Suspense fallback={<p class="board-message" aria-busy="true">{tOit('page.loading')}</p>}>
        <SubmissionPage />
      </Suspense>
    );
  }
  return <Readiness />;
}

function Readiness() {
  const year = selectedYear.value;
  const { data: view, error, reload } = useLoad(() => (year === null ? null : oitApi.readiness(year)), [year]);

  const current = view && view.fiscalYear.beYear === year ? view : null;
  return (
    <div class="page-column oit-page" data-testid="oit-page">
      <h1 class="dash-title">
        {tOit('page.oitReadinessPublicDisclosure')}
        {year !== null && <span class="muted"> · {fiscalYearLabel(year)}</span>}
      </h1>
      <LoadState error={error} waiting={!current} loadingText={tOit('page.loading')} retryText={tOit('page.tryAgain')} onRetry={() => void reload()} />
      {current && (
        <>
          <ReadinessSummary view={current} />
          <p class="oit-submission-link">
            <a
              href={`/submission/${current.fiscalYear.beYear}`}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                goTo('submission');
              }}
              data-testid="oit-submission-link"
            >
              {tSubmission('page.open')} →
            </a>
          </p>
          <Catalogue view={current} onChanged={() => void reload()} />
          <CatalogueVersions beYear={current.fiscalYear.beYear} canEdit={current.canEdit} onApplied={() => void reload()} />
          {current.canEdit && (
            <div class="oit-admin">
              <OitSettings view={current} onChanged={() => void reload()} />
              <CatalogueImport beYear={current.fiscalYear.beYear} onImported={() => void reload()} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
