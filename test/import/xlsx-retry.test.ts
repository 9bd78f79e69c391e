import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discardWrite } from '../../src/files.js';
import { readingAgainIfWorkbookLost } from '../../src/import/source/xlsx-source.js';
import { tempDir } from '../helpers/backends.js';

/** The TypeError ExcelJS's streaming reader throws when it lost xl/workbook.xml (exceljs#3064). */
const lostWorkbook = () => new TypeError("Cannot read properties of undefined (reading 'sheets')");

describe('readingAgainIfWorkbookLost', () => {
  it('reads again when the workbook entry was lost and nothing was handed on yet', async () => {
    let reads = 0;
    const result = await readingAgainIfWorkbookLost(
      async () => {
        reads += 1;
        if (reads < 3) throw lostWorkbook();
        return 'scan';
      },
      () => true,
    );
    expect(result).toBe('scan');
    expect(reads).toBe(3);
  });

  it('gives up after its attempts, and never reads again after rows were handed on or on other errors', async () => {
    let reads = 0;
    const failing = async () => {
      reads += 1;
      throw lostWorkbook();
    };
    await expect(readingAgainIfWorkbookLost(failing, () => true, 4)).rejects.toThrow(TypeError);
    expect(reads).toBe(4);
    reads = 0;
    await expect(readingAgainIfWorkbookLost(failing, () => false)).rejects.toThrow(TypeError);
    expect(reads).toBe(1);
    reads = 0;
    const broken = async () => {
      reads += 1;
      throw new TypeError("Cannot read properties of undefined (reading 'rows')");
    };
    await expect(readingAgainIfWorkbookLost(broken, () => true)).rejects.toThrow('rows');
    expect(reads).toBe(1);
  });
});

describe('discardWrite', () => {
  it('leaves no file behind, also when the stream had not opened its file yet', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'partial.csv');
    const stream = fs.createWriteStream(file, { flags: 'wx' });
    await discardWrite(stream, file);
    // A second chance for a late open to show up.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.existsSync(file)).toBe(false);
    const written = fs.createWriteStream(file);
    written.write('K1,2024-01-01,1.00\n');
    if (written.pending) await new Promise<void>((resolve) => written.once('ready', () => resolve()));
    await discardWrite(written, file);
    expect(fs.existsSync(file)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
