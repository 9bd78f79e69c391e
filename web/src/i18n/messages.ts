/** A translation must have exactly the keys of the English original (checked by the compiler). */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export function toLanguage(value: string | null | undefined): Language {
  return value?.toLowerCase().startsWith('de') ? 'de' : 'en';
}
