import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { KontorError } from '../../errors.js';
import {
  decodeHead,
  detectEncoding,
  detectLayout,
  type Encoding,
  hasHeaderRow,
  type Layout,
  parseEncoding,
  splitLine,
  UnknownEncodingError,
} from '../detect/index.js';
import type { PreparedSource, SourceOptions, SourceSample } from './source.js';

/** How much of a text file is sniffed; the web preview sends exactly this much of a larger file. */
export const TEXT_HEAD_BYTES = 256 * 1024;
const SAMPLE_ROWS = 500;
/** Unit separator: never in sales data, so a whitespace-layout line reaches SQL whole. */
const WHOLE_LINE = '\u001f';

/** What the head of a text file says about it: pure, so the import and its preview read it alike. */
export interface TextHead {
  encoding: Encoding;
  layout: Layout;
  header: boolean;
  headers: string[];
  /** The first rows after the header, split into cells. */
  sample: string[][];
  /** The line number in the file of each sample row (blank lines count, as in an editor). */
  sampleLines: number[];
}

/** `truncated`: the head was cut from a larger file, so its last line may be cut in half. */
export function readTextHead(
  head: Uint8Array,
  options: { encoding?: string | undefined; truncated: boolean; name: string },
): TextHead {
  if (head.length === 0) throw new KontorError('bad_data', `"${options.name}" is empty.`);
  const encoding = options.encoding ? chosenEncoding(options.encoding) : detectEncoding(head);
  const text = decodeHead(head, encoding);
  const lines = text.split(/\r\n|\n|\r/);
  if (options.truncated) lines.pop();
  const numbered = lines.flatMap((line, i) => (line.trim() === '' ? [] : [{ line, number: i + 1 }]));
  const nonEmpty = numbered.map(({ line }) => line);
  if (nonEmpty.length === 0) throw new KontorError('bad_data', `"${options.name}" has no data.`);
  const layout = detectLayout(nonEmpty.slice(0, 200));
  const rows = nonEmpty.slice(0, SAMPLE_ROWS + 1).map((line) => splitLine(line, layout));
  // A file without a header row gets positional names, so --map customer_id="column 1" works.
  const header = hasHeaderRow(rows.slice(0, 50));
  const width = Math.max(...rows.slice(0, 50).map((row) => row.length));
  const headers = header
    ? rows[0]!.map((name) => name.trim())
    : Array.from({ length: width }, (_, i) => `column ${i + 1}`);
  const first = header ? 1 : 0;
  const sampleLines = numbered.slice(first, rows.length).map(({ number }) => number);
  return { encoding, layout, header, headers, sample: rows.slice(first), sampleLines };
}

function sniffFile(file: string, options: { encoding?: string | undefined }): TextHead {
  const head = readHead(file);
  const name = path.basename(file);
  return readTextHead(head, { encoding: options.encoding, truncated: head.length === TEXT_HEAD_BYTES, name });
}

/** The file's shape and first rows only (for a preview): nothing is transcoded or written. */
export function sampleTextSource(file: string, options: { encoding?: string | undefined }): SourceSample {
  const { encoding, layout, headers, sample, sampleLines } = sniffFile(file, options);
  const delimiter = layout.kind === 'delimited' ? layout.delimiter : null;
  const format = layout.kind === 'delimited' ? 'delimited' : 'whitespace';
  return { format, encoding, delimiter, headers, sample, sampleLines };
}

export async function prepareTextSource(file: string, options: SourceOptions): Promise<PreparedSource> {
  const sniffed = sniffFile(file, options);
  const { encoding, layout, header, headers } = sniffed;
  const columns = headers.length;

  const needsTranscoding = !(encoding === 'utf8' || encoding === 'utf8bom');
  const readable = needsTranscoding ? await transcodeToUtf8(file, encoding, options.tmpDir) : file;
  const cleanup = () => {
    if (readable !== file) fs.rmSync(readable, { force: true });
  };
  const common = {
    encoding,
    headers,
    sample: sniffed.sample,
    sampleLines: sniffed.sampleLines,
    firstDataLine: header ? 2 : 1,
    hasLineColumn: false,
    structuralRejects: true,
    cleanup,
  };
  if (layout.kind === 'whitespace') {
    const parts = headers.map((_, i) => `f[${i + 1}] AS c${i}`).join(', ');
    return {
      ...common,
      format: 'whitespace',
      delimiter: null,
      // A line with a wrong number of fields is found by the __fields check instead.
      structuralRejects: false,
      // Runs of spaces cannot be a DuckDB delimiter, so each line is read whole and split here. A blank
      // line is no row, as the delimited reader skips it (staging.ts finds each row's line again).
      relation: `(SELECT ${parts}, len(f) AS __fields FROM (
          SELECT string_split_regex(trim(line), '\\s+') AS f
          FROM read_csv($path, delim = $delim, quote = '', escape = '', header = $header, auto_detect = false,
                        columns = {'line': 'VARCHAR'})
          WHERE trim(coalesce(line, '')) <> ''))`,
      params: { path: readable, delim: WHOLE_LINE, header },
    };
  }
  const relation = (types: Map<number, string>, extra: string) => {
    const spec = Array.from({ length: columns }, (_, i) => `'c${i}': '${types.get(i) ?? 'VARCHAR'}'`).join(
      ', ',
    );
    return `read_csv($path, delim = $delim, quote = '"', escape = '"', header = $header, auto_detect = false,
                     columns = {${spec}}${extra})`;
  };
  const params = { path: readable, delim: layout.delimiter, header };
  return {
    ...common,
    format: 'delimited',
    delimiter: layout.delimiter,
    relation: relation(
      new Map(),
      ", store_rejects = true, rejects_table = 'import_rejects', rejects_scan = 'import_scans'",
    ),
    params,
    // Without store_rejects the reader stops at the first value it refuses, which is all the direct path
    // needs to know (it then hands the file to the general path), and it does not track every line.
    typedRelation: (types, formats) => ({
      relation: relation(
        types,
        `, dateformat = $dateformat, decimal_separator = $decimal${formats.thousands ? ', thousands = $thousands' : ''}`,
      ),
      params: {
        ...params,
        dateformat: formats.dateformat,
        decimal: formats.decimalSeparator,
        ...(formats.thousands ? { thousands: formats.thousands } : {}),
      },
    }),
  };
}

function chosenEncoding(name: string): Encoding {
  try {
    return parseEncoding(name);
  } catch (error) {
    if (error instanceof UnknownEncodingError) {
      throw new KontorError(
        'usage',
        `Kontor does not know the encoding "${name}". Try utf8, utf16le, windows1252 or latin1.`,
      );
    }
    throw error;
  }
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(TEXT_HEAD_BYTES);
    const read = fs.readSync(fd, buffer, 0, TEXT_HEAD_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** DuckDB reads UTF-8 only (plus Latin-1, which is not Windows-1252), so other encodings are converted once. */
async function transcodeToUtf8(file: string, encoding: Encoding, tmpDir: string): Promise<string> {
  fs.mkdirSync(tmpDir, { recursive: true });
  const target = path.join(tmpDir, `import-${process.pid}-${Date.now()}.utf8.csv`);
  await pipeline(
    fs.createReadStream(file),
    iconv.decodeStream(iconvName(encoding)),
    iconv.encodeStream('utf8'),
    fs.createWriteStream(target),
  );
  return target;
}

function iconvName(encoding: Encoding): string {
  return encoding.replace('bom', '');
}
