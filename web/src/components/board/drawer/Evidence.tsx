// Evidence links: what was published, for which OIT item of the fiscal year's catalogue. Anyone
// who may contribute adds links; the one who added a link, or an editor, removes it. Each link
// shows its real host, and the card's editors choose whether the link (on by default) and its
// note (off by default) appear on the public page of a published year.
import { useState } from 'preact/hooks';
import type { EvidenceView, OitItemView } from '../../../../../worker/domain/contracts-card';
import type { EvidencePublicationRequest } from '../../../../../worker/domain/schemas/cards';
import { call, clients, enc } from '../../../api';
import { pushApiError } from '../../../state/notices';
import { pickText, t } from '../../../i18n';
import { addEvidence, oitItems, refreshDetails, removeEvidence } from '../../../state/details';
import { lang } from '../../../state/ui';
import { formatMoment } from '../../../../../worker/domain/thai-date';
import { personName } from '../../../person';
import { safeHref } from '../../../safe-url';
import { Feedback } from '../../Feedback';
import { LinkHost } from '../../LinkHost';
import { LinkFlags } from '../../LinkFlags';
import { tDrawer } from '../../../messages/drawer';
import { AttachFile, FileLine, OitSelect } from './AttachFile';

const WEB_LINK = /^https?:\/\/\S+$/i;

export function Evidence({ cardId, evidence, canContribute }: { cardId: string; evidence: EvidenceView[]; canContribute: boolean }) {
  const catalogue = oitItems.value?.items ?? [];
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  return (
    <section class="drawer-section" aria-labelledby="drawer-evidence" data-testid="evidence">
      <h3 id="drawer-evidence" class="drawer-heading">
        {tDrawer('evidence.title')}
      </h3>
      {evidence.length === 0 && <p class="muted">{tDrawer('evidence.empty')}</p>}
      <ul class="evidence-list">
        {evidence.map((e) => (
          <EvidenceItem key={e.id} item={e} oit={e.oitCode ? byCode.get(e.oitCode) : undefined} />
        ))}
      </ul>
      {canContribute && <AddEvidence cardId={cardId} catalogue={catalogue} />}
      {canContribute && <AttachFile cardId={cardId} catalogue={catalogue} oitLabel={oitLabel} />}
    </section>
  );
}

function oitLabel(item: OitItemView): string {
  return `${item.code} ${pickText(item.titleTh, item.titleEn)}`;
}

function EvidenceItem({ item, oit }: { item: EvidenceView; oit: OitItemView | undefined }) {
  const [busy, setBusy] = useState(false);
  return (
    <li class="evidence-item" data-testid="evidence-item">
      {/* Only web links and the board's own files become links: the server accepts nothing else. */}
      {item.file ? (
        <FileLine url={item.url} file={item.file} />
      ) : safeHref(item.url) ? (
        <a href={safeHref(item.url)} target="_blank" rel="noopener noreferrer" class="evidence-url">
          {item.url}
        </a>
      ) : (
        <span class="evidence-url">{item.url}</span>
      )}
      {!item.file && <LinkHost url={item.url} />}
      {!item.file && <LinkFlags health={item.health} detail />}
      {item.oitCode && (
        <p class="evidence-oit" data-testid="evidence-oit">
          <span class="badge badge-lead">{item.oitCode}</span> {oit ? pickText(oit.titleTh, oit.titleEn) : ''}
        </p>
      )}
      {item.note && <p class="drawer-text">{item.note}</p>}
      <Publication item={item} />
      <p class="muted evidence-meta">
        {tDrawer('drawer.byAt', { who: (item.addedBy ? personName(item.addedBy) : tDrawer('drawer.someone')), at: formatMoment(item.createdAt, lang.value) })}
        {item.canDelete && (
          <button
            type="button"
            class="button button-link button-danger"
            data-testid="evidence-remove"
            disabled={busy}
            onClick={() => {
              if (!confirm(tDrawer('evidence.confirmRemove'))) return;
              setBusy(true);
              void removeEvidence(item.id).finally(() => setBusy(false));
            }}
          >
            {tDrawer('evidence.remove')}
          </button>
        )}
      </p>
    </li>
  );
}

/** Whether the link and its note are on the public page; editable by the card's editors. */
function Publication({ item }: { item: EvidenceView }) {
  const [busy, setBusy] = useState(false);
  async function set(change: EvidencePublicationRequest) {
    setBusy(true);
    const r = await call(() => clients.cardDetails.evidence[':id'].$patch({ param: { id: enc(item.id) }, json: change }));
    setBusy(false);
    if (!r.ok) {
      if (r.error.status !== 401) pushApiError(r.error);
      return;
    }
    await refreshDetails();
  }
  if (!item.canPublish) {
    return (
      <p class="muted evidence-publication" data-testid="evidence-publication">
        {item.linkPublished
          ? item.notePublished
            ? tDrawer('evidence.linkAndNoteOn')
            : tDrawer('evidence.linkNotTheNote')
          : tDrawer('evidence.notOnThePublic')}
      </p>
    );
  }
  return (
    <div class="evidence-publication" data-testid="evidence-publication">
      <div>
        <label>
          <input
            type="checkbox"
            checked={item.linkPublished}
            disabled={busy}
            data-testid="evidence-link-published"
            onChange={(e) => void set({ linkPublished: e.currentTarget.checked })}
          />{' '}
          {tDrawer('evidence.linkOnThePublic')}
        </label>
      </div>
      <div>
        <label>
          <input
            type="checkbox"
            checked={item.notePublished}
            disabled={busy || !item.note}
            data-testid="evidence-note-published"
            onChange={(e) => void set({ notePublished: e.currentTarget.checked })}
          />{' '}
          {tDrawer('evidence.noteOnThePublic')}
        </label>
      </div>
    </div>
  );
}

function AddEvidence({ cardId, catalogue }: { cardId: string; catalogue: OitItemView[] }) {
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const link = url.trim();
    if (!WEB_LINK.test(link) || !safeHref(link)) {
      // The server's rule (worker/domain/user-text.ts), said before sending.
      setError(
        tDrawer('evidence.theLinkMustStart'),
      );
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await addEvidence(cardId, { url: link, note: note.trim(), oitCode: code || null });
    setBusy(false);
    if (problem) {
      setError(pickText(problem.messageTh, problem.messageEn));
      return;
    }
    setUrl('');
    setNote('');
    setCode('');
  }

  return (
    <form class="drawer-form" data-testid="evidence-form" onSubmit={onSubmit}>
      <div class="field">
        <label for="evidence-url">{tDrawer('evidence.url')}</label>
        <input
          id="evidence-url"
          type="url"
          inputMode="url"
          data-testid="evidence-url"
          required
          maxLength={2000}
          placeholder="https://"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="evidence-oit">{tDrawer('evidence.oit')}</label>
        <OitSelect id="evidence-oit" testId="evidence-oit-select" catalogue={catalogue} label={oitLabel} code={code} onChange={setCode} />
      </div>
      <div class="field">
        <label for="evidence-note">{tDrawer('evidence.note')}</label>
        <input
          id="evidence-note"
          data-testid="evidence-note"
          maxLength={1000}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <Feedback error={error} testId="evidence" />
      <button type="submit" class="button button-primary" data-testid="evidence-add" disabled={busy}>
        {tDrawer('evidence.add')}
      </button>
    </form>
  );
}
