// The host a link really goes to, shown beside it wherever user-supplied links are shown (drawer,
// reports, the OIT page, the public page): "www.opdc.go.th" cannot be faked by the link's text.
import { hostOf } from '../safe-url';

export function LinkHost({ url }: { url: string }) {
  const host = hostOf(url);
  return host ? <span class="muted link-host" data-testid="link-host"> ({host})</span> : null;
}
