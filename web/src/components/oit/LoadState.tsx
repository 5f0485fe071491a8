// What a page of the OIT area shows while its answer is on the way, or when it failed: the
// server's error in the interface language with a button to ask again (OIT readiness, submission).
import type { ApiError } from '../../api';
import { pickText } from '../../i18n';

interface Props {
  error: ApiError | null;
  /** Nothing to show yet (no answer for the year on screen). */
  waiting: boolean;
  loadingText: string;
  retryText: string;
  onRetry: () => void;
}

export function LoadState({ error, waiting, loadingText, retryText, onRetry }: Props) {
  if (error) {
    return (
      <div class="board-problem" role="alert">
        <p>{pickText(error.messageTh, error.messageEn)}</p>
        <button type="button" class="button button-secondary" onClick={onRetry}>
          {retryText}
        </button>
      </div>
    );
  }
  return waiting ? (
    <p class="board-message" aria-busy="true">
      {loadingText}
    </p>
  ) : null;
}
