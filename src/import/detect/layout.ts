export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * How the fields of a line are separated: by one delimiter character (with
 * RFC 4180 double quotes), or by runs of spaces/tabs as in fixed-column ERP
 * reports, where leading and trailing blanks are not fields.
 */
export type Layout = { kind: 'delimited'; delimiter: Delimiter; quote: '"' } | { kind: 'whitespace' };

// Delimiters by how rarely they occur unquoted inside values: commas often do
// (decimal commas, "Smith, John"), tabs and semicolons almost never.
const PRIORITY: readonly Delimiter[] = ['\t', ';', '|', ','];
// Share of sample lines that must have the most common field count.
const MIN_CONSISTENCY = 0.9;

/**
 * Splits the decoded head of a file into lines for sniffing. When the head was
 * cut from a larger file (`truncated`), its last line is probably incomplete and
 * is dropped. Blank lines are dropped. Newlines inside quoted fields are not
 * recognised; they only make sniffing less certain.
 */
export function headLines(text: string, truncated: boolean): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (truncated) lines.pop();
  return lines.filter((line) => line.trim() !== '');
}

export function splitLine(line: string, layout: Layout): string[] {
  if (layout.kind === 'whitespace') {
    const trimmed = line.trim();
    return trimmed === '' ? [] : trimmed.split(/[ \t]+/);
  }
  return splitDelimited(line, layout.delimiter);
}

// Quotes only open a quoted field at the start of a field; a quote elsewhere is
// kept as text, and text after a closing quote is appended (lenient like Excel).
function splitDelimited(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (inQuotes) {
      if (char !== '"') field += char;
      else if (line[i + 1] === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
      continue;
    } else if (char === '"' && atFieldStart) inQuotes = true;
    else if (char !== '\r' || i !== line.length - 1) field += char;
    atFieldStart = false;
  }
  fields.push(field);
  return fields;
}

interface Candidate {
  layout: Layout;
  fieldCount: number;
  consistency: number;
}

function measure(lines: string[], layout: Layout): Candidate {
  const frequency = new Map<number, number>();
  for (const line of lines) {
    const count = splitLine(line, layout).length;
    frequency.set(count, (frequency.get(count) ?? 0) + 1);
  }
  let fieldCount = 0;
  let lineCount = 0;
  for (const [count, times] of frequency) {
    if (times > lineCount || (times === lineCount && count > fieldCount))
      [fieldCount, lineCount] = [count, times];
  }
  return { layout, fieldCount, consistency: lines.length === 0 ? 0 : lineCount / lines.length };
}

const qualifies = (candidate: Candidate) =>
  candidate.fieldCount >= 2 && candidate.consistency >= MIN_CONSISTENCY;

// Decimal commas ("11,77") in a space-aligned report split lines consistently too.
function commasLookDecimal(lines: string[]): boolean {
  let commas = 0;
  for (const line of lines) {
    for (const match of line.matchAll(/,/g)) {
      commas++;
      const at = match.index;
      if (!/[0-9]/.test(line[at - 1] ?? '') || !/[0-9]/.test(line[at + 1] ?? '')) return false;
    }
  }
  return commas > 0;
}

/**
 * Picks the layout under which the sample lines (header included) split into
 * the same number of fields (at least two) on nearly every line. Among such
 * delimiters the rarest in real values wins: a tab file full of "Meier, Hans"
 * splits consistently on commas too. Space-aligned reports come last, since
 * most delimited files also have spaces; falls back to comma-delimited.
 */
export function detectLayout(lines: string[]): Layout {
  const sample = lines.filter((line) => line.trim() !== '');
  const delimited = PRIORITY.map((delimiter) =>
    measure(sample, { kind: 'delimited', delimiter, quote: '"' }),
  );
  const whitespace = measure(sample, { kind: 'whitespace' });
  const best = delimited.find(qualifies);
  const commaOnly = best?.layout.kind === 'delimited' && best.layout.delimiter === ',';
  if (best && !(commaOnly && qualifies(whitespace) && commasLookDecimal(sample))) return best.layout;
  if (qualifies(whitespace)) return whitespace.layout;
  const multiField = delimited.filter((c) => c.fieldCount >= 2);
  multiField.sort((a, b) => b.consistency - a.consistency);
  return multiField[0]?.layout ?? { kind: 'delimited', delimiter: ',', quote: '"' };
}
