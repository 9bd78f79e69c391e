/**
 * Writes the demo sales history as a CSV export, the way an ERP would hand it over. Built for volume (the
 * import benchmark writes up to ten million lines): lines are written as bytes into large chunks, columns
 * that repeat (customer, product, date) are escaped and encoded once, and money stays in integer cents.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { ByteChunk } from './byte-chunk.js';
import type { Product } from './catalogue.js';
import type { DemoCustomer } from './company.js';
import { generateRawSalesLines, type SalesOptions } from './sales-history.js';

export const SALES_CSV_HEADER =
  'Invoice No,Line,Invoice Date,Customer No,Customer Name,Product,Quantity,Unit Price,Amount,Cost,Currency,' +
  'Segment,Region,Account Manager';

const CHUNK_BYTES = 8 * 1024 * 1024;
/** Far more than the longest possible line; a chunk is sent off before it could overflow. */
const LINE_MARGIN_BYTES = 16 * 1024;
// Room for a few chunks, so the next one is built while the previous one is still being written.
const STREAM_BUFFER_BYTES = 4 * CHUNK_BYTES;
const COMMA = 44;

export interface WrittenCsv {
  lines: number;
  bytes: number;
}

export type CsvProgress = (linesWritten: number, total: number) => void;

/** RFC 4180 quoting: only fields with a comma, quote or line break are quoted, inner quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export async function writeSalesCsv(
  path: string,
  options: SalesOptions,
  onProgress?: CsvProgress,
): Promise<WrittenCsv> {
  const lines = generateRawSalesLines(options); // validates before the file is created
  const stream = createWriteStream(path, { highWaterMark: STREAM_BUFFER_BYTES });
  // Without a listener an I/O error (full disk, missing folder) would crash the process instead of rejecting.
  let failure: unknown;
  stream.on('error', (error) => {
    failure ??= error;
  });
  const flush = async (bytes: Buffer): Promise<void> => {
    if (failure !== undefined) throw failure;
    if (!stream.write(bytes)) await once(stream, 'drain');
  };

  const products = new Map<Product, Buffer>();
  const customers = new Map<DemoCustomer, CustomerColumns>();
  let customer: DemoCustomer | undefined;
  let columns: CustomerColumns = { middle: Buffer.alloc(0), tail: Buffer.alloc(0) };
  let date = '';
  let dateBytes = Buffer.alloc(0);
  const chunk = new ByteChunk(CHUNK_BYTES);
  chunk.bytes(Buffer.from(`${SALES_CSV_HEADER}\n`));
  let written = 0;
  try {
    for (const line of lines) {
      if (line.customer !== customer) {
        customer = line.customer;
        columns = customers.get(customer) ?? encodeCustomer(customer, customers);
      }
      if (line.date !== date) {
        date = line.date;
        dateBytes = Buffer.from(`,${date}`);
      }
      chunk.ascii(line.document);
      chunk.byte(COMMA);
      chunk.integer(line.line);
      chunk.bytes(dateBytes);
      chunk.bytes(columns.middle);
      chunk.bytes(products.get(line.product) ?? encodeProduct(line.product, products));
      chunk.byte(COMMA);
      chunk.integer(line.quantity);
      chunk.byte(COMMA);
      chunk.cents(line.unitPriceCents);
      chunk.byte(COMMA);
      chunk.cents(line.amountCents);
      chunk.byte(COMMA);
      chunk.cents(line.costCents);
      chunk.bytes(columns.tail);
      written++;
      if (chunk.free < LINE_MARGIN_BYTES) {
        await flush(chunk.take());
        onProgress?.(written, options.lines);
      }
    }
    if (chunk.length > 0) await flush(chunk.take());
    onProgress?.(written, options.lines);
    stream.end();
    await finished(stream);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return { lines: written, bytes: stream.bytesWritten };
}

interface CustomerColumns {
  /** From the comma after the date up to the comma before the product. */
  middle: Buffer;
  /** From the comma after the cost to the end of the line. */
  tail: Buffer;
}

function encodeCustomer(customer: DemoCustomer, cache: Map<DemoCustomer, CustomerColumns>): CustomerColumns {
  const columns = {
    middle: Buffer.from(`,${csvField(customer.id)},${csvField(customer.name)},`),
    tail: Buffer.from(
      `,EUR,${csvField(customer.segment)},${csvField(customer.region)},${csvField(customer.owner)}\n`,
    ),
  };
  // The chunk only checks for free space between lines; a line must never outgrow that margin.
  if (columns.middle.length + columns.tail.length > LINE_MARGIN_BYTES / 2) {
    throw new Error(`Customer ${customer.id} has fields too long for a CSV line`);
  }
  cache.set(customer, columns);
  return columns;
}

function encodeProduct(product: Product, cache: Map<Product, Buffer>): Buffer {
  const field = Buffer.from(csvField(product.label));
  cache.set(product, field);
  return field;
}
