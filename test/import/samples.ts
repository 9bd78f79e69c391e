import type { DateFormat, NumberStyle } from '../../src/import/detect/index.js';

// Deterministic sample strings for the JS/SQL agreement tests: well-formed
// values in many spellings, hand-picked edge cases, and random mutations of
// both, so that rejections are compared as well as successes.

/** Small seeded PRNG (mulberry32), so a failure reproduces. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: ArrayLike<T>): T => items[Math.floor(rng() * items.length)];
const digits = (rng: Rng, count: number) =>
  Array.from({ length: count }, () => pick(rng, '0123456789')).join('');
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

const NOISE = "0123456789.,-+() \t€$£EURzłkr'’\u00A0\u202FeE_xaT:/AMP";

function mutate(rng: Rng, text: string): string {
  const at = int(rng, 0, text.length);
  const char = pick(rng, NOISE);
  switch (int(rng, 0, 2)) {
    case 0:
      return text.slice(0, at) + char + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    default:
      return text.slice(0, at) + char + text.slice(at + 1);
  }
}

function group(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+$)/g, separator);
}

const NUMBER_EDGES = [
  '',
  ' ',
  '-',
  '+',
  '.',
  ',',
  '5.',
  '.5',
  ',5',
  '-.5',
  '-,5',
  '5,',
  '1e5',
  '1E-3',
  '1_000',
  '0x10',
  '--5',
  '(5',
  '5)',
  '(-5)',
  '+-5',
  '-5-',
  '(5)-',
  '1.2.3',
  '1,2,3',
  '99999999999999.99995',
  '99999999999999,99995',
  '99999999999999.9999',
  '100000000000000',
  '000000000000000000001',
  '0,123',
  '0.123',
  'EUR',
  '€',
  'abc',
  '12 34',
  '1 234',
  '1 234,56',
  '1 234.56',
  '1\u00A0234,56',
  '1\u202F234.56',
  "1'234.56",
  '1’234,56',
  'NaN',
  'Infinity',
  ' 12 ',
  '\t12\t',
  '1.234',
  '1,234',
  '1.234,56',
  '1,234.56',
  '12,50-',
  '12.50-',
  '(12.50)',
  '(12,50)',
  '€ 1.234,56',
  '1.234,56 EUR',
  '$1,234.56',
  '-$5',
  '$-5',
  '€ -5',
  '5 zł',
  '5 kr',
  'eur 5',
  '5 EURO',
  '1.23455',
  '-1.23455',
  '1,23455',
  '0.00005',
  '-0.00001',
  '-0',
  '+0,0',
  '12 EUR-',
  '12- EUR',
  '(€ 12)',
  '( 12 )',
  '0000',
];

export function numberSamples(style: NumberStyle, count: number): string[] {
  const rng = random(style.decimal === '.' ? 1 : 2);
  const thousands =
    style.decimal === '.' ? [',', ' ', '\u00A0', '\u202F', "'"] : ['.', ' ', '\u00A0', '\u202F', "'"];
  const wellFormed = () => {
    const integer = digits(rng, int(rng, 1, 16)).replace(/^0+(?=\d)/, rng() < 0.8 ? '' : '0');
    const body = rng() < 0.5 ? group(integer, pick(rng, thousands)) : integer;
    const fraction = rng() < 0.7 ? `${style.decimal}${digits(rng, int(rng, 0, 6))}` : '';
    let text = body + fraction;
    const currency = pick(rng, ['', '', '', '€', '$', 'EUR', 'SEK', 'zł', 'kr']);
    if (currency) text = rng() < 0.5 ? `${currency}${pick(rng, ['', ' '])}${text}` : `${text} ${currency}`;
    const sign = pick(rng, ['', '', '-', '+', 'trailing', 'parens']);
    if (sign === 'trailing') text = `${text}-`;
    else if (sign === 'parens') text = `(${text})`;
    else text = sign + text;
    return rng() < 0.1 ? ` ${text} ` : text;
  };
  return unique(count, NUMBER_EDGES, () => (rng() < 0.6 ? wellFormed() : mutate(rng, wellFormed())));
}

const TIMES = [
  '',
  '',
  '',
  ' 10:15',
  'T10:15:30',
  ' 3:45:00 PM',
  'T10:15:00+01:00',
  ' 10:15:30.123',
  'T23:59Z',
];

function calendarText(rng: Rng, format: Exclude<DateFormat, 'excel'>): string {
  const year = pick(rng, ['0000', '0999', '1000', '1900', '2024', '2023', '2000', '2100', '9999', '24']);
  const part = (max: number) => {
    const value = int(rng, 0, max);
    return rng() < 0.7 ? String(value).padStart(2, '0') : String(value);
  };
  const [month, day] = [part(13), part(32)];
  const layouts: Record<typeof format, string> = {
    iso: `${year}-${month}-${day}`,
    'dmy.': `${day}.${month}.${year}`,
    'dmy/': `${day}/${month}/${year}`,
    'mdy/': `${month}/${day}/${year}`,
    'dmy-': `${day}-${month}-${year}`,
    'ymd/': `${year}/${month}/${day}`,
    yyyymmdd: `${year}${month.padStart(2, '0')}${day.padStart(2, '0')}`,
  };
  return layouts[format] + pick(rng, TIMES);
}

const DATE_EDGES = [
  '',
  ' ',
  '2024-02-29',
  '2023-02-29',
  '1900-02-29',
  '2000-02-29',
  '31.02.2024',
  '29.02.2024',
  '00.01.2024',
  '01.00.2024',
  '2024-01-05x',
  ' 2024-01-05',
  '2024-01-05 ',
  '1.2.2024',
  '01.02.24',
  '+1.02.2024',
  '20240230',
  '20241301',
  '2024013',
  '0',
  '1',
  '59',
  '60',
  '61',
  '45292',
  '45292.5',
  '45292,75',
  '2958465',
  '2958466',
  '9999999',
  '12/31/2024',
  '31/12/2024',
  '2024/12/31',
  '31-12-2024',
  '2024-12-31T00:00:00',
  '2024-12-31 24:99',
];

function excelText(rng: Rng): string {
  const serial = pick(rng, [int(rng, 0, 100), int(rng, 30_000, 60_000), int(rng, 2_958_000, 3_100_000), 60]);
  const fraction = rng() < 0.3 ? `${pick(rng, ['.', ','])}${digits(rng, int(rng, 1, 4))}` : '';
  return `${serial}${fraction}`;
}

export function dateSamples(format: DateFormat, count: number): string[] {
  const rng = random(100 + format.length * 7 + format.charCodeAt(3));
  const wellFormed = () => (format === 'excel' ? excelText(rng) : calendarText(rng, format));
  return unique(count, DATE_EDGES, () => (rng() < 0.65 ? wellFormed() : mutate(rng, wellFormed())));
}

function unique(count: number, edges: string[], next: () => string): string[] {
  const values = new Set(edges);
  for (let attempts = 0; values.size < count && attempts < count * 20; attempts++) values.add(next());
  return [...values];
}
