// Verifying the tamper-evident activity log, and the security audit trail.
import { useState } from 'preact/hooks';
import { adminApi, type ChainProblem, type IntegrityVerdict } from '../../admin-api';
import type { ApiError } from '../../api';
import { lang } from '../../state/ui';
import { Feedback } from '../Feedback';
import { formatMoment } from '../../../../worker/domain/thai-date';
import { AdminPanel } from './Panel';
import { useLoad } from './useLoad';
import { auditLabel } from '../../audit-labels';
import { tAdmin } from '../../messages/admin';

function describe(p: ChainProblem): string {
  switch (p.kind) {
    case 'altered':
      return tAdmin('integrity.eventSeqWasAltered', { seq: p.seq });
    case 'missing':
      return tAdmin('integrity.eventSExpectedseqFoundseq', { expectedSeq: p.expectedSeq, foundSeq: p.foundSeq - 1 });
    case 'link-broken':
      return tAdmin('integrity.eventSeqDoesNot', { seq: p.seq });
    case 'anchor-mismatch':
      return tAdmin('integrity.reportAnchorRecordedEvent', { anchor: p.anchor, seq: p.seq });
  }
}

/** A moment in Bangkok time and the Buddhist Era, in Thai and in English alike. */
/** "มาตรการที่ 2 ขั้นตอนที่ 1 “title”" / "Measure 2, step 1 “title”" (the card's id when nothing else is known). */
function stepName(card: IntegrityVerdict['board']['firstCard'] & object): string {
  const where =
    card.measureNumber != null && card.stepNumber != null ? tAdmin('integrity.stepWhere', { measure: card.measureNumber, step: card.stepNumber }) : '';
  return card.title ? `${where}“${card.title}”` : `${where}${card.id}`;
}

const when = (at: number) => formatMoment(at, lang.value);

export function IntegrityPanel({ beYear }: { beYear: number }) {
  const [verdict, setVerdict] = useState<IntegrityVerdict | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const audit = useLoad(adminApi.audit);
  async function verify() {
    const r = await adminApi.chain(beYear);
    setVerdict(r.ok ? r.data : null);
    setError(r.ok ? null : r.error);
  }
  return (
    <AdminPanel name="integrity" title={tAdmin('integrity.activityLogIntegrity')}>
      <p>
        {tAdmin('integrity.everyBoardEventCarries')}
      </p>
      <button type="button" class="button button-secondary" onClick={() => void verify()} data-testid="verify-chain">
        {tAdmin('integrity.verifyFiscalYearBeyear', { beYear })}
      </button>
      <Feedback testId="admin" error={error} />
      {verdict && (
        <div role="status" data-testid="chain-verdict" data-ok={String(verdict.ok)}>
          {verdict.ok
            ? tAdmin('integrity.intactEventscheckedEventsChecked', { eventsChecked: verdict.eventsChecked })
            : tAdmin('integrity.problemsProblemSFound', { problems: verdict.problems.length + verdict.board.differences.length })}
          <ul>
            {verdict.problems.map((p, i) => (
              <li key={i}>{describe(p)}</li>
            ))}
            {!verdict.board.ok && (
              <li data-testid="board-differs">
                {verdict.board.firstCard
                  ? tAdmin('integrity.boardDiffersAt', { card: stepName(verdict.board.firstCard) })
                  : tAdmin('integrity.theBoardDiffersFrom')}
              </li>
            )}
          </ul>
        </div>
      )}
      <h3>{tAdmin('integrity.recentSecurityEvents')}</h3>
      <Feedback testId="admin" error={audit.error} />
      <table class="admin-table admin-audit">
        <tbody>
          {(audit.data?.entries ?? []).slice(0, 50).map((e) => (
            <tr key={e.id}>
              <td>{when(e.at)}</td>
              <td title={e.action}>{auditLabel(e.action)}</td>
              <td>{e.email ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminPanel>
  );
}
