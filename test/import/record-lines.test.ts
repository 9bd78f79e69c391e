import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { recordStartLines } from '../../src/import/record-lines.js';

const startsOf = async (text: string, options = { quoted: true, spacesAreBlank: false }) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-lines-')), 'f.csv');
  fs.writeFileSync(file, text);
  return [...(await recordStartLines(file, options)).physical];
};

it('gives the line each record starts on, skipping blank lines and following quoted line breaks', async () => {
  expect(await startsOf('a\nb\n\nc')).toEqual([1, 2, 4]);
  expect(await startsOf('a\r\n\r\n"b\r\nstill b",x\r\nc\r\n')).toEqual([1, 3, 5]);
  // A doubled quote inside a quoted value leaves it open.
  expect(await startsOf('"say ""hi""\nthere",1\nnext\n')).toEqual([1, 3]);
  expect(await startsOf('\n\nfirst\n')).toEqual([3]);
  expect(await startsOf('')).toEqual([]);
});

it('takes lines of spaces for blank where asked (space-aligned reports) and ignores quotes there', async () => {
  const text = 'a\n   \n\t\n"b\nc\n';
  expect(await startsOf(text, { quoted: false, spacesAreBlank: true })).toEqual([1, 4, 5]);
  expect(await startsOf(text, { quoted: true, spacesAreBlank: false })).toEqual([1, 2, 3, 4]);
});

it('numbers lines as DuckDB does too, without the breaks inside quoted values', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-lines-')), 'f.csv');
  fs.writeFileSync(file, 'h\n"a\nb\nc",1\n\nd\n');
  const lines = await recordStartLines(file, { quoted: true, spacesAreBlank: false });
  expect([...lines.physical]).toEqual([1, 2, 6]);
  expect([...lines.logical]).toEqual([1, 2, 4]);
});

it('reads files larger than one chunk, with records across chunk borders', async () => {
  const rows = Array.from({ length: 300_000 }, (_, i) => (i % 1000 === 999 ? '' : `K${i},"x${i}"`));
  const starts = await startsOf(`${rows.join('\n')}\n`);
  expect(starts).toHaveLength(300_000 - 300);
  expect(starts[999]).toBe(1001);
  expect(starts.at(-1)).toBe(299_999);
});
