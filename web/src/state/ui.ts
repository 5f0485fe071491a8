// UI model: interface language (persisted) and the selected fiscal year (kept in the URL as
// /board/<BE year>, so a board can be bookmarked and the back button works).
import { effect, signal } from '@preact/signals';

export type Lang = 'th' | 'en';

const LANG_KEY = 'ita-board.lang';
const YEAR_PATH = /^\/board\/(\d{4})\/?$/;

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

function yearFromLocation(): number | null {
  const m = YEAR_PATH.exec(location.pathname);
  return m ? Number(m[1]) : null;
}

export const lang = signal<Lang>(readStoredLang());
/** Buddhist Era year of the fiscal year on screen, or null until one is chosen. */
export const selectedYear = signal<number | null>(yearFromLocation());

export function setLang(next: Lang): void {
  lang.value = next;
}

export function toggleLang(): void {
  setLang(lang.value === 'th' ? 'en' : 'th');
}

/** Choose a fiscal year. `replace` is for automatic choices that should not add history. */
export function selectYear(beYear: number, options: { replace?: boolean } = {}): void {
  if (selectedYear.value === beYear) return;
  selectedYear.value = beYear;
  const path = `/board/${beYear}`;
  if (location.pathname !== path) {
    const url = path + location.search + location.hash;
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }
}

let started = false;
/** Wire the model to the document: <html lang>, localStorage and back/forward navigation. */
export function startUi(): void {
  if (started) return;
  started = true;
  effect(() => {
    const value = lang.value;
    document.documentElement.lang = value;
    try {
      localStorage.setItem(LANG_KEY, value);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  });
  addEventListener('popstate', () => {
    const year = yearFromLocation();
    if (year !== null) selectedYear.value = year;
  });
}
