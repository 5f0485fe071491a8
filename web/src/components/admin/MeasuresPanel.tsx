// A fiscal year's measures after import (administrators): change a measure's lead group. Its cards
// follow at once, each with its own event in the activity log (PATCH /api/measures/:id).
import { useState } from 'preact/hooks';
import { adminApi, type AdminGroup } from '../../admin-api';
import { api, type ApiError } from '../../api';
import type { MeasureView } from '../../../../worker/domain/contracts';
import { Feedback } from '../Feedback';
import { AdminPanel, AdminTable, SaveCell } from './Panel';
import { useLoad } from './useLoad';
import './measures.css';
import { tAdmin } from '../../messages/admin';

function MeasureRow({ measure, groups, cards, onSaved }: { measure: MeasureView; groups: AdminGroup[]; cards: number; onSaved: (moved: number) => void }) {
  const [lead, setLead] = useState(measure.leadGroupId ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const changed = lead !== '' && lead !== (measure.leadGroupId ?? '');
  async function save() {
    const r = await adminApi.setMeasureLead(measure.id, lead);
    setError(r.ok ? null : r.error);
    if (r.ok) onSaved(r.data.cards);
  }
  return (
    <tr data-testid="admin-measure" data-measure-number={measure.number}>
      <td>{measure.number}</td>
      <td>
        {measure.title}
        <br />
        <small class="import-change">
          {tAdmin('measures.asAnnouncedResponsibletextCards', { responsibleText: measure.responsibleText || '-', cards })}
        </small>
      </td>
      <td>
        <select
          class="select admin-measure-lead"
          value={lead}
          aria-label={tAdmin('measures.leadGroupOfMeasure', { number: measure.number })}
          onChange={(e) => setLead(e.currentTarget.value)}
          data-testid="admin-measure-lead"
        >
          {lead === '' && <option value="">{tAdmin('measures.noneYet')}</option>}
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.nameTh}
            </option>
          ))}
        </select>
      </td>
      <SaveCell changed={changed} onSave={save} error={error} testId="admin-measure-save" />
    </tr>
  );
}

export function MeasuresPanel({ beYear }: { beYear: number }) {
  const board = useLoad(() => api.board(beYear), [beYear]);
  const groups = useLoad(() => adminApi.groups(), []);
  const [ok, setOk] = useState<string | null>(null);
  const measures = board.data?.measures ?? [];
  const cardsOf = (id: string) => board.data?.cards.filter((c) => c.measureId === id).length ?? 0;
  return (
    <AdminPanel name="measures" title={tAdmin('measures.measuresFiscalYearBeyear', { beYear })}>
      <p>
        {tAdmin('measures.changeAMeasureS')}
      </p>
      <Feedback testId="admin" error={board.error ?? groups.error} ok={ok} />
      <AdminTable headers={[tAdmin('measures.no'), tAdmin('measures.measure'), tAdmin('measures.leadGroup'), '']}>
        {measures.map((m) => (
          <MeasureRow
            key={`${m.id}:${m.leadGroupId}`}
            measure={m}
            groups={groups.data?.groups ?? []}
            cards={cardsOf(m.id)}
            onSaved={(moved) => {
              setOk(tAdmin('measures.changedTheLeadGroup', { number: m.number, moved }));
              void board.reload();
            }}
          />
        ))}
      </AdminTable>
    </AdminPanel>
  );
}
