import { describe, expect, it } from 'vitest';
import { detectLayout, headLines, type Layout, splitLine } from '../../src/import/detect/index.js';

const delimited = (delimiter: ',' | ';' | '\t' | '|'): Layout => ({
  kind: 'delimited',
  delimiter,
  quote: '"',
});
const WHITESPACE: Layout = { kind: 'whitespace' };

const SUPERSTORE = [
  '"Row ID","Order ID","Order Date","Ship Date","Ship Mode","Customer ID","Customer Name","Segment","Country","City","State","Postal Code","Region","Product ID","Category","Sub-Category","Product Name","Sales","Quantity","Discount","Profit"',
  '"1","CA-2016-152156","11/8/2016","11/11/2016","Second Class","CG-12520","Claire Gute","Consumer","United States","Henderson","Kentucky","42420","South","FUR-BO-10001798","Furniture","Bookcases","Bush Somerset Collection Bookcase","261.96","2","0","41.9136"',
  '"2","CA-2016-152156","11/8/2016","11/11/2016","Second Class","CG-12520","Claire Gute","Consumer","United States","Henderson","Kentucky","42420","South","FUR-CH-10000454","Furniture","Chairs","Hon Deluxe Fabric Upholstered Stacking Chairs, Rounded Back","731.94","3","0","219.582"',
];
const CDNOW = [
  ' customer_id  date number_of_cds  dollar_value',
  ' 00001 19970101  1   11.77',
  ' 00002 19970112  1   12.00',
  ' 00002 19970112  5   77.00',
  ' 00003 19970102  2   20.76',
];

describe('detectLayout', () => {
  it.each<[string, string[], Layout]>([
    ['comma CSV with quoted commas', SUPERSTORE, delimited(',')],
    [
      'semicolons with decimal commas',
      ['Kunde;Datum;Umsatz', 'Müller GmbH;01.02.2024;1.234,56', 'Meier, Hans;02.02.2024;99,5'],
      delimited(';'),
    ],
    [
      'semicolons where every value has a decimal comma',
      ['1,5;2,5;3,5', '4,5;5,5;6,5', '7,5;8,5;9,5'],
      delimited(';'),
    ],
    [
      'tabs with spaces inside values',
      ['kund\tdatum\tbelopp', 'Åström AB\t2024-01-02 10:00\t12.50'],
      delimited('\t'),
    ],
    ['pipes', ['id|name|amount', '1|Acme Corp|5', '2|Beta, Inc|6'], delimited('|')],
    [
      'tabs beside a comma in every value',
      ['name\tamount', 'Acme, Inc\t1,234.56', 'Meier, Hans\t5,00'],
      delimited('\t'),
    ],
    ['runs of spaces (CDNOW, leading spaces)', CDNOW, WHITESPACE],
    ['runs of spaces with decimal commas', ['00001 19970101 1 11,77', '00002 19970112 1 12,00'], WHITESPACE],
    ['a single column', ['amount', '5', '6'], delimited(',')],
  ])('%s', (_, lines, layout) => {
    expect(detectLayout(lines)).toEqual(layout);
  });

  it('tolerates an odd line among many', () => {
    const lines = [
      'a;b;c',
      ...Array.from({ length: 20 }, (_, i) => `${i};x;y`),
      'broken line; with; four; fields',
    ];
    expect(detectLayout(lines)).toEqual(delimited(';'));
  });
});

describe('splitLine', () => {
  it('handles quotes, doubled quotes and empty fields', () => {
    expect(splitLine('a,"b, c","say ""hi""",,"",x', delimited(','))).toEqual([
      'a',
      'b, c',
      'say "hi"',
      '',
      '',
      'x',
    ]);
    expect(splitLine('5" pipe;"quoted";', delimited(';'))).toEqual(['5" pipe', 'quoted', '']);
    expect(splitLine('a\tb\t', delimited('\t'))).toEqual(['a', 'b', '']);
    expect(splitLine('a,b\r', delimited(','))).toEqual(['a', 'b']);
  });

  it('splits space-aligned lines on runs of blanks, ignoring leading ones', () => {
    expect(splitLine(' 00001 19970101  1   11.77\r', WHITESPACE)).toEqual([
      '00001',
      '19970101',
      '1',
      '11.77',
    ]);
    expect(splitLine('   ', WHITESPACE)).toEqual([]);
  });

  it('reads the Superstore header', () => {
    const headers = splitLine(SUPERSTORE[0], delimited(','));
    expect(headers).toHaveLength(21);
    expect(headers[0]).toBe('Row ID');
    expect(splitLine(SUPERSTORE[2], delimited(','))[16]).toBe(
      'Hon Deluxe Fabric Upholstered Stacking Chairs, Rounded Back',
    );
  });
});

describe('headLines', () => {
  it('drops blank lines and, when the head was truncated, the cut last line', () => {
    expect(headLines('a,b\r\n1,2\r\n\r\n3,4\r\n5,', true)).toEqual(['a,b', '1,2', '3,4']);
    expect(headLines('a,b\n1,2', false)).toEqual(['a,b', '1,2']);
  });
});
