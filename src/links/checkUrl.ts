// Checks one URL over HTTP: HEAD first and GET when HEAD fails, redirects followed one by one,
// retries with backoff on 5xx, 429 and network errors, each request queued by host.
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HostScheduler } from './HostScheduler.ts';
import type { LinkResult, LinkStatus, RedirectHop } from './linkResult.ts';

export interface CheckUrlOptions {
  scheduler: HostScheduler;
  /** How long one request may take before it is abandoned, in milliseconds. */
  timeoutMs: number;
  /** How many times a request is repeated after a 5xx, 429 or network error. */
  retries: number;
  /** The wait before the first retry, in milliseconds; it doubles with each further retry. */
  backoffMs: number;
  /** The largest number of redirects followed before the link counts as dead. */
  maxRedirects: number;
  userAgent: string;
  /** Replaces the global fetch, for tests. */
  fetch?: typeof fetch | undefined;
}

/** The longest `Retry-After` wait honoured, in milliseconds; a longer one is cut to this. */
const MAX_RETRY_AFTER_MS = 30_000;

/** Network error codes after which a retry cannot help: the host does not exist. */
const PERMANENT_NETWORK_ERRORS = new Set(['ENOTFOUND', 'EAI_NONAME', 'ERR_INVALID_URL']);

/** Network error codes that mean the link is dead rather than unverified. */
const DEAD_NETWORK_ERRORS = new Set(['ENOTFOUND', 'EAI_NONAME', 'ECONNREFUSED']);

const PERMANENT_REDIRECTS = new Set([301, 308]);

type Attempt =
  | { kind: 'response'; status: number; location: string | undefined; retryAfterMs: number | undefined }
  | { kind: 'error'; code: string; message: string };

interface Outcome {
  /** The last attempt: the final response, or the error that ended the check. */
  last: Attempt;
  redirects: RedirectHop[];
  /** Set when the redirects ended in a loop or went past the maximum. */
  redirectProblem?: string | undefined;
}

/**
 * Checks `url` and returns its status. Sends HEAD, and GET from the start when HEAD ends in a
 * 4xx or 5xx status, because some servers reject HEAD or handle it wrongly. Never throws for a network or HTTP
 * failure: every failure becomes a `dead` or `unverified` result.
 */
export async function checkUrl(url: string, options: CheckUrlOptions): Promise<LinkResult> {
  const counter = { requests: 0 };

  let outcome = await followRedirects(url, 'HEAD', options, counter);
  if (outcome.last.kind === 'response' && outcome.last.status >= 400 && outcome.redirectProblem === undefined) {
    outcome = await followRedirects(url, 'GET', options, counter);
  }

  return { url, ...classify(outcome), redirects: outcome.redirects, requests: counter.requests, checkedAt: new Date().toISOString() };
}

async function followRedirects(
  url: string,
  method: 'HEAD' | 'GET',
  options: CheckUrlOptions,
  counter: { requests: number },
): Promise<Outcome> {
  const redirects: RedirectHop[] = [];
  const visited = new Set([url]);
  let current = url;

  for (;;) {
    // HEAD is not retried on a 5xx: the GET that follows it is.
    const last = await requestWithRetries(current, method, options, counter, method === 'GET');
    if (last.kind === 'error' || !isRedirect(last.status) || last.location === undefined) {
      return { last, redirects };
    }

    const location = resolveLocation(last.location, current);
    if (location === undefined) {
      return { last: { kind: 'error', code: 'ERR_INVALID_URL', message: `invalid redirect location "${last.location}"` }, redirects };
    }
    redirects.push({ url: current, status: last.status, location });

    if (visited.has(location)) return { last, redirects, redirectProblem: `redirect loop back to ${location}` };
    if (redirects.length > options.maxRedirects) return { last, redirects, redirectProblem: `more than ${options.maxRedirects} redirects` };
    visited.add(location);
    current = location;
  }
}

async function requestWithRetries(
  url: string,
  method: 'HEAD' | 'GET',
  options: CheckUrlOptions,
  counter: { requests: number },
  retryServerErrors: boolean,
): Promise<Attempt> {
  for (let attempt = 0; ; attempt += 1) {
    const result = await requestOnce(url, method, options);
    counter.requests += 1;

    const retryable = result.kind === 'error'
      ? !PERMANENT_NETWORK_ERRORS.has(result.code)
      : retryServerErrors && (result.status >= 500 || result.status === 429);
    if (!retryable || attempt >= options.retries) return result;

    const backoff = options.backoffMs * 2 ** attempt;
    const retryAfter = result.kind === 'response' ? result.retryAfterMs : undefined;
    await sleep(Math.min(Math.max(backoff, retryAfter ?? 0), MAX_RETRY_AFTER_MS));
  }
}

async function requestOnce(url: string, method: 'HEAD' | 'GET', options: CheckUrlOptions): Promise<Attempt> {
  const doFetch = options.fetch ?? fetch;
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return { kind: 'error', code: 'ERR_INVALID_URL', message: 'not a valid URL' };
  }

  return options.scheduler.schedule(host, async (): Promise<Attempt> => {
    try {
      const response = await doFetch(url, {
        method,
        redirect: 'manual',
        headers: { 'user-agent': options.userAgent, accept: '*/*' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      // Only the status matters: drop the body instead of downloading it.
      await response.body?.cancel().catch(() => undefined);
      return {
        kind: 'response',
        status: response.status,
        location: response.headers.get('location') ?? undefined,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      };
    } catch (error) {
      return describeFetchError(error, options.timeoutMs);
    }
  });
}

function classify(outcome: Outcome): { status: LinkStatus; httpStatus?: number; reason?: string; newUrl?: string } {
  const { last, redirects, redirectProblem } = outcome;

  if (redirectProblem !== undefined) return { status: 'dead', reason: redirectProblem };

  if (last.kind === 'error') {
    const status = DEAD_NETWORK_ERRORS.has(last.code) ? 'dead' : 'unverified';
    return { status, reason: last.message };
  }

  const httpStatus = last.status;
  const reason = `HTTP ${httpStatus} ${STATUS_CODES[httpStatus] ?? ''}`.trim();
  if (httpStatus === 404 || httpStatus === 410) return { status: 'dead', httpStatus, reason };
  if (httpStatus >= 300 && httpStatus < 400) return { status: 'unverified', httpStatus, reason: `${reason} without a Location header` };
  if (httpStatus >= 400) return { status: 'unverified', httpStatus, reason };

  const newUrl = permanentTarget(redirects);
  if (newUrl !== undefined && !isHttpsUpgrade(redirects[0]!.url, newUrl)) return { status: 'moved', httpStatus, newUrl };
  return { status: redirects.length > 0 ? 'redirected' : 'ok', httpStatus };
}

/**
 * Returns true when `to` is `from` with https instead of http. Such a link still works, and lists
 * imported from older documents have so many of them that reporting each would bury the real moves.
 */
function isHttpsUpgrade(from: string, to: string): boolean {
  return from.startsWith('http://') && to === `https://${from.slice('http://'.length)}`;
}

/** Returns the target of the permanent redirects that open the chain: where the link should now point. */
function permanentTarget(redirects: RedirectHop[]): string | undefined {
  let target: string | undefined;
  for (const hop of redirects) {
    if (!PERMANENT_REDIRECTS.has(hop.status)) break;
    target = hop.location;
  }
  return target;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function resolveLocation(location: string, base: string): string | undefined {
  try {
    const resolved = new URL(location, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `Retry-After` as seconds or as an HTTP date; returns milliseconds, or undefined. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function describeFetchError(error: unknown, timeoutMs: number): Attempt {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { kind: 'error', code: 'ETIMEDOUT', message: `timed out after ${formatSeconds(timeoutMs)}` };
  }

  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : 'EFETCH';
  const messages: Record<string, string> = {
    ENOTFOUND: 'host not found',
    EAI_NONAME: 'host not found',
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    CERT_HAS_EXPIRED: 'TLS certificate expired',
  };
  let detail = String(error);
  if (typeof cause?.message === 'string') detail = cause.message;
  else if (error instanceof Error) detail = error.message;
  return { kind: 'error', code, message: messages[code] ?? `request failed: ${detail}` };
}

function formatSeconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${milliseconds} ms`;
}
