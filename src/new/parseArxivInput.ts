// Turns what a contributor pastes for an arXiv paper (an id or an arXiv URL) into the id the
// entry stores.
import { ARXIV_ID_PATTERN } from '../../schemas/fields.ts';

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);

/** The arXiv page kinds whose path ends in the paper's id: `/abs/<id>`, `/pdf/<id>`, ... */
const ARXIV_PAGE_KINDS = new Set(['abs', 'pdf', 'html', 'format', 'ps']);

/**
 * Parses an arXiv id or URL and returns the id to store, or undefined when `input` is neither.
 * Accepts `1502.03167`, `1502.03167v2`, `arXiv:1502.03167`, old-style ids (`cs/0112017`,
 * `math.GT/0309136v1`), and `abs`, `pdf`, `html` URLs on arxiv.org, with or without scheme,
 * version, `.pdf` suffix, trailing slash, query or fragment.
 * The version, when given, is kept: `https://arxiv.org/pdf/1502.03167v1.pdf` gives `1502.03167v1`.
 */
export function parseArxivInput(input: string): string | undefined {
  const text = input.trim();
  const bareId = text.replace(/^arxiv:\s*/i, '');
  if (ARXIV_ID_PATTERN.test(bareId)) return bareId;

  const url = parseUrl(text);
  if (url === undefined || !ARXIV_HOSTS.has(url.hostname.toLowerCase())) return undefined;

  const [kind, ...rest] = url.pathname.split('/').filter((part) => part.length > 0);
  if (kind === undefined || !ARXIV_PAGE_KINDS.has(kind)) return undefined;

  const id = decodeURIComponent(rest.join('/')).replace(/\.pdf$/i, '');
  return ARXIV_ID_PATTERN.test(id) ? id : undefined;
}

/** Returns `id` without its version suffix: `1502.03167v2` gives `1502.03167`. */
export function withoutArxivVersion(id: string): string {
  return id.replace(/v\d+$/, '');
}

/** Returns the URL of the abstract page of an arXiv id. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

function parseUrl(text: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    return new URL(withScheme);
  } catch {
    return undefined;
  }
}
