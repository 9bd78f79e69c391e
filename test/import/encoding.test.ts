import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  bomLength,
  decodeHead,
  detectEncoding,
  type Encoding,
  parseEncoding,
  UnknownEncodingError,
} from '../../src/import/detect/index.js';

const GERMAN = 'Kunde;Straße;Umsatz\nMüller GmbH;Königsallee 1;1.234,56\nÖztürk AG;Äußere Str. 2;99,00\n';
const SWEDISH = 'kund,ort,belopp\nÅström AB,Västerås,12.50\nÖberg & Söner,Malmö,3.00\n';
const POLISH =
  'klient;miasto;kwota\nSpółka Łódź;Wrocław;12,50\nMałgorzata Żak;Białystok;3,00\nŁukasz;Gdańsk;1\n';
const MIXED = `${GERMAN}${SWEDISH}Zürich 5 m³ £12\n`;

const encode = (text: string, encoding: string, addBOM = false) =>
  new Uint8Array(iconv.encode(text, encoding, { addBOM }));

describe('detectEncoding and decodeHead', () => {
  it.each<[string, Uint8Array, Encoding, string]>([
    ['UTF-8', encode(MIXED, 'utf8'), 'utf8', MIXED],
    ['UTF-8 with BOM', encode(MIXED, 'utf8', true), 'utf8bom', MIXED],
    ['plain ASCII', encode('id,amount\n1,2\n', 'utf8'), 'utf8', 'id,amount\n1,2\n'],
    ['UTF-16 LE with BOM (Excel "Unicode text")', encode(POLISH, 'utf16le', true), 'utf16le', POLISH],
    ['UTF-16 BE with BOM', encode(POLISH, 'utf16be', true), 'utf16be', POLISH],
    ['UTF-16 LE without BOM', encode(GERMAN, 'utf16le'), 'utf16le', GERMAN],
    ['UTF-16 BE without BOM', encode(GERMAN, 'utf16be'), 'utf16be', GERMAN],
    ['Windows-1252 German', encode(GERMAN, 'windows1252'), 'windows1252', GERMAN],
    ['Windows-1252 Swedish', encode(SWEDISH, 'windows1252'), 'windows1252', SWEDISH],
    ['Windows-1252 with m³ and £', encode(MIXED, 'windows1252'), 'windows1252', MIXED],
    ['Windows-1250 Polish', encode(POLISH, 'windows1250'), 'windows1250', POLISH],
  ])('%s', (_, head, encoding, text) => {
    expect(detectEncoding(head)).toBe(encoding);
    expect(decodeHead(head, encoding)).toBe(text);
  });

  it('detects Polish in Windows-1250 from a single name', () => {
    expect(detectEncoding(encode('id;name\n1;Michał\n', 'windows1250'))).toBe('windows1250');
  });

  it('keeps umlauts when overridden to ISO-8859-1', () => {
    expect(decodeHead(encode(GERMAN, 'latin1'), 'latin1')).toBe(GERMAN);
  });

  it('shows why ł needs Windows-1250: Windows-1252 has no ł', () => {
    const head = encode('Łódź', 'windows1250');
    expect(decodeHead(head, 'windows1252')).not.toBe('Łódź');
    expect(decodeHead(head, 'windows1250')).toBe('Łódź');
  });

  it('drops a character cut in half at the end of the sample', () => {
    const head = encode('Grüß', 'utf8'); // G r ü(2 bytes) ß(2 bytes)
    expect(detectEncoding(head.subarray(0, 5))).toBe('utf8');
    expect(decodeHead(head.subarray(0, 5), 'utf8')).toBe('Grü');
    expect(decodeHead(head, 'utf8')).toBe('Grüß');
    const utf16 = encode('abc', 'utf16le');
    expect(decodeHead(utf16.subarray(0, 5), 'utf16le')).toBe('ab');
  });

  it('measures byte order marks', () => {
    expect(bomLength(encode('a', 'utf8', true))).toBe(3);
    expect(bomLength(encode('a', 'utf16le', true))).toBe(2);
    expect(bomLength(encode('a', 'utf8'))).toBe(0);
  });
});

describe('parseEncoding', () => {
  it.each<[string, Encoding]>([
    ['utf8', 'utf8'],
    ['UTF-8', 'utf8'],
    ['utf16le', 'utf16le'],
    ['unicode', 'utf16le'],
    ['windows1252', 'windows1252'],
    ['Windows-1252', 'windows1252'],
    ['cp1250', 'windows1250'],
    ['latin1', 'latin1'],
    ['ISO-8859-1', 'latin1'],
    ['iso-8859-2', 'latin2'],
  ])('%s → %s', (name, encoding) => {
    expect(parseEncoding(name)).toBe(encoding);
  });

  it('rejects unknown names with a typed error', () => {
    expect(() => parseEncoding('ebcdic')).toThrow(UnknownEncodingError);
  });
});
