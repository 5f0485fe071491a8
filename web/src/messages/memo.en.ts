// English of memo.th.ts (same keys, same {params}: checked by the type system).
import { english } from '../../../worker/domain/i18n';
import type { th } from './memo.th';

export default english<typeof th>()({
  'memo.emblem': 'Emblem',
  'memo.memorandum': 'Memorandum',
  'memo.department': 'Department',
  'memo.ref': 'Ref.',
  'memo.date': 'Date',
  'memo.subject': 'Subject',
  'memo.to': 'To',
  'memo.forYourInformation': 'For your information.',
  'memo.position': 'Position ........................................',
  'memoSettings.memoSettingsSaved': 'Memo settings saved',
  'memoSettings.printingReportsAsOfficial': 'Printing reports as official memos',
  'memoSettings.printedReportsExecutivesStaff': 'Printed reports (executives’, staff and the O43/O26 results report) use the official memo form on A4 in the Sarabun typeface at 16 pt; the fields below fill its head and signature.',
  'memoSettings.thaiDigitsInDocuments': 'Thai digits (๐–๙) in documents and emails',
  'memoSettings.emblemPngOrJpeg': 'Emblem (PNG or JPEG, at most 40 KB)',
  'memoSettings.theEmblemFileIs': 'The emblem file is larger than 40 KB',
  'memoSettings.theEmblemAsPrinted': 'The emblem as printed',
  'memoSettings.noEmblem': 'No emblem',
  'memoSettings.save': 'Save',
  'settings.department': 'Department (ส่วนราชการ)',
  'settings.departmentHint': 'e.g. the office, its group and telephone',
  'settings.docPrefix': 'Document number prefix (ที่)',
  'settings.docPrefixHint': 'e.g. ศธ ๐๒๖๒.๑๑/',
  'settings.addressee': 'To (เรียน)',
  'settings.addresseeHint': 'e.g. the provincial education officer',
  'settings.signerName': 'Signer’s name',
  'settings.signerPosition': 'Signer’s position',
});
