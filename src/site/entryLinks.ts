// The links of an entry as the pages show them: a readable label per link kind, the arXiv
// abstract and PDF, and the few compact links of an entry summary.
import type { Link } from '../../schemas/entry.ts';
import { isHttpUrl } from '../../schemas/fields.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import { arxivAbsUrl, arxivIdOf, arxivPdfUrl } from '../outputs/arxiv.ts';

/** Labels for link kinds whose capitalised form reads wrong; any other kind is capitalised. */
const KIND_LABELS: Record<string, string> = {
  arxiv: 'arXiv',
  bitbucket: 'Bitbucket',
  github: 'GitHub',
  gitlab: 'GitLab',
  gitxiv: 'GitXiv',
  ipn: 'Notebook',
  openreview: 'OpenReview',
  pdf: 'PDF',
  projpage: 'Project page',
  stackexchange: 'Stack Exchange',
  youtube: 'YouTube',
};

/** Link kinds that point at an implementation, for the compact "code" link. */
const CODE_KINDS = new Set(['code', 'github', 'gitlab', 'bitbucket', 'gist', 'ipn', 'notebook', 'colab']);

/** Link kinds that point at the paper itself, for the compact "paper" link. */
const PAPER_KINDS = new Set(['paper', 'pdf', 'openreview', 'doi', 'acm', 'ieee']);

/** A link as a page shows it. */
export interface ShownLink {
  /** The link's text: the kind's label and, where the link has one, its own label. */
  text: string;
  url: string;
  /** The host of `url` (`github.com`), on the links that entryLinks returns. */
  host?: string | undefined;
  /** Text that stood beside the link in the source. */
  note?: string | undefined;
}

/** The host of each link whose URL isHttpUrl accepts, and null for any other link. */
const linkHosts = new WeakMap<Link, string | null>();

/**
 * Returns the host of the link's URL, or undefined when it is not an absolute http or https URL.
 * The URL is parsed once per link, because the entry page and the entry's summary both read it.
 */
function httpHostOf(link: Link): string | undefined {
  let host = linkHosts.get(link);
  if (host === undefined) {
    host = isHttpUrl(link.url) ? new URL(link.url).host : null;
    linkHosts.set(link, host);
  }
  return host ?? undefined;
}

/** Returns the readable label of a link kind: `github` gives `GitHub`, `project page` gives `Project page`. */
export function linkKindLabel(kind: string): string {
  const known = KIND_LABELS[kind];
  if (known !== undefined) return known;
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** Returns the entry's arXiv abstract and PDF URLs, or undefined when it has no arXiv id. */
export function arxivLinks(entry: CatalogEntry): { id: string; abstract: string; pdf: string } | undefined {
  const id = arxivIdOf(entry.data);
  if (id === undefined) return undefined;
  return { id, abstract: arxivAbsUrl(id), pdf: arxivPdfUrl(id) };
}

/**
 * Returns the links of the entry, labelled by kind and label, in the order written. Links that
 * repeat an earlier URL or point at the entry's own arXiv abstract or PDF (shown apart) are left
 * out. So is a URL that is not http or https, which validation rejects before the build: this
 * only guards against a catalog assembled some other way.
 */
export function entryLinks(entry: CatalogEntry): ShownLink[] {
  const arxivId = arxivIdOf(entry.data);
  const seen = new Set<string>();
  const shown: ShownLink[] = [];

  for (const link of entry.data.links ?? []) {
    const host = httpHostOf(link);
    if (host === undefined || seen.has(link.url)) continue;
    seen.add(link.url);
    if (arxivId !== undefined && arxivIdOf({ links: [link] })?.replace(/v\d+$/, '') === arxivId.replace(/v\d+$/, '')) continue;
    shown.push(showLink(link, host));
  }
  return shown;
}

/**
 * Returns the few links an entry summary shows: arXiv, the first code link and the first paper
 * link. An entry with none of them shows its first link, so that every summary leads somewhere.
 */
export function compactLinks(entry: CatalogEntry): ShownLink[] {
  const links = (entry.data.links ?? []).filter((link) => httpHostOf(link) !== undefined);
  const shown: ShownLink[] = [];

  const arxiv = arxivLinks(entry);
  if (arxiv) shown.push({ text: 'arXiv', url: arxiv.abstract });

  const code = links.find((link) => CODE_KINDS.has(link.kind));
  if (code) shown.push({ text: 'code', url: code.url });

  const paper = links.find((link) => PAPER_KINDS.has(link.kind) && link.url !== arxiv?.abstract);
  if (paper) shown.push({ text: 'paper', url: paper.url });

  const first = links[0];
  if (shown.length === 0 && first) shown.push({ text: linkKindLabel(first.kind).toLowerCase(), url: first.url });
  return shown;
}

function showLink(link: Link, host: string): ShownLink {
  const kind = linkKindLabel(link.kind);
  return {
    text: link.label ? `${kind}: ${link.label}` : kind,
    url: link.url,
    host,
    note: link.text,
  };
}
