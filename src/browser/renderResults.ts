// Builds the result list with DOM APIs: entry text is only ever set as textContent, never parsed as HTML.
import type { Mark, SearchHit } from '../search/searchQuery.ts';
import type { SearchStore } from '../search/searchStore.ts';

/** Appends `text` to `parent`, wrapping each marked span in <mark>. Marks outside the text are ignored. */
export function appendMarked(parent: HTMLElement, text: string, marks: readonly Mark[]): void {
  let at = 0;
  for (const [start, length] of marks) {
    if (start < at || start >= text.length) continue;
    if (start > at) parent.append(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, start + length);
    parent.append(mark);
    at = start + length;
  }
  if (at < text.length) parent.append(document.createTextNode(text.slice(at)));
}

/** Returns the titles from the list down to a section: `Training Deep Neural Networks › Regularization › Dropout`. */
export function sectionTrail(store: SearchStore, section: number, withList: boolean): string {
  const titles: string[] = [];
  let current = section;
  let list = -1;
  while (current >= 0) {
    const stored = store.sections[current];
    if (!stored) break;
    titles.unshift(stored[2]);
    list = stored[0];
    current = stored[3];
  }
  const listTitle = store.lists[list]?.[1];
  if (withList && listTitle !== undefined) titles.unshift(listTitle);
  return titles.join(' › ');
}

/** Renders one result: the title as a link, the section path, and the snippet when the entry has one. */
export function renderResult(store: SearchStore, hit: SearchHit, href: string, withList: boolean): HTMLLIElement {
  const stored = store.entries[hit.entry];
  const item = document.createElement('li');
  item.className = 'search-result';
  if (!stored) return item;

  const link = document.createElement('a');
  link.className = 'search-result-title';
  link.href = href;
  appendMarked(link, stored[0], hit.titleMarks);
  item.append(link);

  const trail = document.createElement('p');
  trail.className = 'search-result-path';
  trail.textContent = sectionTrail(store, stored[2], withList);
  item.append(trail);

  if (stored[3] !== '') {
    const snippet = document.createElement('p');
    snippet.className = 'search-result-snippet';
    appendMarked(snippet, stored[3], hit.snippetMarks);
    item.append(snippet);
  }

  return item;
}

/** How much of the index is loaded: shards still loading and shards that failed, out of `total`. */
export interface IndexProgress {
  pending: number;
  failed: number;
  total: number;
}

/**
 * Returns the status line that the live region reads out, such as `12 results for “adam”.`, and
 * says when results may still be added by the parts of the index still loading, or are missing
 * those that failed to load.
 */
export function statusText(shown: number, total: number, query: string, fuzzy: boolean, scope: string, progress?: IndexProgress): string {
  const where = scope === '' ? '' : ` in ${scope}`;
  const loading = progressText(progress);
  if (total === 0) return `No results for “${query}”${where}${loading === '' ? '' : ' yet'}.${loading}`;
  const count = `${total} ${total === 1 ? 'result' : 'results'}`;
  const limit = shown < total ? `, showing the first ${shown}` : '';
  const spelling = fuzzy ? ' No exact matches, so entries with a similar spelling are shown.' : '';
  return `${count} for “${query}”${where}${limit}.${spelling}${loading}`;
}

function progressText(progress: IndexProgress | undefined): string {
  if (progress === undefined) return '';
  if (progress.pending > 0) {
    const parts = progress.pending === 1 ? '1 more part of the index is' : `${progress.pending} more parts of the index are`;
    return ` ${parts} loading; results will be added as they arrive.`;
  }
  if (progress.failed > 0) {
    const parts = progress.failed === 1 ? '1 part of the index' : `${progress.failed} parts of the index`;
    return ` ${parts} could not be loaded, so some entries may be missing. Reload the page to try again.`;
  }
  return '';
}
