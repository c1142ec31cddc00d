// The outcome of checking one URL, as the link checker stores it in its cache and reports it.

/**
 * - `ok`: the URL responds with a 2xx status, directly.
 * - `redirected`: it responds 2xx after temporary redirects (302, 303, 307) only, or after a
 *   permanent redirect from http:// to the same address on https://; not reported.
 * - `moved`: it responds 2xx after a permanent redirect (301, 308); `newUrl` is where it moved.
 * - `dead`: 404 or 410, host not found, connection refused, or a redirect loop.
 * - `unverified`: the checker could not tell: a timeout, a 5xx status after the retries, 401,
 *   403 or 429 (often a site that turns away automated requests), or another network error.
 */
export type LinkStatus = 'ok' | 'redirected' | 'moved' | 'dead' | 'unverified';

export interface RedirectHop {
  /** The URL that responded with a redirect. */
  url: string;
  /** The redirect status, such as 301. */
  status: number;
  /** The absolute URL its `Location` header pointed to. */
  location: string;
}

export interface LinkResult {
  url: string;
  status: LinkStatus;
  /** The HTTP status of the last response, when there was one. */
  httpStatus?: number | undefined;
  /** Why the link is dead or unverified, in words: `HTTP 404 Not Found`, `timed out after 10 s`. */
  reason?: string | undefined;
  /** For a moved link, the URL to write instead: the target of the permanent redirects. */
  newUrl?: string | undefined;
  /** The redirects followed, in order. */
  redirects: RedirectHop[];
  /** The number of requests made, retries and the GET after a failed HEAD included. */
  requests: number;
  /** When the check finished, as an ISO 8601 timestamp. */
  checkedAt: string;
}
