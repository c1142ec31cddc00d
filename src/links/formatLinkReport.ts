// Writes the link checker's report: dead, moved and unverified links per file and line, a
// summary, and GitHub workflow annotations.
import { escapeData, escapeProperty } from '../problems/format.ts';
import type { CheckedLink, LinkReport } from './checkLinks.ts';
import type { LinkStatus } from './linkResult.ts';

/** The statuses printed by default; `redirected` is added with `--verbose`. */
const REPORTED: ReadonlySet<LinkStatus> = new Set(['dead', 'moved', 'unverified']);

/**
 * Writes the links to fix, grouped by file in the order the files were given, each as
 * `  line  status  url  reason`; a moved link shows its new URL. Returns '' when none is left.
 */
export function formatLinkProblems(report: LinkReport, verbose = false): string {
  const byFile = new Map<string, CheckedLink[]>();
  for (const link of report.links) {
    if (!REPORTED.has(link.result.status) && !(verbose && link.result.status === 'redirected')) continue;
    const group = byFile.get(link.file);
    if (group) group.push(link);
    else byFile.set(link.file, [link]);
  }

  const blocks: string[] = [];
  for (const [file, links] of byFile) {
    const lines = links.sort((a, b) => a.line - b.line).map((link) => `  ${String(link.line).padStart(4)}  ${link.result.status.padEnd(10)}  ${describe(link)}`);
    blocks.push([file, ...lines].join('\n'));
  }
  return blocks.join('\n\n');
}

/** Writes `checked 412 URLs in 12.3 s (380 from the cache): 400 ok, 5 moved, 3 dead, 4 unverified`. */
export function formatLinkSummary(report: LinkReport, elapsedMs: number): string {
  const counts = new Map<LinkStatus, number>();
  const seen = new Set<string>();
  for (const link of report.links) {
    if (seen.has(link.url)) continue;
    seen.add(link.url);
    counts.set(link.result.status, (counts.get(link.result.status) ?? 0) + 1);
  }

  const statuses: LinkStatus[] = ['ok', 'redirected', 'moved', 'dead', 'unverified'];
  const parts = statuses.filter((status) => counts.has(status)).map((status) => `${counts.get(status)} ${status}`);
  const total = seen.size;
  const seconds = (elapsedMs / 1000).toFixed(1);
  return `checked ${total} URL${total === 1 ? '' : 's'} in ${seconds} s (${report.fromCache} from the cache)${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** Writes one annotation per dead link (error) and per moved or unverified link (warning). */
export function formatLinkAnnotations(report: LinkReport): string {
  const lines: string[] = [];
  for (const link of report.links) {
    const { status } = link.result;
    if (!REPORTED.has(status)) continue;
    const level = status === 'dead' ? 'error' : 'warning';
    const properties = `file=${escapeProperty(link.file)},line=${link.line},title=${escapeProperty(`${status} link`)}`;
    lines.push(`::${level} ${properties}::${escapeData(describe(link))}`);
  }
  return lines.join('\n');
}

function describe(link: CheckedLink): string {
  const { result } = link;
  if (result.status === 'moved') return `${link.url} -> ${result.newUrl} (HTTP ${result.redirects[0]?.status ?? 301}: write the new URL)`;
  if (result.status === 'redirected') return `${link.url} -> ${result.redirects.at(-1)?.location ?? ''}`;
  return result.reason === undefined ? link.url : `${link.url}  ${result.reason}`;
}
