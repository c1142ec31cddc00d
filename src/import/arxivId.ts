// Reads an arXiv identifier out of an arXiv URL or a piece of text.
import { ARXIV_ID_PATTERN } from '../../schemas/fields.ts';

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);

/**
 * Returns the id of an arXiv abstract or PDF URL (`https://arxiv.org/abs/1502.03167v2`,
 * `http://arxiv.org/pdf/1502.03167.pdf`, `https://arxiv.org/abs/cs/0112017`), or undefined
 * when the URL is not one.
 */
export function arxivIdFromUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!ARXIV_HOSTS.has(parsed.hostname.toLowerCase())) return undefined;

  const match = /^\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?$/.exec(parsed.pathname);
  if (match === null) return undefined;
  const id = match[1]!;
  return ARXIV_ID_PATTERN.test(id) ? id : undefined;
}

/** Returns the id when `text` is an arXiv id, with or without an `arXiv:` prefix. */
export function arxivIdFromText(text: string): string | undefined {
  const id = text.trim().replace(/^arxiv:\s*/i, '');
  return ARXIV_ID_PATTERN.test(id) ? id : undefined;
}

/** Returns the canonical abstract URL of an arXiv id. */
export function arxivAbstractUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
