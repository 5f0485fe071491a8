// The web app's side of the one i18n mechanism (worker/domain/i18n.ts): each area's dictionary
// (web/src/messages/<area>.th.ts, with its English beside it in <area>.en.ts) is bound here to the
// `lang` signal, so components that call a translator re-render when the language changes. The
// Thai side ships with the area's code; the English side is a separate chunk, loaded when English
// is chosen (`switchLanguage` awaits it) or when an area's code arrives while English is on.
import { signal } from '@preact/signals';
import type { Role } from '../../worker/domain/contracts';
import { format, type ArgsFor, type PlainKey, type Bilingual, type KeyParams, type Lang, type Messages } from '../../worker/domain/i18n';
import { th as appTh } from './messages/app.th';
import { lang, setLang } from './state/ui';

export type { Bilingual } from '../../worker/domain/i18n';

interface Area {
  th: Messages;
  en: Messages | null;
  loading: Promise<void> | null;
  load: () => Promise<{ default: Messages }>;
}

const areas: Area[] = [];
/** Bumped when an English dictionary arrives, so text rendered before it re-renders. */
const arrived = signal(0);

function loadEnglish(area: Area): Promise<void> {
  area.loading ??= area.load().then((m) => {
    area.en = m.default;
    arrived.value++;
  });
  return area.loading;
}

/** Resolves when every area loaded so far has its dictionary in `language`. */
export function languageReady(language: Lang = lang.value): Promise<void> {
  if (language === 'th') return Promise.resolve();
  return Promise.all(areas.map(loadEnglish)).then(() => undefined);
}

/** Switch the interface language once its dictionaries are here (no flash of the other language). */
export async function switchLanguage(next: Lang): Promise<void> {
  await languageReady(next);
  setLang(next);
}

export function toggleLanguage(): Promise<void> {
  return switchLanguage(lang.value === 'th' ? 'en' : 'th');
}

/** An area's translator: `say(key, params)` in the current language, plus `.in(lang, …)` and `.both(…)`. */
export interface Translator<T extends Messages, E> {
  <K extends keyof T & string>(key: K, ...args: ArgsFor<KeyParams<T, E, K>>): string;
  /** In a given language (English falls back to Thai until its dictionary has arrived). */
  in<K extends keyof T & string>(language: Lang, key: K, ...args: ArgsFor<KeyParams<T, E, K>>): string;
  /** Both languages, read when shown (for notices stored now and shown in whichever language is on). */
  both<K extends keyof T & string>(key: K, ...args: ArgsFor<KeyParams<T, E, K>>): Bilingual;
}

/** Bind an area's dictionaries: `messages(th, () => import('./messages/x.en'))`. */
export function messages<const T extends Messages, E extends Messages>(th: T, load: () => Promise<{ default: E }>): Translator<T, E> {
  const area: Area = { th, en: null, loading: null, load };
  areas.push(area);
  const text = (language: Lang, key: string, params?: Record<string, string | number>): string => {
    if (language === 'en' && !area.en) {
      // Subscribe to the arrival, and ask for it (normally already loaded by languageReady).
      void arrived.value;
      void loadEnglish(area);
    }
    const dictionary = language === 'en' && area.en ? area.en : th;
    return format(dictionary[key] ?? th[key] ?? key, params);
  };
  const say = ((key: string, params?: Record<string, string | number>) => text(lang.value, key, params)) as unknown as Translator<T, E>;
  say.in = (language: Lang, key: string, params?: Record<string, string | number>) => text(language, key, params);
  say.both = (key: string, params?: Record<string, string | number>) => ({
    get th() {
      return text('th', key, params);
    },
    get en() {
      return text('en', key, params);
    },
  });
  return say;
}

/** The app's own strings: shell, sign-in and the board's first screen. */
export const t = messages(appTh, () => import('./messages/app.en'));
export type StringKey = keyof typeof appTh;
export type PlainStringKey = PlainKey<typeof appTh>;
export const both = t.both;

/** Pick the current language's side of a bilingual message. */
export function pick(message: Bilingual): string {
  return lang.value === 'en' ? message.en : message.th;
}

/** The current language's side of a value stored in both (names nameTh/nameEn, API messages…). */
export function pickText(thText: string, enText: string): string {
  return lang.value === 'en' && enText ? enText : thText;
}

export function roleLabel(role: Role): string {
  return t(`role.${role}`);
}

/** "ปีงบประมาณ พ.ศ. 2567" / "Fiscal year 2567 BE (2023–2024)". */
export function fiscalYearLabel(beYear: number): string {
  const endsGregorian = beYear - 543;
  return t('fy.label', { be: beYear, from: endsGregorian - 1, to: endsGregorian });
}
