// How ready the office is for the OIT submission: the share of items with evidence, the days
// left before the deadline, and what is still missing.
import type { OitReadinessView } from '../../../../worker/domain/views';
import { pickText } from '../../i18n';
import { formatLongDate, percentText } from '../dashboard/format';
import { tOit } from '../../messages/oit';

function deadlineText(view: OitReadinessView): { text: string; urgent: boolean } {
  const { deadline, daysRemaining } = view.summary;
  if (!deadline || daysRemaining === null) return { text: tOit('readinessSummary.noSubmissionDeadlineSet'), urgent: false };
  const date = formatLongDate(deadline);
  if (daysRemaining > 0) return { text: tOit('readinessSummary.daysremainingDaysLeftDue', { daysRemaining, date }), urgent: daysRemaining <= 14 };
  if (daysRemaining === 0) return { text: tOit('readinessSummary.dueTodayDate', { date }), urgent: true };
  return { text: tOit('readinessSummary.valueDaysPastThe', { value: -daysRemaining, date }), urgent: true };
}

export function ReadinessSummary({ view }: { view: OitReadinessView }) {
  const s = view.summary;
  const deadline = deadlineText(view);
  return (
    <section class="oit-summary" aria-labelledby="oit-summary-title" data-testid="oit-summary">
      <h2 id="oit-summary-title" class="visually-hidden">
        {tOit('readinessSummary.readinessSummary')}
      </h2>
      <div class="oit-figure">
        <p class="figure-big" data-testid="oit-percent">
          {percentText(s.percent)}
        </p>
        <p>{tOit('readinessSummary.readyOfItemsItems', { ready: s.ready, items: s.items })}</p>
        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={tOit('readinessSummary.readinessPercenttext', { percentText: percentText(s.percent) })}>
          <rect class="bar-track" x="0" y="0" width="100" height="10" />
          <rect class="cat-fill-done" x="0" y="0" width={s.percent} height="10" />
        </svg>
      </div>
      <div class="oit-figure">
        <p class={`oit-deadline${deadline.urgent ? ' late' : ''}`} data-testid="oit-deadline">
          {deadline.text}
        </p>
        <p class="muted">{tOit('readinessSummary.theOitPassMark')}</p>
      </div>
      <div class="oit-missing">
        <h3>{tOit('readinessSummary.itemsStillMissingEvidence', { missing: s.missing.length })}</h3>
        {s.missing.length === 0 ? (
          <p>{tOit('readinessSummary.everyItemHasEvidence')}</p>
        ) : (
          <ul data-testid="oit-missing">
            {s.missing.map((m) => (
              <li key={m.code}>
                <strong>{m.code}</strong> {pickText(m.titleTh, m.titleEn || m.titleTh)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
