// A step's evidence in a printable document (the O43 report, the public page): the OIT item,
// and the link. `print`: the note beside the link and the address itself as its text, for
// paper, where a link cannot be followed; otherwise the note (or the address) is the link.
import { safeHref } from './format';
import { LinkHost } from '../LinkHost';

interface Evidence {
  url: string;
  note: string;
  oitCode: string | null;
}

export function DocEvidence({ evidence, print }: { evidence: readonly Evidence[]; print: boolean }) {
  if (evidence.length === 0) return <>–</>;
  return (
    <ul class="doc-evidence">
      {evidence.map((e, i) => (
        <li key={i}>
          {e.oitCode && <span class="doc-code">[{e.oitCode}] </span>}
          {print && e.note && <span>{e.note} </span>}
          <a href={safeHref(e.url)} rel="noopener noreferrer" target="_blank">
            {/* On paper, a board file's relative address (/files/…) is written whole. */}
            {print ? (e.url.startsWith('/files/') ? `${location.origin}${e.url}` : e.url) : e.note || e.url}
          </a>
          <LinkHost url={e.url} />
        </li>
      ))}
    </ul>
  );
}
