// The frame every administration panel shares: a section named by its heading, and the table
// of what it administers.
import type { ComponentChildren } from 'preact';

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
