import fs from 'node:fs';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;

export interface RecordLines {
  /** The line in the file (1-based, as an editor counts) on which each record starts, in file order. */
  physical: Int32Array;
  /** The same line as DuckDB's reader numbers it in its rejects: line breaks inside quotes not counted. */
  logical: Int32Array;
}

/**
 * Where each non-blank record of a text file starts.
 * A bad row must be reported on the line where the user finds it, and DuckDB's row order alone does not
 * say that: blank lines are skipped and a quoted value may span lines. So the file is read once more
 * here, only when some row is bad. `quoted`: a double quote opens and closes a quoted value (a doubled
 * quote inside toggles twice, which leaves the state as it was). `spacesAreBlank`: a line of spaces is
 * blank too (whitespace-aligned layout; a delimited reader takes it for a short record).
 */
export async function recordStartLines(
  file: string,
  options: { quoted: boolean; spacesAreBlank: boolean },
): Promise<RecordLines> {
  let physical = new Int32Array(1 << 16);
  let logical = new Int32Array(1 << 16);
  let count = 0;
  let line = 1;
  let recordLine = 1;
  let logicalLine = 1;
  let recordLogicalLine = 1;
  let recordBytes = 0;
  let inQuotes = false;
  const grow = (array: Int32Array) => {
    const grown = new Int32Array(array.length * 2);
    grown.set(array);
    return grown;
  };
  const push = () => {
    if (count === physical.length) {
      physical = grow(physical);
      logical = grow(logical);
    }
    physical[count] = recordLine;
    logical[count++] = recordLogicalLine;
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte === NEWLINE) {
        line += 1;
        if (inQuotes) continue;
        logicalLine += 1;
        if (recordBytes > 0) push();
        recordLine = line;
        recordLogicalLine = logicalLine;
        recordBytes = 0;
      } else if (byte !== CARRIAGE_RETURN) {
        if (options.quoted && byte === QUOTE) inQuotes = !inQuotes;
        if (!(options.spacesAreBlank && (byte === SPACE || byte === TAB))) recordBytes += 1;
      }
    }
  }
  if (recordBytes > 0) push();
  return { physical: physical.subarray(0, count), logical: logical.subarray(0, count) };
}
