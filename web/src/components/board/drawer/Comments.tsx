// Comments on a card: everyone who may read the board reads them; those who may contribute write.
import { useState } from 'preact/hooks';
import type { CommentView } from '../../../../../worker/domain/contracts-card';
import { pickText, t } from '../../../i18n';
import { addComment } from '../../../state/details';
import { lang } from '../../../state/ui';
import { formatMoment } from '../../../../../worker/domain/thai-date';
import { Feedback } from '../../Feedback';
import { personName } from '../../../person';
import { tDrawer } from '../../../messages/drawer';

const MAX_BODY = 5000;

export function Comments({ cardId, comments, canContribute }: { cardId: string; comments: CommentView[]; canContribute: boolean }) {
  return (
    <section class="drawer-section" aria-labelledby="drawer-comments" data-testid="comments">
      <h3 id="drawer-comments" class="drawer-heading">
        {tDrawer('comments.title')}
      </h3>
      {comments.length === 0 && <p class="muted">{tDrawer('comments.empty')}</p>}
      <ul class="comment-list">
        {comments.map((c) => (
          <li key={c.id} class="comment" data-testid="comment">
            <p class="muted comment-meta">
              {tDrawer('drawer.byAt', { who: (c.author ? personName(c.author) : tDrawer('drawer.someone')), at: formatMoment(c.createdAt, lang.value) })}
            </p>
            <p class="drawer-text">{c.body}</p>
          </li>
        ))}
      </ul>
      {canContribute && <AddComment cardId={cardId} />}
    </section>
  );
}

function AddComment({ cardId }: { cardId: string }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const text = body.trim();
    if (!text) {
      setError(tDrawer('comments.required'));
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await addComment(cardId, text);
    setBusy(false);
    if (problem) setError(pickText(problem.messageTh, problem.messageEn));
    else setBody('');
  }

  return (
    <form class="drawer-form" data-testid="comment-form" onSubmit={onSubmit}>
      <div class="field">
        <label for="comment-body">{tDrawer('comments.add')}</label>
        <textarea
          id="comment-body"
          data-testid="comment-body"
          rows={3}
          maxLength={MAX_BODY}
          value={body}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
      </div>
      <Feedback error={error} />
      <button type="submit" class="button button-primary" data-testid="comment-add" disabled={busy}>
        {tDrawer('comments.send')}
      </button>
    </form>
  );
}
