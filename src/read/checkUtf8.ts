// Checks that the bytes of a content file are valid UTF-8 and reports the position of the first
// invalid byte, which the decoder would otherwise replace with U+FFFD unreported.
import { isUtf8 } from 'node:buffer';
import type { Problem } from '../problems/problem.ts';
import { countLineFeeds } from '../text/countLineFeeds.ts';

/** The number of characters before the invalid byte that the report shows, to help find the byte in its line. */
const CONTEXT_LENGTH = 40;

/**
 * Returns an error problem, with the line and column of the first invalid byte, when `bytes` (the
 * whole file) are not valid UTF-8. Returns undefined for valid UTF-8, a byte order mark included.
 * A valid file costs one call of Node's native validator, buffer.isUtf8.
 */
export function checkUtf8(bytes: Uint8Array, file: string): Problem | undefined {
  if (isUtf8(bytes)) return undefined;

  const offset = findInvalidUtf8(bytes) ?? 0;
  const byte = bytes[offset] ?? 0;
  // lastIndexOf counts a negative start from the end, so offset 0 is handled apart.
  const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const line = countLineFeeds(bytes, lineStart) + 1;

  // The bytes before the invalid one on its line are valid, so they decode without loss. The
  // column counts UTF-16 code units from 1, as the YAML positions of other problems do, and
  // leaves out a byte order mark, which parseFrontmatter removes before positions are counted.
  let before = Buffer.from(bytes.buffer, bytes.byteOffset + lineStart, offset - lineStart).toString('utf8');
  if (line === 1 && before.charCodeAt(0) === 0xfeff) before = before.slice(1);
  const column = before.length + 1;
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

  const base = { stage: 'read' as const, severity: 'error' as const, code: 'invalid-utf8', file, line, column, field: '' };
  if (offset === 0 && ((byte === 0xff && bytes[1] === 0xfe) || (byte === 0xfe && bytes[1] === 0xff))) {
    return {
      ...base,
      message: 'the file is saved as UTF-16 (it starts with a UTF-16 byte order mark), but content files must be UTF-8',
      fix: 'save the file as UTF-8 in your editor',
    };
  }

  const cutShort = cutShortSequence(bytes, offset);
  if (cutShort !== undefined) {
    return {
      ...base,
      message: `the file is not valid UTF-8: the character that starts with the byte ${hex} is cut short after ${cutShort.present} of its ${cutShort.length} bytes, so it would show as "\uFFFD"`,
      received: `${lineEnd(before)}\\x${hex.slice(2)}`,
      fix: 'retype the character at this place, because the end of its bytes is missing, as when text is cut at a byte count',
    };
  }

  // Bytes 0xA0 to 0xFF are the same letters in Latin-1 and Windows-1252, two common single-byte
  // encodings, so naming the letter helps to find the cause.
  const latin1 = byte >= 0xa0 ? ` (if it was saved as Latin-1 or Windows-1252, ${hex} is "${String.fromCharCode(byte)}")` : '';
  return {
    ...base,
    message: `the file is not valid UTF-8: the byte ${hex} is not part of a valid UTF-8 character, so it would show as "\uFFFD"`,
    received: `${lineEnd(before)}\\x${hex.slice(2)}`,
    fix: `save the file as UTF-8 in your editor${latin1}`,
  };
}

/**
 * Returns the offset of the first byte of `bytes` that does not begin a well-formed UTF-8
 * sequence, or of the lead byte of a sequence that is cut short. Returns undefined when every
 * sequence is well formed. Overlong forms, surrogates and code points above U+10FFFF are not well
 * formed, so this accepts what buffer.isUtf8 accepts. A test compares the two on random bytes.
 */
export function findInvalidUtf8(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }

    const sequence = sequenceForm(lead);
    if (sequence === undefined) return index;
    const { length, secondMin, secondMax } = sequence;

    if (index + length > bytes.length) return index;
    const second = bytes[index + 1]!;
    if (second < secondMin || second > secondMax) return index;
    for (let next = index + 2; next < index + length; next++) {
      const continuation = bytes[next]!;
      if (continuation < 0x80 || continuation > 0xbf) return index;
    }
    index += length;
  }
  return undefined;
}

/**
 * Returns the length of the UTF-8 sequence that `lead` starts and the allowed range of its second
 * byte, which depends on the lead byte. Later bytes are 0x80 to 0xBF. Returns undefined for a
 * byte that cannot start a sequence of more than one byte.
 */
function sequenceForm(lead: number): { length: number; secondMin: number; secondMax: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, secondMin: 0x80, secondMax: 0xbf };
  if (lead >= 0xe0 && lead <= 0xef) return { length: 3, secondMin: lead === 0xe0 ? 0xa0 : 0x80, secondMax: lead === 0xed ? 0x9f : 0xbf };
  if (lead >= 0xf0 && lead <= 0xf4) return { length: 4, secondMin: lead === 0xf0 ? 0x90 : 0x80, secondMax: lead === 0xf4 ? 0x8f : 0xbf };
  return undefined;
}

/**
 * Returns how many bytes of the sequence that starts at `offset` are present and valid, with the
 * length it needs, when at least its first two are: the character was cut short, as by text cut
 * at a byte count. Returns undefined when the byte at `offset` cannot start a valid sequence there.
 */
function cutShortSequence(bytes: Uint8Array, offset: number): { present: number; length: number } | undefined {
  const sequence = sequenceForm(bytes[offset] ?? 0);
  if (sequence === undefined) return undefined;

  const second = bytes[offset + 1];
  if (second === undefined || second < sequence.secondMin || second > sequence.secondMax) return undefined;
  let present = 2;
  while (present < sequence.length && isContinuation(bytes[offset + present])) present++;
  return { present, length: sequence.length };
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x80 && byte <= 0xbf;
}

/** Returns the last CONTEXT_LENGTH code units of `text`, marked with "..." when cut, without half a surrogate pair. */
function lineEnd(text: string): string {
  if (text.length <= CONTEXT_LENGTH) return text;
  let start = text.length - CONTEXT_LENGTH;
  const first = text.charCodeAt(start);
  if (first >= 0xdc00 && first <= 0xdfff) start++;
  return `...${text.slice(start)}`;
}

