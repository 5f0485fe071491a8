// Placeholder: the Reports page is built in its own issue.
export function ReportsPage() {
  return <p class="board-message">Reports</p>;
}
