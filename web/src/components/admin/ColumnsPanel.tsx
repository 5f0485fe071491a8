import { useState } from 'preact/hooks';
import { adminApi } from '../../admin-api';
import { api, type ApiError } from '../../api';
import type { ColumnView } from '../../../../worker/domain/contracts';
import { Feedback } from '../Feedback';
import { AdminPanel, AdminTable, SaveCell } from './Panel';
import { useLoad } from './useLoad';
import { tAdmin } from '../../messages/admin';

function ColumnRow({ column, onSaved, onMove, first, last }: { column: ColumnView; onSaved: () => void; onMove: (d: -1 | 1) => void; first: boolean; last: boolean }) {
  const [labelTh, setTh] = useState(column.labelTh);
  const [labelEn, setEn] = useState(column.labelEn);
  const [wip, setWip] = useState(column.wipLimit === null ? '' : String(column.wipLimit));
  const [error, setError] = useState<ApiError | null>(null);
  const wipText = wip.trim();
  // Empty means no limit; anything but a whole number ≥ 1 is refused here, before the server.
  const wipValid = wipText === '' || (/^\d+$/.test(wipText) && Number(wipText) >= 1);
  const wipLimit = wipText === '' || !wipValid ? null : Number(wipText);
  const changed = wipValid && (labelTh !== column.labelTh || labelEn !== column.labelEn || wipLimit !== column.wipLimit);
  async function save() {
    const r = await adminApi.patchColumn(column.id, { labelTh, labelEn, wipLimit });
    setError(r.ok ? null : r.error);
    if (r.ok) onSaved();
  }
  return (
    <tr data-testid="admin-column" data-column-key={column.key}>
      <td class="admin-order">
        <button type="button" class="button button-ghost" disabled={first} aria-label={tAdmin('columns.moveEarlier')} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" class="button button-ghost" disabled={last} aria-label={tAdmin('columns.moveLater')} onClick={() => onMove(1)}>
          ↓
        </button>
      </td>
      <td>
        <input aria-label={tAdmin('columns.columnLabelThai')} value={labelTh} onInput={(e) => setTh(e.currentTarget.value)} />
      </td>
      <td>
        <input aria-label={tAdmin('columns.columnLabelEnglish')} value={labelEn} onInput={(e) => setEn(e.currentTarget.value)} />
      </td>
      <td>
        <input
          class="admin-narrow"
          inputMode="numeric"
          aria-label={tAdmin('columns.wipLimit')}
          placeholder={tAdmin('columns.none')}
          value={wip}
          aria-invalid={!wipValid || undefined}
          onInput={(e) => setWip(e.currentTarget.value)}
        />
        {!wipValid && <small class="form-error">{tAdmin('columns.aWholeNumberFrom')}</small>}
      </td>
      <SaveCell changed={changed} onSave={save} error={error} testId="admin-column-save" />
    </tr>
  );
}

export function ColumnsPanel({ beYear }: { beYear: number }) {
  const board = useLoad(() => api.board(beYear), [beYear]);
  const [error, setError] = useState<ApiError | null>(null);
  const columns = board.data?.columns ?? [];
  async function move(index: number, delta: -1 | 1) {
    const ids = columns.map((c) => c.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id!);
    const r = await adminApi.orderColumns(beYear, ids);
    setError(r.ok ? null : r.error);
    void board.reload();
  }
  return (
    <AdminPanel name="columns" title={tAdmin('columns.boardColumnsFiscalYear', { beYear })}>
      <Feedback testId="admin" error={board.error ?? error} />
      <AdminTable headers={[tAdmin('columns.order'), tAdmin('columns.thai'), tAdmin('columns.english'), 'WIP', '']}>
        {columns.map((c, i) => (
          <ColumnRow
            key={`${c.id}:${c.position}:${c.labelTh}:${c.labelEn}:${c.wipLimit}`}
            column={c}
            first={i === 0}
            last={i === columns.length - 1}
            onMove={(d) => void move(i, d)}
            onSaved={() => void board.reload()}
          />
        ))}
      </AdminTable>
    </AdminPanel>
  );
}
