// How ready the office is for the OIT submission: the share of items with evidence, the days
// left before the deadline, and what is still missing.
import type { OitReadinessView } from '../../../../worker/domain/views';
import { local } from '../../i18n';
import { formatLongDate, percentText } from '../dashboard/format';

function deadlineText(view: OitReadinessView): { text: string; urgent: boolean } {
  const { deadline, daysRemaining } = view.summary;
  if (!deadline || daysRemaining === null) return { text: local('ยังไม่ได้กำหนดวันส่ง', 'No submission deadline set'), urgent: false };
  const date = formatLongDate(deadline);
  if (daysRemaining > 0) return { text: local(`อีก ${daysRemaining} วัน (ส่งภายใน ${date})`, `${daysRemaining} days left (due ${date})`), urgent: daysRemaining <= 14 };
  if (daysRemaining === 0) return { text: local(`ครบกำหนดวันนี้ (${date})`, `Due today (${date})`), urgent: true };
  return { text: local(`เลยกำหนดมาแล้ว ${-daysRemaining} วัน (${date})`, `${-daysRemaining} days past the deadline (${date})`), urgent: true };
}

export function ReadinessSummary({ view }: { view: OitReadinessView }) {
  const s = view.summary;
  const deadline = deadlineText(view);
  return (
    <section class="oit-summary" aria-labelledby="oit-summary-title" data-testid="oit-summary">
      <h2 id="oit-summary-title" class="visually-hidden">
        {local('สรุปความพร้อม', 'Readiness summary')}
      </h2>
      <div class="oit-figure">
        <p class="figure-big" data-testid="oit-percent">
          {percentText(s.percent)}
        </p>
        <p>{local(`มีหลักฐานแล้ว ${s.ready} จาก ${s.items} ข้อ`, `${s.ready} of ${s.items} items have evidence`)}</p>
        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={local(`ความพร้อม ${percentText(s.percent)}`, `Readiness ${percentText(s.percent)}`)}>
          <rect class="bar-track" x="0" y="0" width="100" height="10" />
          <rect class="cat-fill-done" x="0" y="0" width={s.percent} height="10" />
        </svg>
      </div>
      <div class="oit-figure">
        <p class={`oit-deadline${deadline.urgent ? ' late' : ''}`} data-testid="oit-deadline">
          {deadline.text}
        </p>
        <p class="muted">{local('ผ่านเกณฑ์ OIT ต้องได้ 85 คะแนนขึ้นไป', 'The OIT pass mark is 85')}</p>
      </div>
      <div class="oit-missing">
        <h3>{local(`ข้อที่ยังขาดหลักฐาน (${s.missing.length})`, `Items still missing evidence (${s.missing.length})`)}</h3>
        {s.missing.length === 0 ? (
          <p>{local('ทุกข้อมีหลักฐานแล้ว', 'Every item has evidence')}</p>
        ) : (
          <ul data-testid="oit-missing">
            {s.missing.map((m) => (
              <li key={m.code}>
                <strong>{m.code}</strong> {local(m.titleTh, m.titleEn || m.titleTh)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
