// Import warnings: one place for their codes and severities; their wording, in both languages, is
// the import dictionary's (messages/import.{th,en}.ts). A warning's code is its key without the
// suffix (`group-unknown.tie` → `group-unknown`), as in errors.ts's `errorMessages`.
import { translator, type Bilingual, type KeyParams, type Lang, type Params } from '../i18n';
import en from '../messages/import.en';
import { th } from '../messages/import.th';
import type { ImportWarning, ImportWarningCode } from './types';

const say = { th: translator({ th, en }, 'th'), en: translator({ th, en }, 'en') };

type ImportKey = keyof typeof th & string;

/** The values of a key's {params}: one set for both languages, or per language (a word written in each). */
type ImportParams<K extends ImportKey> = Params<KeyParams<typeof th, typeof en, K> & string> | ((lang: Lang) => Params<KeyParams<typeof th, typeof en, K> & string>);

/** The text of `key` in one language. */
function text<K extends ImportKey>(key: K, lang: Lang, params?: ImportParams<K>): string {
  const values = typeof params === 'function' ? params(lang) : params;
  return (say[lang] as (key: string, params?: Params) => string)(key, values);
}

/** A key's text in both languages. */
function bilingual<K extends ImportKey>(key: K, params?: ImportParams<K>): Bilingual {
  return { th: text(key, 'th', params), en: text(key, 'en', params) };
}

/** A warning's code and messages from its key. */
export function importMessages<K extends ImportKey>(key: K, params?: ImportParams<K>, code: string = key.split('.')[0]!) {
  const { th: messageTh, en: messageEn } = bilingual(key, params);
  return { code, messageTh, messageEn };
}

/** A location, Thai then English: `มาตรการ 3 / measure 3`. */
function location<K extends ImportKey>(key: K, params?: ImportParams<K>): string {
  const { th: inThai, en: inEnglish } = bilingual(key, params);
  return `${inThai} / ${inEnglish}`;
}

type Severity = ImportWarning['severity'];

/** A key that is a warning's: its code, or its code and a suffix. */
type WarningKey = ImportKey & (ImportWarningCode | `${ImportWarningCode}.${string}`);

/** A warning's first fields, in the order it always had: code, severity, messageTh, messageEn. */
function warning<K extends WarningKey>(severity: Severity, key: K, params?: ImportParams<K>) {
  const { code, messageTh, messageEn } = importMessages(key, params);
  return { code: code as ImportWarningCode, severity, messageTh, messageEn };
}

const wholeDocument = () => location('location.document');

/** A field of a measure, named in both languages (for `measureLocation`). */
export type FieldKey = Extract<ImportKey, `field.${string}`>;
export const fieldName = <K extends FieldKey>(key: K, params?: ImportParams<K>): Bilingual => bilingual(key, params);

export function measureLocation(n: number, field?: Bilingual): string {
  return field ? location('location.measure-field', (lang) => ({ n, field: field[lang] })) : location('location.measure', { n });
}

export function thaiDigits(): ImportWarning {
  return { ...warning('info', 'thai-digits'), location: wholeDocument() };
}

export function noMeasures(): ImportWarning {
  return { ...warning('error', 'no-measures'), location: wholeDocument() };
}

export function spacesNormalised(location: string, from: string, to: string, changes: { from: string; to: string }[] = []): ImportWarning {
  const list = changes.map((c) => `«${c.from}» → «${c.to}»`).join(', ');
  return {
    ...(list ? warning('info', 'spaces-normalised.list', { list }) : warning('info', 'spaces-normalised')),
    location,
    from,
    to,
    ...(changes.length ? { changes } : {}),
  };
}

export function dueDateUnreadable(n: number, text: string, reason: 'unreadable' | 'no-fiscal-year'): ImportWarning {
  return {
    ...warning('warning', `due-date-unreadable.${reason}`, { text }),
    location: measureLocation(n, fieldName('field.timeline')),
    from: text,
  };
}

export function scheduleNotFound(missing: readonly ('executive' | 'staff')[]): ImportWarning {
  const defaults = (lang: Lang) => ({ defaults: missing.map((a) => text(`default.${a}`, lang)).join(text('default.and', lang)) });
  return {
    ...warning('info', missing.length === 2 ? 'schedule-not-found.both' : 'schedule-not-found.one', defaults),
    location: wholeDocument(),
  };
}

export function groupCorrected(n: number, from: string, to: string): ImportWarning {
  return { ...warning('warning', 'group-corrected', { from, to }), location: measureLocation(n), from, to };
}

export function groupUnknown(n: number, from: string, candidates: string[]): ImportWarning {
  const empty = from.trim() === '';
  const tie = candidates.length > 1 ? candidates.join(', ') : '';
  return {
    ...(empty ? warning('warning', 'group-unknown.empty') : tie ? warning('warning', 'group-unknown.tie', { from, tie }) : warning('warning', 'group-unknown.none', { from })),
    location: measureLocation(n),
    from,
  };
}

export function everyGroup(n: number, from: string, lead: string | null): ImportWarning {
  return {
    ...(lead ? warning('info', 'every-group.lead', { from, lead }) : warning('info', 'every-group.no-lead', { from })),
    location: measureLocation(n),
    from,
    ...(lead ? { to: lead } : {}),
  };
}

/** Which numbered list of a measure: its steps or its monitoring requirements. */
export type StepKind = 'steps' | 'monitoring';

export function stepNumbering(n: number, kind: StepKind, numbers: number[]): ImportWarning {
  const found = numbers.join(', ');
  const location = measureLocation(n, bilingual(`kind.${kind}`));
  const kindIn = (lang: Lang) => text(`kind.${kind}`, lang);
  if (numbers.length === 0) {
    return { ...warning('warning', 'step-numbering.none', (lang) => ({ n, kind: kindIn(lang) })), location };
  }
  return {
    ...warning('warning', 'step-numbering.order', (lang) => ({ kind: kindIn(lang), n, count: numbers.length, found })),
    location,
    from: found,
  };
}

/** The words where two texts differ: the common leading and trailing words are dropped. */
function difference(a: string, b: string): [string, string] {
  const x = a.split(' ');
  const y = b.split(' ');
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  return [x.slice(head, x.length - tail).join(' '), y.slice(head, y.length - tail).join(' ')];
}

export function duplicateItem(number: string, first: string, second: string): ImportWarning {
  const [a, b] = difference(first, second);
  const same = a === '' && b === '';
  return {
    ...(same ? warning('warning', 'duplicate-item.same', { number }) : warning('warning', 'duplicate-item.differ', { number, a, b })),
    location: location('location.item', { number }),
    from: first,
    to: second,
  };
}
