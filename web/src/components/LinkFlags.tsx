// The flags the daily link check put on an evidence link (worker/domain/link-health.ts), as badges
// with words (never colour alone), each explained in its title; with `detail`, the last check's
// result under them. Used by the card drawer, the OIT readiness page and the reports (all lazy chunks).
import type { EvidenceHealth } from '../../../worker/domain/link-health';
import { formatMoment } from '../../../worker/domain/thai-date';
import { tLinks } from '../messages/links';
import { lang } from '../state/ui';
import '../styles/links.css';

type Health = Pick<EvidenceHealth, 'flags' | 'status' | 'error' | 'checkedAt' | 'finalUrl'>;

export function checkedLine(h: Health): string {
  if (h.checkedAt === null) return tLinks('checked.never');
  const when = formatMoment(h.checkedAt, lang.value);
  const line = h.error ? tLinks('checked.error', { when, error: tLinks(`error.${h.error}`) }) : tLinks('checked.status', { when, status: h.status ?? '–' });
  return h.finalUrl ? `${line} · ${tLinks('checked.movedTo', { url: h.finalUrl })}` : line;
}

export function LinkFlags({ health, detail = false }: { health: Health | undefined; detail?: boolean }) {
  if (!health) return null;
  return (
    <>
      {health.flags.length > 0 && (
        <ul class="badges link-flags" data-testid="link-flags">
          {health.flags.map((f) => (
            <li key={f} class={`badge link-flag link-flag-${f}`} data-flag={f} title={tLinks(`why.${f}`)}>
              {f === 'dead' ? '⚠ ' : ''}
              {tLinks(`flag.${f}`)}
            </li>
          ))}
        </ul>
      )}
      {detail && (
        <p class="muted link-checked" data-testid="link-checked">
          {checkedLine(health)}
        </p>
      )}
    </>
  );
}
