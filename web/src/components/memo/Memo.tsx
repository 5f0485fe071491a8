// A report printed as an official memo (บันทึกข้อความ, ระเบียบงานสารบรรณ): the emblem, the
// heading, ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน, then the report as its body, and the signature
// block with the signer's name and position, all from the office's memo settings. Only in print:
// on screen the report stays as it is (styles/memo.css), in the Sarabun typeface at 16 pt.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { digits, formatLongDate } from '../dashboard/format';
import { loadMemo, memo } from './memo-state';
import '../../styles/memo.css';
import { tMemo } from '../../messages/memo';

interface MemoProps {
  /** เรื่อง */
  subject: string;
  /** วันที่ (YYYY-MM-DD, Bangkok) */
  date: string;
  /** The report: the memo's body. */
  children: ComponentChildren;
}

export function MemoFrame({ subject, date, children }: MemoProps) {
  useEffect(() => void loadMemo(), []);
  const m = memo.value;
  const th = m?.thaiDigits === true;
  /** Thai digits in Thai text when the office keeps its documents in them. */
  const d = (text: string) => digits(text, th);
  return (
    <div class="memo" data-testid="memo">
      <header class="memo-head print-only" data-testid="memo-head">
        {m?.emblem && <img class="memo-emblem" src={m.emblem} alt={tMemo('memo.emblem')} />}
        <p class="memo-title">{tMemo('memo.memorandum')}</p>
        <p class="memo-line">
          <span class="memo-label">{tMemo('memo.department')}</span> <span class="memo-value">{d(m?.department ?? '')}</span>
        </p>
        <p class="memo-line memo-two">
          <span>
            <span class="memo-label">{tMemo('memo.ref')}</span> <span class="memo-value">{d(m?.docPrefix ?? '')}</span>
          </span>
          <span>
            <span class="memo-label">{tMemo('memo.date')}</span> <span class="memo-value">{formatLongDate(date, th)}</span>
          </span>
        </p>
        <p class="memo-line memo-subject">
          <span class="memo-label">{tMemo('memo.subject')}</span> <span class="memo-value">{d(subject)}</span>
        </p>
        <p class="memo-to">
          {tMemo('memo.to')} {d(m?.addressee ?? '')}
        </p>
      </header>
      <div class="memo-body">{children}</div>
      <footer class="memo-foot print-only" data-testid="memo-signature">
        <p class="memo-closing">{tMemo('memo.forYourInformation')}</p>
        <div class="memo-signature">
          <p class="memo-sign-space" aria-hidden="true" />
          <p>({m?.signerName || '........................................'})</p>
          <p>{m?.signerPosition ? d(m.signerPosition) : tMemo('memo.position')}</p>
        </div>
      </footer>
    </div>
  );
}
