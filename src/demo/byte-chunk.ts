/**
 * A byte buffer that text is written into directly. Building millions of CSV lines as JavaScript strings
 * keeps the garbage collector busy; writing bytes was about twice as fast as chunked strings when measured.
 */

const ZERO = 48;
const MINUS = 45;
const DOT = 46;

export class ByteChunk {
  private buffer: Buffer;
  length = 0;

  constructor(private readonly capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  get free(): number {
    return this.capacity - this.length;
  }

  /** Hands out the filled bytes and starts over in a fresh buffer (the stream may still hold the old one). */
  take(): Buffer {
    const filled = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(this.capacity);
    this.length = 0;
    return filled;
  }

  /** Pre-encoded bytes. Fields are short, and for short copies a loop beats TypedArray.set's call overhead. */
  bytes(source: Uint8Array): void {
    const target = this.buffer;
    let position = this.length;
    for (let i = 0; i < source.length; i++) target[position++] = source[i];
    this.length = position;
  }

  /** Only for text known to be ASCII (document numbers, dates). */
  ascii(text: string): void {
    const target = this.buffer;
    let position = this.length;
    for (let i = 0; i < text.length; i++) target[position++] = text.charCodeAt(i);
    this.length = position;
  }

  byte(code: number): void {
    this.buffer[this.length++] = code;
  }

  integer(value: number): void {
    const target = this.buffer;
    let position = this.length;
    if (value < 0) {
      target[position++] = MINUS;
      value = -value;
    }
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    const end = position + digits;
    for (let at = end - 1; at >= position; at--) {
      const next = Math.floor(value / 10);
      target[at] = ZERO + value - next * 10;
      value = next;
    }
    this.length = end;
  }

  /** Integer cents as a decimal with exactly two places: -1234 → "-12.34". */
  cents(value: number): void {
    if (value < 0) {
      this.byte(MINUS);
      value = -value;
    }
    const euros = Math.floor(value / 100);
    const rest = value - euros * 100;
    this.integer(euros);
    const target = this.buffer;
    target[this.length] = DOT;
    target[this.length + 1] = ZERO + Math.floor(rest / 10);
    target[this.length + 2] = ZERO + (rest % 10);
    this.length += 3;
  }
}
