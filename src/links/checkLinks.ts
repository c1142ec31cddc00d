// Checks every distinct URL among the link occurrences once, through the cache, and pairs each
// occurrence with its URL's result.
import { checkUrl, type CheckUrlOptions } from './checkUrl.ts';
import { HostScheduler } from './HostScheduler.ts';
import type { LinkCache } from './LinkCache.ts';
import type { LinkOccurrence } from './linkOccurrence.ts';
import type { LinkResult } from './linkResult.ts';

export interface CheckLinksOptions extends Omit<CheckUrlOptions, 'scheduler'> {
  /** The maximum number of requests in flight across all hosts. */
  maxConcurrency: number;
  /** The pause between two requests to the same host (host name and port), in milliseconds. */
  hostDelayMs: number;
  cache: LinkCache;
  /** The current time in milliseconds, for cache expiry; default Date.now. */
  now?: (() => number) | undefined;
  /** Called once per distinct URL as its result arrives, for progress output. */
  onResult?: ((result: LinkResult, fromCache: boolean) => void) | undefined;
}

export interface CheckedLink extends LinkOccurrence {
  result: LinkResult;
}

export interface LinkReport {
  /** Every occurrence with its result, in the order given. */
  links: CheckedLink[];
  /** Distinct URLs checked over the network in this run. */
  checked: number;
  /** Distinct URLs whose result came from the cache. */
  fromCache: number;
}

/**
 * Checks the distinct URLs of `occurrences`: a cached, unexpired result is reused, every other
 * URL is checked with checkUrl and stored in the cache (the caller saves the cache).
 * Never throws for a failing link; throws only what the `onResult` callback throws.
 */
export async function checkLinks(occurrences: LinkOccurrence[], options: CheckLinksOptions): Promise<LinkReport> {
  const now = options.now ?? Date.now;
  const scheduler = new HostScheduler({ maxConcurrency: options.maxConcurrency, hostDelayMs: options.hostDelayMs });
  const urls = [...new Set(occurrences.map((occurrence) => occurrence.url))];
  const results = new Map<string, LinkResult>();
  let checked = 0;
  let fromCache = 0;

  await Promise.all(
    urls.map(async (url) => {
      const cached = options.cache.get(url, now());
      if (cached !== undefined) {
        fromCache += 1;
        results.set(url, cached);
        options.onResult?.(cached, true);
        return;
      }

      const result = await checkUrl(url, { ...options, scheduler });
      checked += 1;
      results.set(url, result);
      options.cache.set(result);
      options.onResult?.(result, false);
    }),
  );

  const links = occurrences.map((occurrence) => ({ ...occurrence, result: results.get(occurrence.url) as LinkResult }));
  return { links, checked, fromCache };
}
