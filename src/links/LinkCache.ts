// The link checker's cache file: the last result for each URL, reused until it expires so that
// a re-run only checks new URLs and results that have grown old.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LinkResult, LinkStatus } from './linkResult.ts';

/** The cache file, relative to the project root; `.cache/` is git-ignored. */
export const LINK_CACHE_FILE = '.cache/links.json';

const CACHE_VERSION = 1;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long a result stays valid, by status. A working link is rechecked after a week and a dead
 * one after a day. An unverified one (timeout, 5xx, 429) is not kept, so the next run retries it.
 */
export const DEFAULT_MAX_AGE_MS: Record<LinkStatus, number> = {
  ok: 7 * DAY_MS,
  redirected: 7 * DAY_MS,
  moved: 7 * DAY_MS,
  dead: DAY_MS,
  unverified: 0,
};

interface CacheFile {
  version: number;
  results: Record<string, LinkResult>;
}

export class LinkCache {
  readonly file: string;
  readonly #results: Map<string, LinkResult>;
  readonly #maxAgeMs: Record<LinkStatus, number>;

  private constructor(file: string, results: Map<string, LinkResult>, maxAgeMs: Record<LinkStatus, number>) {
    this.file = file;
    this.#results = results;
    this.#maxAgeMs = maxAgeMs;
  }

  /**
   * Reads the cache file at `file`. A missing, unreadable or older-version file gives an empty
   * cache, because the cache only saves time and can always be rebuilt.
   */
  static async load(file: string, maxAgeMs: Record<LinkStatus, number> = DEFAULT_MAX_AGE_MS): Promise<LinkCache> {
    let parsed: Partial<CacheFile> | undefined;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
    } catch {
      parsed = undefined;
    }

    const results = new Map<string, LinkResult>();
    if (parsed?.version === CACHE_VERSION && typeof parsed.results === 'object' && parsed.results !== null) {
      for (const [url, result] of Object.entries(parsed.results)) results.set(url, result);
    }
    return new LinkCache(file, results, maxAgeMs);
  }

  /** An empty cache that is never read from disk, for `--no-cache`. */
  static empty(file: string, maxAgeMs: Record<LinkStatus, number> = DEFAULT_MAX_AGE_MS): LinkCache {
    return new LinkCache(file, new Map(), maxAgeMs);
  }

  /** Returns the stored result for `url` when it has not expired at time `now`. */
  get(url: string, now: number): LinkResult | undefined {
    const result = this.#results.get(url);
    if (result === undefined || !this.#isFresh(result, now)) return undefined;
    return result;
  }

  set(result: LinkResult): void {
    this.#results.set(result.url, result);
  }

  /**
   * Writes the unexpired results to the cache file, creating its folder. Writes a temporary file
   * and renames it, so that an interrupted run never leaves half a file.
   */
  async save(now: number): Promise<void> {
    const results: Record<string, LinkResult> = {};
    for (const url of [...this.#results.keys()].sort()) {
      const result = this.#results.get(url);
      if (result !== undefined && this.#isFresh(result, now)) results[url] = result;
    }

    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ version: CACHE_VERSION, results }, null, 2)}\n`);
    await rename(temporary, this.file);
  }

  #isFresh(result: LinkResult, now: number): boolean {
    const checkedAt = Date.parse(result.checkedAt);
    const maxAge = this.#maxAgeMs[result.status] ?? 0;
    return !Number.isNaN(checkedAt) && now - checkedAt < maxAge;
  }
}
