// The frame every administration panel shares: a section named by its heading, the table of what
// it administers, and each row's save button with what saving said.
import type { ComponentChildren } from 'preact';
import type { ApiError } from '../../api';
import { Feedback } from '../Feedback';
import { tAdmin } from '../../messages/admin';

/** `name`: the panel's short name, for its heading id and its test id (admin-<name>). */
export function AdminPanel({ name, title, children }: { name: string; title: string; children: ComponentChildren }) {
  const id = `admin-${name}`;
  return (
    <section class="admin-panel" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A table with one header row; `headers` may leave a column unnamed (its row actions). */
export function AdminTable({ headers, children }: { headers: readonly string[]; children: ComponentChildren }) {
  return (
    <table class="admin-table">
      <thead>
        <tr>
          {headers.map((h, i) => (
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The last cell of an editable row: save (only once something changed), then any error. */
export function SaveCell({ changed, onSave, error, testId }: { changed: boolean; onSave: () => unknown; error: ApiError | null; testId?: string }) {
  return (
    <td>
      <button type="button" class="button button-secondary" disabled={!changed} onClick={() => void onSave()} data-testid={testId}>
        {tAdmin('panel.save')}
      </button>
      <Feedback testId="admin" error={error} />
    </td>
  );
}
