// Counts line feeds, to turn an offset in a content file into a line number.

/** Returns the number of line feeds in `text` (decoded text, or its UTF-8 bytes) before index `end`. */
export function countLineFeeds(text: string | Uint8Array, end: number): number {
  let count = 0;
  if (typeof text === 'string') {
    for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  } else {
    for (let index = text.indexOf(0x0a); index !== -1 && index < end; index = text.indexOf(0x0a, index + 1)) count++;
  }
  return count;
}
