// A growable buffer that JSON text is written into as UTF-8 bytes, so that the search index
// builder makes no intermediate strings for the numbers and punctuation of a shard.

/** A shard of 1,000 entries of `npm run bench`'s generated content is about 1.3 MB, so most shards fit without growing the buffer. */
const INITIAL_CAPACITY = 1 << 21;

/**
 * UTF-8 JSON text built piece by piece. Only `string` encodes a value as a JSON string, and the
 * other methods copy their argument as it is, so the caller is responsible for valid JSON.
 */
export class JsonBytes {
  private buffer: Buffer;
  private length = 0;

  constructor(capacity: number = INITIAL_CAPACITY) {
    this.buffer = Buffer.allocUnsafe(Math.max(capacity, 16));
  }

  /** The number of bytes written so far. */
  get byteLength(): number {
    return this.length;
  }

  /** Appends one byte, such as `0x2c` for a comma. */
  byte(code: number): void {
    if (this.length === this.buffer.length) this.reserve(1);
    this.buffer[this.length++] = code;
  }

  /** Appends `text`, which must contain only ASCII characters (punctuation, keys, number texts). */
  ascii(text: string): void {
    this.reserve(text.length);
    const buffer = this.buffer;
    let at = this.length;
    for (let index = 0; index < text.length; index += 1) buffer[at++] = text.charCodeAt(index);
    this.length = at;
  }

  /** Appends a non-negative integer below 2^53 as JSON.stringify writes it: decimal digits. */
  integer(value: number): void {
    if (value > 0x7fffffff) {
      this.ascii(String(value));
      return;
    }
    this.reserve(10);
    // Below 2^31, `| 0` keeps the digit arithmetic in 32-bit integers.
    let digits = 1;
    for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits += 1;
    let at = this.length + digits;
    this.length = at;
    let rest = value;
    do {
      this.buffer[--at] = 0x30 + (rest % 10);
      rest = (rest / 10) | 0;
    } while (rest > 0);
  }

  /** Appends JSON text (such as JSON.stringify's output) as UTF-8. */
  json(text: string): void {
    this.reserve(text.length * 3);
    const buffer = this.buffer;
    let at = this.length;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code >= 0x80) {
        // Buffer.write encodes the rest, surrogate pairs included, in one native call.
        this.length = at + buffer.write(text.slice(index), at, 'utf8');
        return;
      }
      buffer[at++] = code;
    }
    this.length = at;
  }

  /** Appends `text` as a JSON string, with the quotes and escapes JSON.stringify gives it. */
  string(text: string): void {
    this.reserve(text.length + 2);
    const buffer = this.buffer;
    let at = this.length;
    buffer[at++] = 0x22;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      // Control characters, quotes, backslashes and non-ASCII take JSON.stringify's path.
      if (code < 0x20 || code >= 0x7f || code === 0x22 || code === 0x5c) {
        this.json(JSON.stringify(text));
        return;
      }
      buffer[at++] = code;
    }
    buffer[at++] = 0x22;
    this.length = at;
  }

  /** Returns the bytes written as a view of the internal buffer, so nothing may be written after this call. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** Returns the text written. */
  toString(): string {
    return this.buffer.toString('utf8', 0, this.length);
  }

  /** Grows the buffer, keeping what was written, so that `extra` more bytes fit. */
  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
