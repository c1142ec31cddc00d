// The list ids that the site reserves, because a page or output outside every list uses them as
// its first path segment (`/keywords/`, `/search/`, `/assets/`).
import { LIST_ID_PATTERN } from '../../schemas/fields.ts';
import * as outputPaths from '../outputs/outputPaths.ts';
import * as pagePaths from '../site/urls.ts';

/** A list id that no real list can have (it has capitals), passed to the path functions as a probe. */
const PROBE_LIST_ID = 'PROBE-LIST';

/**
 * The first path segments used by the pages of src/site/urls.ts and the outputs of
 * src/outputs/outputPaths.ts that do not belong to a list. Derived by calling every exported
 * path function with a probe list, section, entry and keyword, so that a new top-level page
 * is reserved without a change here.
 */
export const RESERVED_LIST_IDS: ReadonlySet<string> = new Set(topLevelSegments([...Object.values(pagePaths), ...Object.values(outputPaths)]));

function topLevelSegments(functions: readonly unknown[]): string[] {
  const probe = { id: PROBE_LIST_ID, listId: PROBE_LIST_ID, slug: 'probe', path: 'probe' };
  const segments: string[] = [];
  for (const candidate of functions) {
    if (typeof candidate !== 'function') continue;
    let sitePath: unknown;
    try {
      // Functions that need other arguments (withPrefix, absoluteUrl, publicUrl) throw or return a
      // value that is not a site path, and are skipped.
      sitePath = candidate(probe);
    } catch {
      continue;
    }
    if (typeof sitePath !== 'string' || !sitePath.startsWith('/')) continue;
    const first = sitePath.slice(1).split(/[/#?]/, 1)[0] ?? '';
    // Only a segment in list id form can collide: `feed.xml` or `404.html` never can.
    if (first !== PROBE_LIST_ID && LIST_ID_PATTERN.test(first)) segments.push(first);
  }
  return segments;
}
