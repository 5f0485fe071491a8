// Evidence files in the drawer (issue 18): "attach a file" beside "add link", and the line that
// shows a file's name, type and size. The upload is POST /api/cards/:id/files (multipart), sent
// with XMLHttpRequest, whose upload progress fetch does not report; the server decides the type
// from the bytes and answers its errors in Thai and English (routes/files.ts).
import { useRef, useState } from 'preact/hooks';
import type { EvidenceFileView, FileUploadResponse, OitItemView } from '../../../../../worker/domain/contracts-card';
import { FILE_KINDS, MAX_FILE_BYTES, isFileAddress } from '../../../../../worker/domain/file-type';
import { enc } from '../../../api';
import { both, pickText } from '../../../i18n';
import { lang } from '../../../state/ui';
import { refreshDetails } from '../../../state/details';
import { announce } from '../../../state/notices';
import { Feedback } from '../../Feedback';
import { tFiles } from '../../../messages/files';
import { tDrawer } from '../../../messages/drawer';

const ACCEPT = [...new Set(Object.values(FILE_KINDS).flatMap((k) => [`.${k.ext}`, k.mime]))].concat('.jpeg').join(',');

/** 1.2 MB, 850 KB, 312 B: in the interface's digits. */
export function fileSize(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'B'];
  return `${new Intl.NumberFormat(lang.value === 'en' ? 'en' : 'th', { maximumFractionDigits: unit === 'B' ? 0 : 1 }).format(value)} ${unit}`;
}

function kindLabel(contentType: string): string {
  return Object.values(FILE_KINDS).find((k) => k.mime === contentType)?.ext.toUpperCase() ?? contentType;
}

/** A file's line in the evidence list: its name (opens it), its type and size, and that it is private. */
export function FileLine({ url, file }: { url: string; file: EvidenceFileView }) {
  return (
    <>
      {isFileAddress(url) ? (
        <a href={url} target="_blank" rel="noopener" class="evidence-url" data-testid="evidence-file">
          {file.name}
        </a>
      ) : (
        <span class="evidence-url">{file.name}</span>
      )}
      <span class="muted link-host" data-testid="evidence-file-kind">
        {' '}
        {tFiles('files.kind', { kind: kindLabel(file.contentType), size: fileSize(file.size) })}
      </span>
    </>
  );
}

type Sent = { ok: true; body: FileUploadResponse } | { ok: false; message: string };

/** Sends the form, reporting the share of bytes sent; the server's error, or ours, on failure. */
function send(cardId: string, form: FormData, onProgress: (percent: number) => void): Promise<Sent> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cards/${enc(cardId)}/files`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.floor((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's page, not our answer.
      }
      if (xhr.status === 201 && body) return resolve({ ok: true, body: body as FileUploadResponse });
      const error = (body as { error?: { messageTh?: string; messageEn?: string } } | null)?.error;
      resolve({ ok: false, message: error?.messageTh && error.messageEn ? pickText(error.messageTh, error.messageEn) : tFiles('files.failed') });
    };
    xhr.onerror = () => resolve({ ok: false, message: tFiles('files.failed') });
    xhr.send(form);
  });
}

export function AttachFile({ cardId, catalogue, oitLabel }: { cardId: string; catalogue: OitItemView[]; oitLabel: (item: OitItemView) => string }) {
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setOk(null);
    if (!file) return setError(tFiles('files.none'));
    // Said before sending 20 MB for nothing; the server checks again.
    if (file.size > MAX_FILE_BYTES) return setError(tFiles('files.tooLarge', { name: file.name, size: fileSize(file.size) }));
    const form = new FormData();
    form.set('file', file, file.name);
    form.set('note', note.trim());
    if (code) form.set('oitCode', code);
    setError(null);
    setProgress(0);
    const sent = await send(cardId, form, setProgress);
    setProgress(null);
    if (!sent.ok) return setError(sent.message);
    if (input.current) input.current.value = '';
    setNote('');
    setCode('');
    const name = sent.body.evidence.file?.name ?? file.name;
    setOk(tFiles('files.attached', { name }));
    announce(both('evidence.added'));
    await refreshDetails();
  }

  const busy = progress !== null;
  return (
    <form class="drawer-form" data-testid="file-form" onSubmit={onSubmit}>
      <h4 class="drawer-heading">{tFiles('files.title')}</h4>
      <div class="field">
        <label for="evidence-file">{tFiles('files.choose')}</label>
        <input id="evidence-file" type="file" accept={ACCEPT} data-testid="file-input" ref={input} disabled={busy} />
      </div>
      <div class="field">
        <label for="file-oit">{tDrawer('evidence.oit')}</label>
        <OitSelect id="file-oit" testId="file-oit-select" catalogue={catalogue} label={oitLabel} code={code} onChange={setCode} />
      </div>
      <div class="field">
        <label for="file-note">{tDrawer('evidence.note')}</label>
        <input id="file-note" data-testid="file-note" maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <p class="muted">{tFiles('files.private')}</p>
      {busy && (
        <p role="status" data-testid="file-progress">
          <progress max={100} value={progress} /> {progress < 100 ? tFiles('files.uploading', { percent: progress }) : tFiles('files.saving')}
        </p>
      )}
      <Feedback error={error} ok={ok} testId="file" />
      <button type="submit" class="button" data-testid="file-attach" disabled={busy}>
        {tFiles('files.attach')}
      </button>
    </form>
  );
}

/** The OIT item an evidence link or file serves ("none" first): the link form and the file form. */
export function OitSelect(props: { id: string; testId: string; catalogue: readonly OitItemView[]; label: (item: OitItemView) => string; code: string; onChange: (code: string) => void }) {
  return (
    <select id={props.id} class="select" data-testid={props.testId} value={props.code} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="">{tDrawer('evidence.noOit')}</option>
      {props.catalogue.map((item) => (
        <option key={item.id} value={item.code}>
          {props.label(item)}
        </option>
      ))}
    </select>
  );
}
