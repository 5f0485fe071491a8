// English of files.th.ts (same keys, same {params}: checked by the type system).
import { english } from '../../../worker/domain/i18n';
import type { th } from './files.th';

export default english<typeof th>()({
  'files.title': 'Attach a file',
  'files.choose': 'File (PDF, image or Office document, at most 20 MB)',
  'files.attach': 'Attach file',
  'files.uploading': 'Sending the file: {percent}%',
  'files.saving': 'Sent; saving…',
  'files.attached': 'Attached {name}',
  'files.none': 'Choose a file first',
  'files.tooLarge': 'The file {name} is {size}, over 20 MB, and cannot be attached; make it smaller or split it',
  'files.failed': 'The file could not be sent (the connection dropped or the server did not answer); please try again',
  'files.private': "Open to the office's users only, until published on the public page",
  'files.kind': '{kind} file · {size}',
});
