/**
 * The encodings an import reads, as iconv-lite spells them, so they can be passed to it directly (once
 * 'bom' is removed). 'utf8bom' is UTF-8 that starts with a byte order mark. A module of its own, without
 * iconv-lite, so the web app's import page offers the same list.
 */
export const ENCODINGS = [
  'utf8',
  'utf8bom',
  'utf16le',
  'utf16be',
  'windows1252',
  'windows1250',
  'latin1',
  'latin2',
] as const;
export type Encoding = (typeof ENCODINGS)[number];
