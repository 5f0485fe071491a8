// UI model: interface language (persisted), the page (section) on screen and the selected fiscal
// year, both kept in the URL as /<section>/<BE year> (e.g. /board/2567, /dashboard/2567), so a page
// can be bookmarked and shared and the back button works. Pages without a year: /admin.
import { effect, signal } from '@preact/signals';

export type Lang = 'th' | 'en';

/** Pages of the signed-in app. Add a section here and a view in components/App.tsx. */
export const SECTIONS = ['board', 'dashboard', 'reports', 'oit', 'admin', 'account', 'submission', 'rollup', 'parent'] as const;
export type Section = (typeof SECTIONS)[number];

const LANG_KEY = 'ita-board.lang';
const SECTION_PATH = /^\/([a-z]+)(?:\/(\d{4}))?\/?$/;

function sectionFromLocation(): Section {
  const m = SECTION_PATH.exec(location.pathname);
  const name = m?.[1] as Section | undefined;
  return name && SECTIONS.includes(name) ? name : 'board';
}

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

function yearFromLocation(): number | null {
  const m = SECTION_PATH.exec(location.pathname);
  return m?.[2] ? Number(m[2]) : null;
}

export const lang = signal<Lang>(readStoredLang());
/** Buddhist Era year of the fiscal year on screen, or null until one is chosen. */
export const selectedYear = signal<number | null>(yearFromLocation());
/** The page on screen. */
export const section = signal<Section>(sectionFromLocation());

/** The public page (/p/<office>/<year>) has its own address; the signed-in app leaves it alone. */
export function onPublicPage(): boolean {
  return location.pathname.startsWith('/p/');
}

function pathFor(name: Section, year: number | null): string {
  return year === null ? `/${name}` : `/${name}/${year}`;
}

/** Show another page, keeping the fiscal year and the query string (filters) when it has one. */
export function goTo(name: Section, options: { replace?: boolean; keepQuery?: boolean } = {}): void {
  section.value = name;
  if (onPublicPage()) return;
  const url = pathFor(name, selectedYear.value) + (options.keepQuery ? location.search : '');
  if (location.pathname + location.search === url) return;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

/** Set the language; switch through i18n.ts's switchLanguage, which loads its dictionaries first. */
export function setLang(next: Lang): void {
  lang.value = next;
}

/** Choose a fiscal year. `replace` is for automatic choices that should not add history. */
export function selectYear(beYear: number, options: { replace?: boolean } = {}): void {
  if (selectedYear.value === beYear) return;
  selectedYear.value = beYear;
  if (onPublicPage()) return;
  const path = pathFor(section.value, beYear);
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
    section.value = sectionFromLocation();
    const year = yearFromLocation();
    if (year !== null) selectedYear.value = year;
  });
}
