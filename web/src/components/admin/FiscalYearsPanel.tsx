// The office's fiscal years and their life cycle (administrators): archive a year (read-only for
// everyone, kept with its reports and log, off the year menu), restore it, or delete a year whose
// log holds nothing but its import. The server decides what is allowed (policy.ts); this panel
// shows what it says and asks before deleting.
import { useEffect, useState } from 'preact/hooks';
import { call, clients, enc, type ApiError, type Data } from '../../api';
import { fiscalYearLabel } from '../../i18n';
import { formatDate } from '../../../../worker/domain/thai-date';
import { lang } from '../../state/ui';
import { fiscalYears, loadFiscalYears } from '../../state/board';
import { AdminPanel, AdminTable } from './Panel';
import { Feedback } from '../Feedback';
import { tAdmin } from '../../messages/admin';

const years = clients.fiscalYears[':beYear'];
const year = (beYear: number) => ({ param: { beYear: enc(beYear) } });
const lifeApi = {
  life: (beYear: number) => call(() => years.life.$get(year(beYear))),
  archive: (beYear: number) => call(() => years.archived.$put({ ...year(beYear), json: { archived: true } })),
  restore: (beYear: number) => call(() => years.archived.$put({ ...year(beYear), json: { archived: false } })),
  remove: (beYear: number) => call(() => years.$delete(year(beYear))),
};
type YearLife = Data<typeof lifeApi.life>;

export function FiscalYearsPanel() {
  const years = fiscalYears.value ?? [];
  const [lives, setLives] = useState<Record<number, YearLife>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const key = years.map((y) => `${y.beYear}:${y.archivedAt ?? ''}`).join(',');

  useEffect(() => {
    let live = true;
    void Promise.all(years.map((y) => lifeApi.life(y.beYear))).then((answers) => {
      if (!live) return;
      const next: Record<number, YearLife> = {};
      for (const a of answers) if (a.ok) next[a.data.fiscalYear.beYear] = a.data;
      setLives(next);
    });
    return () => {
      live = false;
    };
  }, [key]);

  async function act(beYear: number, what: 'archive' | 'restore' | 'remove') {
    if (what === 'remove' && !confirm(tAdmin('fiscalYears.deleteFiscalYearBeyear', { beYear }))) return;
    setBusy(beYear);
    const r = await lifeApi[what](beYear);
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setError(null);
    setOk(
      what === 'archive'
        ? tAdmin('fiscalYears.fiscalYearBeyearArchived', { beYear })
        : what === 'restore'
          ? tAdmin('fiscalYears.fiscalYearBeyearRestored', { beYear })
          : tAdmin('fiscalYears.fiscalYearBeyearDeleted', { beYear }),
    );
    await loadFiscalYears();
  }

  return (
    <AdminPanel name="fiscal-years" title={tAdmin('fiscalYears.theOfficeSFiscal')}>
      <p class="muted">
        {tAdmin('fiscalYears.anArchivedYearIs')}
      </p>
      <AdminTable headers={[tAdmin('fiscalYears.fiscalYear'), tAdmin('fiscalYears.dates'), tAdmin('fiscalYears.state'), tAdmin('fiscalYears.log'), '']}>
        {years.map((y) => {
          const life = lives[y.beYear];
          const archived = y.archivedAt !== null;
          return (
            <tr key={y.id} data-testid={`year-row-${y.beYear}`}>
              <td>{fiscalYearLabel(y.beYear)}</td>
              <td>
                {formatDate(y.startsOn, lang.value)} – {formatDate(y.endsOn, lang.value)}
              </td>
              <td data-testid={`year-state-${y.beYear}`}>{archived ? tAdmin('fiscalYears.archived') : tAdmin('fiscalYears.inUse')}</td>
              <td>
                {life
                  ? tAdmin('fiscalYears.eventsChangesReportsReports', { events: life.activity.events, reports: life.activity.reports })
                  : '…'}
              </td>
              <td>
                {archived ? (
                  <button type="button" class="button button-secondary" disabled={busy !== null} onClick={() => void act(y.beYear, 'restore')} data-testid={`year-restore-${y.beYear}`}>
                    {tAdmin('fiscalYears.restore')}
                  </button>
                ) : (
                  <button type="button" class="button button-secondary" disabled={busy !== null} onClick={() => void act(y.beYear, 'archive')} data-testid={`year-archive-${y.beYear}`}>
                    {tAdmin('fiscalYears.archive')}
                  </button>
                )}
                {life?.deletable && (
                  <button type="button" class="button button-danger" disabled={busy !== null} onClick={() => void act(y.beYear, 'remove')} data-testid={`year-delete-${y.beYear}`}>
                    {tAdmin('fiscalYears.delete')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </AdminTable>
      <Feedback error={error} ok={ok} testId="fiscal-years" />
    </AdminPanel>
  );
}
