import type { ApiError } from '../../api';
import { local } from '../../i18n';

/** An API error or a success message, announced to screen readers. */
export function Feedback({ error, ok }: { error?: ApiError | null; ok?: string | null }) {
  if (error) {
    return (
      <p class="form-error" role="alert" data-testid="admin-error">
        {local(error.messageTh, error.messageEn)}
      </p>
    );
  }
  if (ok) {
    return (
      <p class="admin-ok" role="status" data-testid="admin-ok">
        {ok}
      </p>
    );
  }
  return null;
}
