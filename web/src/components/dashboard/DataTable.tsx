// The accessible alternative every chart carries: its figures as a table, folded away.
import { tDashboard } from '../../messages/dashboard';

export interface DataTableRow {
  key: string | number;
  label: string;
  cells: (string | number)[];
}

export function DataTable({ title, corner, headers, rows }: { title: string; corner: string; headers: string[]; rows: DataTableRow[] }) {
  return (
    <details class="data-table">
      <summary>{tDashboard('dataTable.showTheFiguresAs')}</summary>
      <table>
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
