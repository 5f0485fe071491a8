// English of links.th.ts (same keys, same {params}: checked by the type system).
import { english } from '../i18n';
import type { th } from './links.th';

export default english<typeof th>()({
  'flag.dead': 'Dead link',
  'flag.moved': 'Moved elsewhere',
  'flag.not-main-site': 'Not on the main website',
  'flag.file-sharing': 'File-sharing link',
  'flag.plain-http': 'Plain http',
  'why.dead': 'It did not open at the last check; the assessor will not open it either',
  'why.moved': 'This address forwards to another website; link to the final address on the office’s own website',
  'why.not-main-site': 'The OIT assessment wants links on the office’s main website',
  'why.file-sharing': 'Files on Google Drive, Dropbox, OneDrive and the like are often made private or removed; publish them on the office’s website',
  'why.plain-http': 'The address starts with http:// (not encrypted); use https://',
  'error.dns': 'no such domain',
  'error.timeout': 'no answer within 10 seconds',
  'error.redirects': 'more than 5 redirects',
  'error.network': 'could not connect',
  'checked.status': 'Last checked {when}: HTTP {status}',
  'checked.error': 'Last checked {when}: {error}',
  'checked.movedTo': 'leads to {url}',
  'checked.never': 'Not checked yet (checked daily)',
  'digest.heading': 'Evidence links to fix ({n})',
  'digest.line': '{step} {title}: {url} [{flags}]',
  'digest.more': 'and {n} more',
  'digest.linkColumn': 'Link',
  'digest.flagsColumn': 'Problem',
  'report.heading': 'Evidence links to fix before the OIT deadline ({deadline}, {days} days left): {n}',
  'oit.flagged': '{n} links to fix',
});
