// Placeholder: the Admin page is built in its own issue.
export function AdminPage() {
  return <p class="board-message">Admin</p>;
}
