// The report email as a mail client sees it: the MIME text built by buildMime is parsed back with
// postal-mime (Thai subject and names decoded, text and HTML parts, the CSV attachment with its
// byte-order mark and Thai content, From/To/Message-ID), user-typed text is escaped, and the
// message passes the validation of the real send_email binding (From = envelope sender).
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import PostalMime from 'postal-mime';
import { buildMime, senderOf } from '../../worker/email/mime';
import { reportEmail } from '../../worker/email/report-email';
import { digestEmail } from '../../worker/email/digest-email';
import { sendEmailTransport } from '../../worker/email/transport';
import { reportCsv, reportFileName } from '../../worker/domain/report-csv';
import { compileDigest } from '../../worker/domain/report-digest';
import { parsePeriodKey } from '../../worker/domain/report-period';
import type { ReportContent } from '../../worker/domain/report-types';

const period = parsePeriodKey('executive', '2024-06-H1')!;
const progress = { total: 21, done: 3, inProgress: 4, notStarted: 14, percent: 14.3 };

/** A compiled report with hostile user text in every place users can type. */
function fixture(overrides: Partial<ReportContent> = {}): ReportContent {
  const card = { cardId: 'c1', measureNumber: 4, stepNumber: 2, title: '<script>alert("x")</script> ร้องเรียน' };
  return {
    version: 1,
    kind: 'executive',
    org: { nameTh: 'สำนักงานศึกษาธิการจังหวัดพิจิตร', nameEn: 'Phichit' },
    fiscalYear: { beYear: 2567, titleTh: 'มาตรการ' },
    period,
    compiledAt: Date.parse('2024-06-16T01:00:00Z'),
    thaiDigits: false,
    chain: { seq: 42, hash: 'a'.repeat(64), periodEndSeq: 40 },
    totals: progress,
    measures: [{ measureId: 'm1', section: 'table', number: 1, title: 'การปรับปรุงระบบ & "เว็บไซต์"', responsibleText: 'กลุ่มอำนวยการ', progress, percentChange: 2.5 }],
    groups: [{ groupId: 'g1', nameTh: 'กลุ่มอำนวยการ', nameEn: 'Admin', progress }],
    moves: [{ ...card, from: { labelTh: 'ยังไม่เริ่ม', labelEn: 'Not started', category: 'todo' }, to: { labelTh: 'กำลังดำเนินการ', labelEn: 'In progress', category: 'doing' }, actor: 'ผอ. <img src=x onerror=alert(1)>', at: Date.parse('2024-06-03T03:00:00Z') }],
    overdue: [{ ...card, dueOn: '2024-06-10', daysOverdue: 5, column: null, groupNameTh: 'กลุ่มบริหารงานบุคคล' }],
    overdueCount: 1,
    evidence: [
      { ...card, url: 'javascript:alert(1)', note: '=HYPERLINK("http://evil")', oitCode: 'O12', actor: 'ผอ.', at: Date.parse('2024-06-04T04:00:00Z'), removed: false },
      { ...card, url: 'https://phichit.moe.go.th/ita?a=1&b=2', note: '', oitCode: null, actor: null, at: Date.parse('2024-06-05T04:00:00Z'), removed: true },
    ],
    omitted: { moves: 0, overdue: 0, evidence: 0 },
    change: { previousReportId: 'r0', previousPeriodKey: '2024-05-H2', percentPoints: 4.8, done: 1, inProgress: -1, notStarted: 0, overdue: 1 },
    ...overrides,
  };
}

const FROM = { addr: 'ita-board@example.go.th', name: 'ITA Board สำนักงานศึกษาธิการจังหวัดพิจิตร' };
const TO = { addr: 'executive@demo.local', name: 'ศึกษาธิการจังหวัด (สาธิต)' };

function build(content: ReportContent) {
  const mail = reportEmail(content);
  const csv = { filename: reportFileName(content.kind, content.period.key), contentType: 'text/csv; charset=utf-8', text: reportCsv(content) };
  return buildMime({ from: FROM, to: TO, messageId: 'msg-1@example.go.th', date: new Date('2024-06-16T01:00:05Z'), ...mail, attachments: [csv] });
}

describe('the report email, parsed back', () => {
  it('decodes the Thai subject and names, and carries From, To, Date and Message-ID', async () => {
    const raw = build(fixture());
    const mail = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
    expect(mail.subject).toBe('รายงานความก้าวหน้ามาตรการ ITA เสนอผู้บริหาร ครึ่งเดือนแรก 1–15 มิถุนายน 2567 (สำนักงานศึกษาธิการจังหวัดพิจิตร)');
    expect(mail.from).toMatchObject({ address: FROM.addr, name: FROM.name });
    expect(mail.to?.[0]).toMatchObject({ address: TO.addr, name: TO.name });
    expect(mail.messageId).toBe('<msg-1@example.go.th>');
    expect(mail.date).toBe('2024-06-16T01:00:05.000Z');
    // Headers are 7-bit: Thai travels RFC 2047-encoded; lines end in CRLF.
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(/[^\x00-\x7f]/.test(head)).toBe(false);
    // Encoded words of at most 75 characters on folded lines under 78 (RFC 2047, RFC 5322).
    expect(head.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(head.match(/=\?utf-8\?B\?[^?]*\?=/g)!.every((w) => w.length <= 75)).toBe(true);
    expect(raw.includes('\n') && !/[^\r]\n/.test(raw)).toBe(true);
    expect(senderOf(raw)).toBe(FROM.addr);
  });

  it('has a plain-text part and an HTML part, both in Thai, Buddhist Era, with the change since last time', async () => {
    const mail = await PostalMime.parse(build(fixture()));
    expect(mail.text).toContain('ดำเนินการเสร็จสิ้น 3 จาก 21 ขั้นตอน');
    expect(mail.text).toContain('ร้อยละความสำเร็จ +4.8 จุด');
    expect(mail.text).toContain('3 มิ.ย. 2567 10:00 น.'); // 03:00 UTC is 10:00 in Bangkok
    expect(mail.html).toContain('ครึ่งเดือนแรก 1–15 มิถุนายน 2567 ปีงบประมาณ พ.ศ. 2567');
    expect(mail.html).toContain('<table');
    expect(mail.html).toContain('ความก้าวหน้ารายมาตรการ');
  });

  it('escapes everything users typed, and only web links are clickable', async () => {
    const { html } = reportEmail(fixture());
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('การปรับปรุงระบบ &amp; &quot;เว็บไซต์&quot;');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('javascript:alert(1)'); // shown as text
    expect(html).toContain('<a href="https://phichit.moe.go.th/ita?a=1&amp;b=2"');
  });

  it('attaches the CSV with a UTF-8 byte-order mark, Thai content and neutralised formulas', async () => {
    const mail = await PostalMime.parse(build(fixture()), { attachmentEncoding: 'arraybuffer' });
    expect(mail.attachments).toHaveLength(1);
    const att = mail.attachments[0]!;
    expect(att.filename).toBe('ita-report-executive-2024-06-H1.csv');
    expect(att.mimeType).toBe('text/csv');
    expect(att.disposition).toBe('attachment');
    const bytes = new Uint8Array(att.content as ArrayBuffer);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
    expect(csv).toContain('"หน่วยงาน","สำนักงานศึกษาธิการจังหวัดพิจิตร"');
    expect(csv).toContain('"\'=HYPERLINK(""http://evil"")"');
    expect(csv).toContain('"javascript:alert(1)"');
    expect(csv).toContain('"ถูกนำออกแล้ว"');
    expect(csv.split('\r\n').length).toBeGreaterThan(20);
  });

  it('keeps a big report’s lists short in the body; the CSV carries them all', async () => {
    const base = fixture();
    const moves = Array.from({ length: 150 }, (_, i) => ({ ...base.moves[0]!, stepNumber: i + 1 }));
    const content = fixture({ moves, omitted: { moves: 30, overdue: 0, evidence: 0 } });
    const { html, text } = reportEmail(content);
    expect(html).toContain('และอีก 80 รายการ');
    expect(text).toContain('- และอีก 80 รายการ');
    expect(html).toContain('4.100 &lt;script');
    expect(html).not.toContain('4.101 &lt;script');
    expect(reportCsv(content).match(/"กำลังดำเนินการ"/g)?.length).toBeGreaterThanOrEqual(150);
    expect(reportCsv(content)).toContain('และอีก 30 รายการ');
  });

  it('uses Thai digits throughout when the office asks for them', async () => {
    const mail = await PostalMime.parse(build(fixture({ thaiDigits: true })));
    expect(mail.subject).toContain('๑–๑๕ มิถุนายน ๒๕๖๗');
    expect(mail.text).toContain('ดำเนินการเสร็จสิ้น ๓ จาก ๒๑ ขั้นตอน');
    expect(mail.html).toContain('๑๔.๓%');
    // Links and addresses keep their digits.
    expect(mail.html).toContain('https://phichit.moe.go.th/ita?a=1&amp;b=2');
  });
});

describe('the daily digest email', () => {
  it('one message listing overdue and soon-due steps of the group', async () => {
    const digest = compileDigest({
      today: '2024-06-15',
      orgNameTh: 'สำนักงานทดสอบ',
      thaiDigits: false,
      groupId: 'g1',
      columns: [
        { id: 'todo', labelTh: 'ยังไม่เริ่ม', labelEn: 'Not started', category: 'todo' },
        { id: 'done', labelTh: 'เสร็จสิ้น', labelEn: 'Done', category: 'done' },
      ],
      measures: [{ id: 'm', number: 3 }],
      groups: [{ id: 'g1', nameTh: 'กลุ่มอำนวยการ' }],
      cards: [
        { id: 'a', measureId: 'm', stepNumber: 1, title: 'เลยกำหนด <i>', columnId: 'todo', dueOn: '2024-06-10', leadGroupId: 'g1', groupIds: [] },
        { id: 'b', measureId: 'm', stepNumber: 2, title: 'ครบวันนี้', columnId: 'todo', dueOn: '2024-06-15', leadGroupId: 'g1', groupIds: [] },
        { id: 'c', measureId: 'm', stepNumber: 3, title: 'ครบอีก 7 วัน', columnId: 'todo', dueOn: '2024-06-22', leadGroupId: 'g2', groupIds: ['g1'] },
        { id: 'd', measureId: 'm', stepNumber: 4, title: 'อีก 8 วัน', columnId: 'todo', dueOn: '2024-06-23', leadGroupId: 'g1', groupIds: [] },
        { id: 'e', measureId: 'm', stepNumber: 5, title: 'เสร็จแล้ว', columnId: 'done', dueOn: '2024-06-01', leadGroupId: 'g1', groupIds: [] },
        { id: 'f', measureId: 'm', stepNumber: 6, title: 'กลุ่มอื่น', columnId: 'todo', dueOn: '2024-06-01', leadGroupId: 'g2', groupIds: [] },
      ],
    });
    expect(digest.overdue.map((i) => [i.cardId, i.days])).toEqual([['a', 5]]);
    expect(digest.dueSoon.map((i) => [i.cardId, i.days])).toEqual([['b', 0], ['c', 7]]);
    const mail = digestEmail(digest);
    const parsed = await PostalMime.parse(buildMime({ from: FROM, to: TO, messageId: 'd@example.go.th', date: new Date(), ...mail }));
    expect(parsed.subject).toBe('สรุปงานที่เลยกำหนดและใกล้ครบกำหนด กลุ่มอำนวยการ ประจำวันที่ 15 มิถุนายน 2567 (เลยกำหนด 1, ใกล้ครบกำหนด 2)');
    expect(parsed.html).toContain('เลยกำหนด &lt;i&gt;');
    expect(parsed.text).toContain('ขั้นตอน 3.2 ครบวันนี้: กำหนด 15 มิ.ย. 2567 (วันนี้)');
    expect(parsed.attachments).toHaveLength(0);
  });
});

/** wrangler.toml's [[send_email]] binding, as miniflare runs it (it validates like the real one). */
const EMAIL = (env as unknown as { EMAIL: SendEmail }).EMAIL;

describe('the send_email binding (as wrangler runs it)', () => {
  it('accepts the built message: From equals the envelope sender, Message-ID present', async () => {
    const raw = build(fixture());
    await expect(sendEmailTransport(EMAIL).send({ from: senderOf(raw), to: TO.addr, raw })).resolves.toBeUndefined();
  });

  it('refuses a message whose From differs from the envelope sender (the check is real)', async () => {
    const raw = build(fixture());
    await expect(sendEmailTransport(EMAIL).send({ from: 'someone-else@example.go.th', to: TO.addr, raw })).rejects.toThrow(/From/);
  });
});
