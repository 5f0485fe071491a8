// Placeholder: the Oit page is built in its own issue.
export function OitPage() {
  return <p class="board-message">Oit</p>;
}
