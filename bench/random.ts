// A small seeded pseudo-random number generator, so that generated benchmark content is the
// same on every machine and every run.

/**
 * A mulberry32 generator: 32 bits of state, period 2^32, fast and good enough for picking words.
 * Not for anything that needs cryptographic randomness.
 */
export class Random {
  private state: number;

  /** Starts the sequence from `seed`; any 32-bit integer works, and equal seeds give equal sequences. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Returns an integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Returns true with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Returns one element of `items`; throws when `items` is empty. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick needs at least one item');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Returns `count` distinct elements of `items` (all of them when `count` exceeds the length), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const taken = Math.min(count, copy.length);
    for (let i = 0; i < taken; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, taken);
  }

  /** Returns a new generator seeded from this one, so that one part of the output can change without shifting the rest. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}
