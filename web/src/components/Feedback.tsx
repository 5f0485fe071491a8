// What a form says after it was sent: the error (the server's, in the interface language, or a
// message of our own) announced as an alert, or a success message announced politely.
import type { ApiError } from '../api';
import { pickText } from '../i18n';

/** `testId`: the messages carry data-testid `<testId>-error` and `<testId>-ok`. */
export function Feedback({ error, ok, testId }: { error?: ApiError | string | null; ok?: string | null; testId?: string }) {
  if (error) {
    return (
      <p class="form-error" role="alert" data-testid={testId && `${testId}-error`}>
        {typeof error === 'string' ? error : pickText(error.messageTh, error.messageEn)}
      </p>
    );
  }
  if (ok) {
    return (
      <p class="form-ok" role="status" data-testid={testId && `${testId}-ok`}>
        {ok}
      </p>
    );
  }
  return null;
}
