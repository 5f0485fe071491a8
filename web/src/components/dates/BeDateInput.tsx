// A date in the Buddhist Era: day, Thai month name and BE year, three plain selects (keyboard
// and screen-reader friendly, and no Gregorian calendar popup). Reports ISO dates to its owner.
// Every date input of the app is this one (the drawer's due date, the OIT deadline, the O43
// period): nobody types a Christian Era year into a browser date field.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { lang } from '../../state/ui';
import { beToIso, isoToBe, monthName, type BeDateProblem } from '../../../../worker/domain/thai-date';

interface Props {
  id: string;
  legend: string;
  value: string | null;
  /** Years offered (BE); the value's own year is always offered too. */
  years: number[];
  onChange: (result: { ok: true; iso: string | null } | { ok: false; problem: BeDateProblem }) => void;
  /** Prefix of the test ids: 'due' gives due-input, due-day, due-month, due-year, due-clear. */
  testId?: string;
  /** A date is needed: no "clear" button. */
  required?: boolean;
  /** The clear button's label (default: "no due date"). */
  clearLabel?: string;
}

type Parts = { day: number | null; month: number | null; beYear: number | null };

function partsOf(iso: string | null): Parts {
  const be = isoToBe(iso);
  return be ? { day: be.day, month: be.month, beYear: be.beYear } : { day: null, month: null, beYear: null };
}

const num = (value: string) => (value === '' ? null : Number(value));

export function BeDateInput({ id, legend, value, years, onChange, testId = 'due', required = false, clearLabel }: Props) {
  const [parts, setParts] = useState<Parts>(() => partsOf(value));
  /**
   * The dates this input reported that its owner has not handed back yet, oldest first. The owner
   * hands each one back a render later, so a quick year-month-day choice can see an earlier one
   * come back after a later one was reported: that is no reason to redraw (it lost the month
   * or the day). A value that is not among them is the owner's own change, and is shown.
   */
  const pending = useRef<(string | null)[]>([]);
  useEffect(() => {
    const at = pending.current.indexOf(value);
    if (at >= 0) {
      pending.current = pending.current.slice(at + 1);
      return;
    }
    pending.current = [];
    setParts(partsOf(value));
  }, [value]);
  const language = lang.value;
  const yearList = [...new Set([...years, ...(parts.beYear ? [parts.beYear] : [])])].sort((a, b) => a - b);

  // The parts as last chosen, even before the next render (two choices in quick succession).
  const latest = useRef(parts);
  latest.current = parts;

  function update(change: Partial<Parts>) {
    const next = { ...latest.current, ...change };
    latest.current = next;
    setParts(next);
    const result = beToIso(next);
    if (result.ok) pending.current.push(result.iso);
    onChange(result);
  }

  return (
    <fieldset class="be-date" data-testid={`${testId}-input`}>
      <legend>{legend}</legend>
      <div class="be-date-parts">
        <label class="visually-hidden" for={`${id}-day`}>
          {t('due.day')}
        </label>
        <select
          id={`${id}-day`}
          class="select"
          required={required}
          data-testid={`${testId}-day`}
          value={parts.day ?? ''}
          onChange={(e) => update({ day: num(e.currentTarget.value) })}
        >
          <option value="">{t('due.day')}</option>
          {Array.from({ length: 31 }, (_, i) => (
            <option key={i} value={i + 1}>
              {i + 1}
            </option>
          ))}
        </select>
        <label class="visually-hidden" for={`${id}-month`}>
          {t('due.month')}
        </label>
        <select
          id={`${id}-month`}
          class="select"
          required={required}
          data-testid={`${testId}-month`}
          value={parts.month ?? ''}
          onChange={(e) => update({ month: num(e.currentTarget.value) })}
        >
          <option value="">{t('due.month')}</option>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i} value={i + 1}>
              {monthName(i + 1, language)}
            </option>
          ))}
        </select>
        <label class="visually-hidden" for={`${id}-year`}>
          {t('due.year')}
        </label>
        <select
          id={`${id}-year`}
          class="select"
          required={required}
          data-testid={`${testId}-year`}
          value={parts.beYear ?? ''}
          onChange={(e) => update({ beYear: num(e.currentTarget.value) })}
        >
          <option value="">{t('due.year')}</option>
          {yearList.map((y) => (
            <option key={y} value={y}>
              {t('due.beYear', { year: y })}
            </option>
          ))}
        </select>
        {!required && (parts.day !== null || parts.month !== null || parts.beYear !== null) && (
          <button
            type="button"
            class="button button-link"
            data-testid={`${testId}-clear`}
            onClick={() => update({ day: null, month: null, beYear: null })}
          >
            {clearLabel ?? t('due.clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
