// Placeholder: the Dashboard page is built in its own issue.
export function DashboardPage() {
  return <p class="board-message">Dashboard</p>;
}
