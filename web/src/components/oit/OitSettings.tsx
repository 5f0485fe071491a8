// The office's OIT settings (administrators): this fiscal year's submission deadline (a Buddhist
// Era date, inside the year), and whether the public progress page and open data are published.
import { useEffect, useState } from 'preact/hooks';
import type { OitReadinessView } from '../../../../worker/domain/views';
import { oitApi } from './api';
import { Feedback } from '../Feedback';
import { BeDateInput } from '../dates/BeDateInput';
import { ApiError as ClientError } from '../../api';
import { tOit } from '../../messages/oit';

export function OitSettings({ view, onChanged }: { view: OitReadinessView; onChanged: () => void }) {
  const [deadline, setDeadline] = useState<string | null>(view.office.submissionDeadline);
  const [complete, setComplete] = useState(true);
  const [error, setError] = useState<ClientError | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  // What the checkbox shows while the change is on its way (the page reloads the view after it).
  const [publicOn, setPublicOn] = useState(view.office.publicPage);
  useEffect(() => setPublicOn(view.office.publicPage), [view.office.publicPage, view.fiscalYear.beYear]);
  useEffect(() => {
    setDeadline(view.office.submissionDeadline);
    setComplete(true);
  }, [view.office.submissionDeadline, view.fiscalYear.beYear]);
  const beYear = view.fiscalYear.beYear;
  const publicPath = `/p/${view.office.slug}/${view.fiscalYear.beYear}`;

  async function saveDeadline(e: Event) {
    e.preventDefault();
    if (!complete) {
      return setError(new ClientError(0, 'incomplete_date', 'โปรดเลือกวัน เดือน และปี พ.ศ. ให้ครบ หรือกด "ไม่กำหนดวันส่ง"', 'Choose the day, month and BE year, or press "No deadline"', null));
    }
    const r = await oitApi.setDeadline(beYear, deadline);
    if (!r.ok) return setError(r.error);
    setError(null);
    setOk(tOit('oitSettings.deadlineSaved'));
    onChanged();
  }

  async function togglePublic(on: boolean) {
    setPublicOn(on);
    const r = await oitApi.setPublicPage(view.fiscalYear.beYear, on);
    if (!r.ok) {
      setPublicOn(!on);
      return setError(r.error);
    }
    setError(null);
    const year = view.fiscalYear.beYear;
    setOk(on ? tOit('oitSettings.thePublicPageOf', { year }) : tOit('oitSettings.thePublicPageOf2', { year }));
    onChanged();
  }

  return (
    <section class="oit-panel" aria-labelledby="oit-settings-title" data-testid="oit-settings">
      <h2 id="oit-settings-title">{tOit('oitSettings.settings')}</h2>
      <form class="oit-form oit-inline" onSubmit={saveDeadline}>
        <BeDateInput
          id="oit-deadline"
          testId="oit-deadline"
          legend={tOit('oitSettings.oitSubmissionDeadlineFiscal', { beYear })}
          value={deadline}
          years={[beYear - 1, beYear]}
          clearLabel={tOit('oitSettings.noDeadline')}
          onChange={(r) => {
            setComplete(r.ok);
            if (r.ok) setDeadline(r.iso);
          }}
        />
        <button type="submit" class="button button-secondary" data-testid="oit-deadline-save">
          {tOit('itemEditor.save')}
        </button>
      </form>
      <label class="oit-check">
        <input type="checkbox" checked={publicOn} onChange={(e) => void togglePublic(e.currentTarget.checked)} data-testid="oit-public-toggle" />
        {tOit('oitSettings.publishTheProgressOf', { beYear: view.fiscalYear.beYear })}
      </label>
      {publicOn && (
        <p>
          <a href={publicPath} target="_blank" rel="noopener" data-testid="oit-public-link">
            {tOit('oitSettings.openThePublicPage')} ({publicPath})
          </a>
        </p>
      )}
      <Feedback error={error} ok={ok} />
    </section>
  );
}
