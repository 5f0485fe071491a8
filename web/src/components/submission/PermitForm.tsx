// The office's publish-permission form for one OIT item (แบบฟอร์มการขออนุญาตเผยแพร่ข้อมูลผ่าน
// เว็บไซต์ของหน่วยงาน), one A4 page: the emblem and the office's name as on its memos, the date,
// the item as the topic, what is published, the website page, the explanation as the note, then
// the signature blocks of the person responsible for the information, the approver and the person
// who posted it (name, position, Buddhist Era date; dotted lines where nothing was entered).
import type { FormPerson, SubmissionItem } from '../../../../worker/domain/submission';
import { digits, formatLongDate } from '../dashboard/format';
import { tSubmission } from '../../messages/submission';

interface Props {
  item: SubmissionItem;
  office: string;
  beYear: number;
  emblem: string | null;
  thaiDigits: boolean;
}

function Signature({ title, person, thaiDigits, testId }: { title: string; person: FormPerson; thaiDigits: boolean; testId: string }) {
  const blank = tSubmission('form.line');
  return (
    <div class="permit-sign" data-testid={testId}>
      <p class="permit-sign-title">{title}</p>
      <p class="permit-sign-space" aria-hidden="true" />
      <p>
        {tSubmission('form.sign')} {blank}
      </p>
      <p>({person.name || blank})</p>
      <p>
        {tSubmission('form.position')} {person.position ? digits(person.position, thaiDigits) : blank}
      </p>
      <p>
        {tSubmission('form.dated')} {person.date ? formatLongDate(person.date, thaiDigits) : blank}
      </p>
    </div>
  );
}

export function PermitForm({ item, office, beYear, emblem, thaiDigits }: Props) {
  const d = (text: string) => digits(text, thaiDigits);
  const dated = item.requester.date ?? item.approver.date;
  const blank = tSubmission('form.blank');
  return (
    <article class="permit-sheet" data-testid="permit-sheet" data-code={item.code} aria-label={`${tSubmission('form.heading')} ${item.code}`}>
      <header class="permit-head">
        {emblem && <img class="permit-emblem" src={emblem} alt={tSubmission('form.emblem')} />}
        <h2 class="permit-title">{tSubmission('form.heading')}</h2>
        <p class="permit-office">{d(office)}</p>
        <p class="permit-year">{d(tSubmission('form.fiscalYear', { year: beYear }))}</p>
      </header>
      <table class="permit-table">
        <tbody>
          <tr>
            <th scope="row">{tSubmission('form.office')}</th>
            <td>{d(office)}</td>
          </tr>
          <tr>
            <th scope="row">{tSubmission('form.date')}</th>
            <td>{dated ? formatLongDate(dated, thaiDigits) : blank}</td>
          </tr>
          <tr>
            <th scope="row">{tSubmission('form.topic')}</th>
            <td data-testid="permit-topic">
              {item.code} {d(item.titleTh)}
            </td>
          </tr>
          <tr>
            <th scope="row">{tSubmission('form.details')}</th>
            <td class="permit-text">{item.publishedInfo ? d(item.publishedInfo) : blank}</td>
          </tr>
          <tr>
            <th scope="row">{tSubmission('form.link')}</th>
            <td class="permit-url" data-testid="permit-url">
              {item.pageUrl ?? blank}
            </td>
          </tr>
          <tr>
            <th scope="row">{tSubmission('form.note')}</th>
            <td class="permit-text permit-note">{item.explanationText ? d(item.explanationText) : blank}</td>
          </tr>
        </tbody>
      </table>
      <div class="permit-signs">
        <Signature title={tSubmission('form.requester')} person={item.requester} thaiDigits={thaiDigits} testId="permit-requester" />
        <Signature title={tSubmission('form.approver')} person={item.approver} thaiDigits={thaiDigits} testId="permit-approver" />
      </div>
      <div class="permit-signs permit-signs-last">
        <Signature title={tSubmission('form.poster')} person={item.poster} thaiDigits={thaiDigits} testId="permit-poster" />
      </div>
    </article>
  );
}
