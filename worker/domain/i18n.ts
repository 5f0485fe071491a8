// The one i18n mechanism of the web app and the Worker's emails and reports: dictionaries of
// messages, Thai first, split by area (board, admin, reports, emails…). A dictionary's keys come
// from its Thai side; the English side is checked by the type system to have exactly the same keys
// and, key by key, the same {params}. Parameters are written {like_this}. Pure: no language state
// here (the web app binds a dictionary to its `lang` signal in web/src/i18n.ts; the Worker picks
// the language per recipient).

export type Lang = 'th' | 'en';

/** A dictionary: key → template. */
export type Messages = Readonly<Record<string, string>>;

/** The {params} a template names: `ParamsOf<'{n} of {total}'>` is `'n' | 'total'`. */
export type ParamsOf<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamsOf<Rest> : never;

/** Keys of `T` whose template takes no {params} (a table of them can be looked up and shown as is). */
export type PlainKey<T extends Messages> = { [K in keyof T]: [ParamsOf<T[K]>] extends [never] ? K : never }[keyof T] & string;

/** Values given for a template's {params}. */
export type Params<P extends string = string> = { readonly [K in P]: string | number };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * What an English dictionary must be for the Thai one `T`: the same keys (no more, no fewer) and,
 * for each key not listed in `Loose`, a template with the same {params}. `Loose` names the rare keys
 * whose languages need different data (the caller then passes the params of both).
 */
export type EnglishFor<T extends Messages, E, Loose extends keyof T = never> = {
  readonly [K in keyof T]: K extends keyof E
    ? K extends Loose
      ? string
      : Same<ParamsOf<T[K]>, ParamsOf<E[K]>> extends true
        ? E[K]
        : `the English of this key must use the params of the Thai: {${ParamsOf<T[K]> & string}}`
    : string;
} & { readonly [K in Exclude<keyof E, keyof T>]: `not a key of the Thai dictionary` };

/**
 * Declare an English dictionary against the type of its Thai one (imported with `import type`, so
 * the English file does not carry the Thai strings):
 * `export default english<typeof th>()({ 'x.y': '…' })`.
 */
export function english<T extends Messages, Loose extends keyof T = never>() {
  return <const E extends EnglishFor<T, E, Loose>>(en: E): E => en;
}

/** The params a key of `T` (English `E`) needs: both languages' {params}. */
export type KeyParams<T extends Messages, E, K extends keyof T> = ParamsOf<T[K]> | (K extends keyof E ? ParamsOf<E[K]> : never);

/** `[]` for a template without params, `[params]` otherwise: a missing or misnamed param is a type error. */
export type ArgsFor<P> = [P] extends [never] ? [params?: Params<never>] : [params: Params<P & string>];

/** Fill a template's {params}; a name without a value stays as written. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator in one language: `say('card.due', { date })`. */
export type Translate<T extends Messages, E = T> = <K extends keyof T & string>(key: K, ...args: ArgsFor<KeyParams<T, E, K>>) => string;

/** Both sides of a dictionary, loaded (the Worker's case: emails and reports in the recipient's language). */
export function translator<T extends Messages, E extends Messages>(dictionaries: { th: T; en: E }, language: Lang): Translate<T, E> {
  const dictionary: Messages = dictionaries[language];
  return (key, ...args) => format(dictionary[key] ?? dictionaries.th[key] ?? key, args[0]);
}

/** A message in both languages, for text stored now and shown later in whichever language is on. */
export interface Bilingual {
  readonly th: string;
  readonly en: string;
}
