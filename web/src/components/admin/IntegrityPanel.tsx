// Verifying the tamper-evident activity log, and the security audit trail.
import { useState } from 'preact/hooks';
import { adminApi, type ChainProblem, type IntegrityVerdict } from '../../admin-api';
import type { ApiError } from '../../api';
import { local } from '../../i18n';
import { lang } from '../../state/ui';
import { Feedback } from '../Feedback';
import { formatMoment } from '../../../../worker/domain/thai-date';
import { AdminPanel } from './Panel';
import { useLoad } from './useLoad';
import { auditLabel } from '../../audit-labels';

function describe(p: ChainProblem): string {
  switch (p.kind) {
    case 'altered':
      return local(`เหตุการณ์ลำดับที่ ${p.seq} ถูกแก้ไข`, `Event #${p.seq} was altered`);
    case 'missing':
      return local(`เหตุการณ์ลำดับที่ ${p.expectedSeq}–${p.foundSeq - 1} หายไป`, `Event(s) #${p.expectedSeq}–${p.foundSeq - 1} were removed`);
    case 'link-broken':
      return local(`ลำดับที่ ${p.seq} ไม่ต่อเนื่องกับเหตุการณ์ก่อนหน้า`, `Event #${p.seq} does not link to the one before it`);
    case 'anchor-mismatch':
      return local(
        `รายงาน ${p.anchor} บันทึกเหตุการณ์ลำดับที่ ${p.seq} ไว้ แต่บันทึกกิจกรรมไม่ตรงกันแล้ว (เหตุการณ์ล่าสุดอาจถูกลบ)`,
        `Report ${p.anchor} recorded event #${p.seq}, which the log no longer matches (newest events may have been removed)`,
      );
  }
}

/** A moment in Bangkok time and the Buddhist Era, in Thai and in English alike. */
/** "มาตรการที่ 2 ขั้นตอนที่ 1 “title”" / "Measure 2, step 1 “title”" (the card's id when nothing else is known). */
function stepName(card: IntegrityVerdict['board']['firstCard'] & object, language: 'th' | 'en'): string {
  const where =
    card.measureNumber != null && card.stepNumber != null
      ? language === 'th'
        ? `มาตรการที่ ${card.measureNumber} ขั้นตอนที่ ${card.stepNumber} `
        : `Measure ${card.measureNumber}, step ${card.stepNumber} `
      : '';
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
    <AdminPanel name="integrity" title={local('ความถูกต้องของบันทึกกิจกรรม', 'Activity log integrity')}>
      <p>
        {local(
          'ทุกเหตุการณ์บนบอร์ดมีค่าแฮชที่เชื่อมกับเหตุการณ์ก่อนหน้า การตรวจสอบจะบอกว่าเหตุการณ์ใดถูกแก้ไขหรือลบ และเทียบบอร์ดกับการเล่นซ้ำบันทึกกิจกรรม บอกการ์ดแรกที่ไม่ตรงกัน',
          'Every board event carries a hash linked to the one before it; verification names any event altered or removed, and compares the board with a replay of the log, naming the first card that differs.',
        )}
      </p>
      <button type="button" class="button button-secondary" onClick={() => void verify()} data-testid="verify-chain">
        {local(`ตรวจสอบปีงบประมาณ ${beYear}`, `Verify fiscal year ${beYear}`)}
      </button>
      <Feedback testId="admin" error={error} />
      {verdict && (
        <div role="status" data-testid="chain-verdict" data-ok={String(verdict.ok)}>
          {verdict.ok
            ? local(`ถูกต้องครบถ้วน ตรวจแล้ว ${verdict.eventsChecked} เหตุการณ์`, `Intact: ${verdict.eventsChecked} events checked`)
            : local(`พบปัญหา ${verdict.problems.length + verdict.board.differences.length} รายการ`, `${verdict.problems.length + verdict.board.differences.length} problem(s) found`)}
          <ul>
            {verdict.problems.map((p, i) => (
              <li key={i}>{describe(p)}</li>
            ))}
            {!verdict.board.ok && (
              <li data-testid="board-differs">
                {verdict.board.firstCard
                  ? local(
                      `บอร์ดไม่ตรงกับบันทึกกิจกรรม การ์ดแรกที่ไม่ตรง: ${stepName(verdict.board.firstCard, 'th')}`,
                      `The board differs from its log; first card that differs: ${stepName(verdict.board.firstCard, 'en')}`,
                    )
                  : local('บอร์ดไม่ตรงกับบันทึกกิจกรรม', 'The board differs from its log')}
              </li>
            )}
          </ul>
        </div>
      )}
      <h3>{local('บันทึกความปลอดภัยล่าสุด', 'Recent security events')}</h3>
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
