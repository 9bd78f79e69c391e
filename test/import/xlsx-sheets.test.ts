import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { sampleXlsxSource } from '../../src/import/source/xlsx-source.js';
import { writeXlsx } from '../cli/format-fixtures.js';
import { tempDir } from '../helpers/backends.js';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// ExcelJS keeps a sheet stored before the shared strings in a temporary file and opens a stream on it
// before handing the sheet over; a sheet passed over unread left that stream to fail with ENOENT after
// the file was deleted, an uncaught error that ends a server (4 in 120 previews before the fix).
it('passes over the other sheets of a workbook without leaving a stream to fail later', async () => {
  const file = path.join(dir, 'Umsatz.xlsx');
  await writeXlsx(file, { language: 'de', dates: 'cells', amounts: 'numbers', sheet: 'Daten' });
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', record);
  try {
    for (let i = 0; i < 60; i++) {
      expect((await sampleXlsxSource(file, { sheet: 'Daten' })).sheets).toEqual(['Hinweise', 'Daten']);
      await expect(sampleXlsxSource(file, { sheet: 'Nope' })).rejects.toThrow(/no sheet "Nope"/);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    process.off('uncaughtException', record);
  }
  expect(uncaught).toEqual([]);
});
