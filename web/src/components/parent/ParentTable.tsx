// The tables of the parent body's page (offices, invitations, templates): one header row (a
// column without a name holds its row's actions), wrapped so that a wide table scrolls in its own
// box; on phones each row is a block (parent.css).
import type { ComponentChildren } from 'preact';

export function ParentTable({ headers, children }: { headers: readonly (string | null)[]; children: ComponentChildren }) {
  return (
    <div class="parent-table-wrap">
      <table class="parent-table">
        <thead>
          <tr>{headers.map((h, i) => (h === null ? <td key={i} /> : <th key={i} scope="col">{h}</th>))}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
