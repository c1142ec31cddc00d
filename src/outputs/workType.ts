// The kind of work an entry describes (a paper, a blog post, source code or other work), which
// decides the metadata that reference managers and search engines read from its page.
import type { EntryData, Link } from '../../schemas/entry.ts';
import { arxivIdOf } from './arxiv.ts';

/** Link kinds that point at a paper itself. */
const PAPER_LINK_KINDS = new Set(['paper', 'pdf', 'openreview', 'arxiv']);

/** Link kinds whose PDFs are presentations, not papers. */
const PRESENTATION_LINK_KINDS = new Set(['slides', 'talks']);

/** Link kinds that point at a source code repository or snippet. */
const CODE_LINK_KINDS = new Set(['github', 'gitlab', 'bitbucket', 'gist', 'code']);

const PDF_URL_PATTERN = /\.pdf(?:[?#].*)?$/i;

/**
 * The kind of work an entry describes, with the link that is the work itself. `mainLink` is
 * undefined for a paper known only by its arXiv id, and for a non-paper entry with no links.
 */
export type WorkType =
  | { kind: 'paper'; mainLink: Link | undefined }
  | { kind: 'blog'; mainLink: Link }
  | { kind: 'code'; mainLink: Link }
  | { kind: 'other'; mainLink: Link | undefined };

/**
 * Classifies an entry. It is a paper when it has an arXiv id (its `arxiv` field or an arXiv
 * abstract or PDF link) or a link that isPaperLink accepts. Otherwise it is a blog post when it
 * has a link of kind blog, and source code when every link is a code host (github, gitlab,
 * bitbucket, gist, code). Every other entry is other work, including an entry without links.
 * `arxivId` is the entry's arXiv id, for a caller that has it already.
 */
export function workTypeOf(data: Pick<EntryData, 'arxiv' | 'links'>, arxivId = arxivIdOf(data)): WorkType {
  const links = data.links ?? [];

  const paperLinks = links.filter(isPaperLink);
  if (arxivId !== undefined || paperLinks.length > 0) return { kind: 'paper', mainLink: paperLinks[0] };

  const blogLink = links.find((link) => link.kind === 'blog');
  if (blogLink !== undefined) return { kind: 'blog', mainLink: blogLink };

  const [firstLink] = links;
  if (firstLink !== undefined && links.every((link) => CODE_LINK_KINDS.has(link.kind))) return { kind: 'code', mainLink: firstLink };

  return { kind: 'other', mainLink: firstLink };
}

/**
 * Returns true for a link of kind paper, pdf, openreview or arxiv, and for a link whose URL ends
 * in `.pdf` unless its kind is slides or talks, because those PDFs are presentations.
 */
export function isPaperLink(link: Link): boolean {
  if (PAPER_LINK_KINDS.has(link.kind)) return true;
  return PDF_URL_PATTERN.test(link.url) && !PRESENTATION_LINK_KINDS.has(link.kind);
}
