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
  parseEncoding,
  splitLine,
  UnknownEncodingError,
} from '../detect/index.js';
import type { PreparedSource, SourceOptions } from './source.js';

const HEAD_BYTES = 256 * 1024;
const SAMPLE_ROWS = 500;
/** Unit separator: never in sales data, so a whitespace-layout line reaches SQL whole. */
const WHOLE_LINE = '\u001f';

export async function prepareTextSource(file: string, options: SourceOptions): Promise<PreparedSource> {
  const head = readHead(file);
  if (head.length === 0) throw new KontorError('bad_data', `"${path.basename(file)}" is empty.`);
  const encoding = options.encoding ? chosenEncoding(options.encoding) : detectEncoding(head);
  const text = decodeHead(head, encoding);
  const lines = text.split(/\r\n|\n|\r/);
  // The last line of a truncated head may be cut in half.
  if (head.length === HEAD_BYTES) lines.pop();
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  if (nonEmpty.length === 0) throw new KontorError('bad_data', `"${path.basename(file)}" has no data.`);
  const layout = detectLayout(nonEmpty.slice(0, 200));
  const rows = nonEmpty.slice(0, SAMPLE_ROWS + 1).map((line) => splitLine(line, layout));
  // A file without a header row gets positional names, so --map customer_id="column 1" works.
  const header = hasHeaderRow(rows.slice(0, 50));
  const width = Math.max(...rows.slice(0, 50).map((row) => row.length));
  const headers = header
    ? rows[0]!.map((name) => name.trim())
    : Array.from({ length: width }, (_, i) => `column ${i + 1}`);
  const columns = headers.length;

  const needsTranscoding = !(encoding === 'utf8' || encoding === 'utf8bom');
  const readable = needsTranscoding ? await transcodeToUtf8(file, encoding, options.tmpDir) : file;
  const cleanup = () => {
    if (readable !== file) fs.rmSync(readable, { force: true });
  };
  const common = {
    encoding,
    headers,
    sample: header ? rows.slice(1) : rows,
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
      // Runs of spaces cannot be a DuckDB delimiter, so each line is read whole and split here.
      relation: `(SELECT ${parts}, len(f) AS __fields FROM (
          SELECT string_split_regex(trim(line), '\\s+') AS f
          FROM read_csv($path, delim = $delim, quote = '', escape = '', header = $header, auto_detect = false,
                        columns = {'line': 'VARCHAR'})))`,
      params: { path: readable, delim: WHOLE_LINE, header },
    };
  }
  const relation = (types: Map<number, string>, extra: string) => {
    const spec = Array.from({ length: columns }, (_, i) => `'c${i}': '${types.get(i) ?? 'VARCHAR'}'`).join(
      ', ',
    );
    return `read_csv($path, delim = $delim, quote = '"', escape = '"', header = $header, auto_detect = false,
                     columns = {${spec}}, store_rejects = true, rejects_table = 'import_rejects',
                     rejects_scan = 'import_scans'${extra})`;
  };
  const params = { path: readable, delim: layout.delimiter, header };
  return {
    ...common,
    format: 'delimited',
    delimiter: layout.delimiter,
    relation: relation(new Map(), ''),
    params,
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
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = fs.readSync(fd, buffer, 0, HEAD_BYTES, 0);
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
