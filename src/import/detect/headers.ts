import { FIELD_SYNONYMS, FIELDS, type Field, KEYWORD_VETO_STEMS, KEYWORD_VETO_WORDS } from './fields.js';

export type FieldMapping = Partial<Record<Field, number>>;

export interface HeaderMatch {
  field: Field;
  header: string;
  index: number;
  /** 'synonym': the header is a known name for the field; 'keyword': it only contains a telling word. */
  via: 'synonym' | 'keyword';
}

// Letters that Unicode decomposition does not reduce to ASCII.
const FOLDED_LETTERS: Record<string, string> = { ß: 'ss', ł: 'l', ø: 'o', æ: 'ae', đ: 'd', œ: 'oe' };

/**
 * Reduces a header to lowercase ASCII words: "Kunden-Nr." → "kunden nr",
 * "CustomerID" → "customer id", "Ilość" → "ilosc", "á-pris" → "a pris".
 * Units in brackets are dropped ("Amount (EUR)" → "amount") unless nothing else is left.
 */
export function normalizeHeader(header: string): string {
  const withoutUnits = header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return (/[\p{L}\p{N}]/u.test(withoutUnits) ? withoutUnits : header)
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[ßłøæđœ]/g, (letter) => FOLDED_LETTERS[letter])
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Normalised header without spaces, so "Kundennr", "Kunden-Nr." and "kunden nr" compare equal. */
export const compactHeader = (header: string): string => normalizeHeader(header).replace(/ /g, '');

interface Candidate {
  field: Field;
  index: number;
  score: number;
  via: HeaderMatch['via'];
}

// Score tiers keep every synonym above every fallback above every keyword;
// within a tier the synonym's position in its list breaks ties.
const PRIMARY_SCORE = 3000;
const FALLBACK_SCORE = 2000;
const KEYWORD_SCORE = 1000;

const synonymIndex = (() => {
  const index = new Map<string, { field: Field; score: number }[]>();
  const add = (field: Field, list: readonly string[] | undefined, base: number) => {
    list?.forEach((synonym, rank) => {
      const key = compactHeader(synonym);
      const entries = index.get(key) ?? [];
      if (!entries.some((entry) => entry.field === field)) entries.push({ field, score: base - rank });
      index.set(key, entries);
    });
  };
  for (const field of FIELDS) {
    add(field, FIELD_SYNONYMS[field].primary, PRIMARY_SCORE);
    add(field, FIELD_SYNONYMS[field].fallback, FALLBACK_SCORE);
  }
  return index;
})();

function keywordFields(normalized: string): Field[] {
  const words = normalized.split(' ');
  const compact = words.join('');
  if (words.some((word) => KEYWORD_VETO_WORDS.includes(word))) return [];
  if (KEYWORD_VETO_STEMS.some((stem) => compact.includes(stem))) return [];
  const last = words[words.length - 1];
  return FIELDS.filter((field) => {
    const { keywords = [], leadingKeywords = [] } = FIELD_SYNONYMS[field];
    const trailing = keywords.some((kw) => kw === last || (kw.length >= 5 && compact.endsWith(kw)));
    return trailing || leadingKeywords.includes(words[0]);
  });
}

function candidatesFor(header: string, index: number): Candidate[] {
  const normalized = normalizeHeader(header);
  if (normalized === '') return [];
  const synonyms = synonymIndex.get(normalized.replace(/ /g, ''));
  if (synonyms) return synonyms.map(({ field, score }) => ({ field, index, score, via: 'synonym' }));
  return keywordFields(normalized).map((field) => ({ field, index, score: KEYWORD_SCORE, via: 'keyword' }));
}

/**
 * Maps fields to column indexes by header name. Each field gets at most one
 * column and each column at most one field; the strongest matches are assigned
 * first, so "Order Date" wins date over "Ship Date" and "Customer ID" wins
 * customer_id over "Customer Name". Leftmost column wins exact ties.
 */
export function recognizeHeaders(headers: string[]): { mapping: FieldMapping; matched: HeaderMatch[] } {
  const candidates = headers.flatMap((header, index) => candidatesFor(header, index));
  candidates.sort(
    (a, b) => b.score - a.score || a.index - b.index || FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field),
  );
  const mapping: FieldMapping = {};
  const usedColumns = new Set<number>();
  const matched: HeaderMatch[] = [];
  for (const { field, index, via } of candidates) {
    if (mapping[field] !== undefined || usedColumns.has(index)) continue;
    mapping[field] = index;
    usedColumns.add(index);
    matched.push({ field, header: headers[index], index, via });
  }
  matched.sort((a, b) => a.index - b.index);
  return { mapping, matched };
}
