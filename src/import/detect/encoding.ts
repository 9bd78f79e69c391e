import iconv from 'iconv-lite';
import { ENCODINGS, type Encoding } from './encodings.js';

export { ENCODINGS, type Encoding };

export class UnknownEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`Unknown encoding "${encoding}". Supported: ${ENCODINGS.join(', ')}`);
    this.name = 'UnknownEncodingError';
  }
}

// Other spellings users type or ERPs print, reduced to lowercase letters and digits.
const ENCODING_ALIASES: Record<string, Encoding> = {
  utf16: 'utf16le',
  unicode: 'utf16le',
  ucs2: 'utf16le',
  win1252: 'windows1252',
  cp1252: 'windows1252',
  ansi: 'windows1252',
  win1250: 'windows1250',
  cp1250: 'windows1250',
  iso88591: 'latin1',
  iso88592: 'latin2',
};

const isEncoding = (name: string): name is Encoding => (ENCODINGS as readonly string[]).includes(name);

/** Maps a user-supplied name such as `latin1`, `CP1250`, `UTF-8` or `ISO-8859-2` to an Encoding (for `--encoding`). */
export function parseEncoding(name: string): Encoding {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const found = isEncoding(key) ? key : ENCODING_ALIASES[key];
  if (!found) throw new UnknownEncodingError(name);
  return found;
}

/** Length of the byte order mark at the start of `head` (0 when there is none). */
export function bomLength(head: Uint8Array): number {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 2;
  return 0;
}

/**
 * Guesses the encoding of the first bytes of a file. Order matters: a BOM is
 * authoritative, NUL bytes only occur in text as UTF-16, and text that is valid
 * UTF-8 is almost never meant as a single-byte code page.
 */
export function detectEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  const utf16 = utf16FromNulPattern(head);
  if (utf16) return utf16;
  if (isValidUtf8(head)) return 'utf8';
  return looksLikePolishWindows1250(head) ? 'windows1250' : 'windows1252';
}

/** Decodes the sampled head, without BOM and without a character cut in half at the end. */
export function decodeHead(head: Uint8Array, encoding: Encoding): string {
  let end = head.length;
  if (encoding === 'utf8' || encoding === 'utf8bom') end = completeUtf8Length(head);
  if (encoding === 'utf16le' || encoding === 'utf16be') end -= end % 2;
  const codec = encoding === 'utf8bom' ? 'utf8' : encoding;
  return iconv.decode(head.subarray(0, end), codec, { stripBOM: true });
}

// ASCII text in UTF-16 has a NUL in every other byte; which half tells the byte order.
function utf16FromNulPattern(head: Uint8Array): Encoding | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs === 0) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  if (oddNuls > pairs * 0.3 && evenNuls < pairs * 0.05) return 'utf16le';
  if (evenNuls > pairs * 0.3 && oddNuls < pairs * 0.05) return 'utf16be';
  return null;
}

function isValidUtf8(head: Uint8Array): boolean {
  try {
    // stream: true tolerates a multi-byte sequence cut off by the sample boundary.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

// Drops the trailing bytes of a sequence that the sample boundary cut in half.
function completeUtf8Length(head: Uint8Array): number {
  const end = head.length;
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = head[end - back];
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
}

// Bytes that are Polish letters in windows-1250 but symbols (£ ¥ ¯ ³ ¹ ¿ …) in windows-1252.
const POLISH_ONLY = new Set([0x8f, 0x9f, 0xa3, 0xa5, 0xaf, 0xb3, 0xb9, 0xbf]);
const POLISH_CAPITALS = new Set([0x8f, 0xa3, 0xa5, 0xaf]);
const POLISH_WORD_FINAL = new Set([0xb3, 0xb9]);
// å, Å, ø, Ø: Scandinavian letters in windows-1252 that are rare letters in windows-1250.
const NORDIC = new Set([0xe5, 0xc5, 0xf8, 0xd8]);

const isAsciiLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isAsciiLower = (b: number) => b >= 0x61 && b <= 0x7a;
const isVowel = (b: number) => 'aeiouyAEIOUY'.includes(String.fromCharCode(b));
const isLetterish = (b: number | undefined) =>
  b !== undefined && (isAsciiLetter(b) || b >= 0xc0 || POLISH_ONLY.has(b) || b === 0x8c || b === 0x9c);

/**
 * German text reads the same in both code pages, so only patterns that make no
 * sense in windows-1252 count: "sp³ka" (superscript inside a word), "£ukasz"
 * (pound sign before lowercase letters), "Micha³" (superscript after a vowel).
 */
function looksLikePolishWindows1250(head: Uint8Array): boolean {
  let polish = 0;
  let nordic = 0;
  for (let i = 0; i < head.length; i++) {
    const byte = head[i];
    if (byte < 0x80) continue;
    const before = i > 0 ? head[i - 1] : undefined;
    const after = head[i + 1];
    const insideWord = isLetterish(before) && isLetterish(after);
    if (NORDIC.has(byte) && insideWord) nordic++;
    if (!POLISH_ONLY.has(byte)) continue;
    const startsWord = POLISH_CAPITALS.has(byte) && !isLetterish(before) && isAsciiLower(after ?? 0);
    const endsWord =
      POLISH_WORD_FINAL.has(byte) && before !== undefined && isVowel(before) && !isLetterish(after);
    if (insideWord || startsWord || endsWord) polish++;
  }
  return polish > 0 && polish > nordic;
}
