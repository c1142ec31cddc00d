// The search interface: results as you type, keyboard navigation, and on the search page the
// query and filters kept in the URL.
import { entryInList, entryInSection, type SearchHit } from '../search/searchQuery.ts';
import { searchPath } from '../site/urls.ts';
import { renderResult, sectionTrail, statusText } from './renderResults.ts';
import { loadSearchEngine, type SearchEngine } from './searchEngine.ts';

export interface SearchUi {
  /** Runs the current query again, as after the input or a filter changed. */
  refresh(): void;
}

/** Waits this long after the last keystroke before searching, in milliseconds. */
const DEBOUNCE_MS = 120;
/** A query on the search page counts as settled, and gets its own history entry, after this pause in typing, in milliseconds. */
export const SETTLE_MS = 1000;
/** Results shown under the header's search box; the search page shows up to PAGE_LIMIT. */
const PANEL_LIMIT = 8;
const PAGE_LIMIT = 100;

/**
 * Builds the interface around the header's search `input`. With `page` (the search page's
 * container) results go into the page and the URL; without it they open in a panel under the box.
 */
export async function createSearchUi(input: HTMLInputElement, page: HTMLElement | null): Promise<SearchUi> {
  const view = page ? pageView(page) : panelView(input);
  let engine: SearchEngine;
  try {
    engine = await loadSearchEngine(page ? (new URLSearchParams(location.search).get('list') ?? undefined) : undefined);
  } catch (error) {
    view.status.textContent = `Search could not be loaded (${(error as Error).message}). Reload the page to try again.`;
    view.show(true);
    return { refresh: () => undefined };
  }

  const filters = page ? createFilters(page, engine) : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  // Whether the current history entry contains a settled query, which the next change must not replace.
  let settled = true;

  const render = () => {
    const query = input.value.trim();
    view.results.replaceChildren();
    if (query === '') {
      view.status.textContent = page ? 'Type a title word, a keyword or an arXiv id.' : '';
      view.show(page !== null);
      return;
    }

    const outcome = engine.run(query);
    const hits = outcome.hits.filter((hit) => filters?.accepts(hit) ?? true);
    const limit = page ? PAGE_LIMIT : PANEL_LIMIT;
    const multipleLists = engine.search.store.lists.length > 1;
    for (const hit of hits.slice(0, limit)) {
      view.results.append(renderResult(engine.search.store, hit, engine.entryHref(hit.entry), multipleLists));
    }
    view.status.textContent = statusText(Math.min(limit, hits.length), hits.length, query, outcome.mode === 'fuzzy', filters?.scope() ?? '', engine.progress());
    view.setAllResultsLink?.(engine.url(`${searchPath()}?q=${encodeURIComponent(query)}`), hits.length > limit);
    view.show(true);
    // The other shards are fetched once the first results are on screen, so that they do not
    // compete with the first shard.
    setTimeout(() => engine.loadRemaining(), 0);
  };

  // Each settled query is one history entry. A query settles on Enter, on a filter change, or
  // after SETTLE_MS without typing. Until then each keystroke replaces the entry that the first
  // keystroke after the last settled query added, so Back skips the letters typed in between.
  const updateUrl = (commit: boolean) => {
    if (!page) return;
    const url = pageUrl(input.value.trim(), filters);
    if (url === location.pathname + location.search) {
      settled ||= commit;
      return;
    }
    if (settled) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    settled = commit;
  };

  // Results of the shards that arrive later join the list. While the reader is moving through the
  // results with the keyboard, the list stays as it is, so that the focused link is not replaced.
  engine.onProgress(() => {
    if (input.value.trim() === '' || view.results.contains(document.activeElement)) return;
    if (!page && !view.isOpen()) return;
    render();
  });

  input.addEventListener('input', () => {
    clearTimeout(timer);
    clearTimeout(settleTimer);
    timer = setTimeout(() => {
      render();
      updateUrl(false);
      settleTimer = setTimeout(() => {
        settled = true;
      }, SETTLE_MS);
    }, DEBOUNCE_MS);
  });

  input.form?.addEventListener('submit', (event) => {
    if (!page) return;
    event.preventDefault();
    clearTimeout(timer);
    clearTimeout(settleTimer);
    render();
    updateUrl(true);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = view.results.querySelector('a');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape' && !page && view.isOpen()) {
      event.preventDefault();
      view.show(false);
    }
  });

  view.results.addEventListener('keydown', (event) => {
    const links = [...view.results.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;

    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? links[at + 1] : links[at - 1];
      if (next) next.focus();
      else if (event.key === 'ArrowUp') input.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
      if (!page) view.show(false);
    }
  });

  if (page) {
    filters?.onChange(() => {
      render();
      updateUrl(true);
    });
    const restore = (keepTyped = false) => {
      const params = new URLSearchParams(location.search);
      const fromAddress = params.get('q') ?? '';
      // Keys typed while this script loaded win over the address on the first call, so none are lost.
      if (!keepTyped || input.value === '') input.value = fromAddress;
      filters?.restore(params);
      clearTimeout(timer);
      clearTimeout(settleTimer);
      settled = true;
      render();
    };
    window.addEventListener('popstate', () => restore());
    restore(true);
    input.focus();
  } else {
    view.bindClose?.(input);
    if (input.value.trim() !== '') render();
  }

  return { refresh: render };
}

interface View {
  status: HTMLElement;
  results: HTMLOListElement;
  show(open: boolean): void;
  isOpen(): boolean;
  setAllResultsLink?(href: string, visible: boolean): void;
  bindClose?(input: HTMLInputElement): void;
}

/** Finds the search page's elements, which src/site/search/search.11ty.ts renders, and shows them. */
function pageView(page: HTMLElement): View {
  page.querySelector('.search-needs-javascript')?.remove();
  const app = page.querySelector<HTMLElement>('.search-app');
  const status = page.querySelector<HTMLElement>('.search-status');
  const results = page.querySelector<HTMLOListElement>('.search-results');
  if (!app || !status || !results) throw new Error('search page: .search-app, .search-status or .search-results is missing');
  app.hidden = false;
  return { status, results, show: () => undefined, isOpen: () => true };
}

/** Creates a panel under the header's search box, for every page but the search page. */
function panelView(input: HTMLInputElement): View {
  const panel = document.createElement('div');
  panel.className = 'search-panel';
  panel.id = 'search-panel';
  panel.hidden = true;

  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');

  const results = document.createElement('ol');
  results.className = 'search-results';
  results.setAttribute('aria-label', 'Search results');

  const all = document.createElement('a');
  all.className = 'search-all-results';
  all.textContent = 'All results';
  all.hidden = true;

  panel.append(status, results, all);
  const form = input.form ?? input.parentElement;
  form?.after(panel);
  // aria-expanded is not allowed on a search box (it would need the combobox pattern, whose
  // popup is a listbox, not a list of links), so the panel is only named by aria-controls.
  input.setAttribute('aria-controls', panel.id);

  const show = (open: boolean) => {
    panel.hidden = !open;
  };

  return {
    status,
    results,
    show,
    isOpen: () => !panel.hidden,
    setAllResultsLink: (href, visible) => {
      all.href = href;
      all.hidden = !visible;
    },
    bindClose: (box) => {
      document.addEventListener('click', (event) => {
        const target = event.target as Node;
        if (!panel.contains(target) && !(box.form ?? box).contains(target)) show(false);
      });
      box.addEventListener('focus', () => {
        if (box.value.trim() !== '' && results.childElementCount > 0) show(true);
      });
    },
  };
}

interface Filters {
  accepts(hit: SearchHit): boolean;
  /** The filter in words for the status line, or '' when nothing is filtered. */
  scope(): string;
  restore(params: URLSearchParams): void;
  params(): [string, string][];
  onChange(listener: () => void): void;
}

/** Creates the list and section selects of the search page. The list select appears only with several lists. */
function createFilters(page: HTMLElement, engine: SearchEngine): Filters | undefined {
  const container = page.querySelector<HTMLElement>('.search-filters');
  if (!container) return undefined;
  const store = engine.search.store;

  const listSelect = select('search-filter-list', 'List', [['', 'All lists'], ...store.lists.map(([id, title]): [string, string] => [id, title])]);
  const sectionSelect = select('search-filter-section', 'Section', []);
  if (store.lists.length > 1) container.append(listSelect.label);
  container.append(sectionSelect.label);

  const listNumber = () => store.lists.findIndex(([id]) => id === listSelect.element.value);
  const fillSections = () => {
    const list = listNumber();
    const current = sectionSelect.element.value;
    const options: [string, string][] = [['', 'All sections']];
    store.sections.forEach(([sectionList, path], number) => {
      if (list >= 0 && sectionList !== list) return;
      const value = store.lists.length > 1 ? `${store.lists[sectionList]?.[0]}:${path}` : path;
      options.push([value, sectionTrail(store, number, list < 0 && store.lists.length > 1)]);
    });
    setOptions(sectionSelect.element, options);
    sectionSelect.element.value = options.some(([value]) => value === current) ? current : '';
  };
  fillSections();

  const sectionNumber = () => {
    const value = sectionSelect.element.value;
    if (value === '') return -1;
    return store.sections.findIndex(([sectionList, path]) =>
      store.lists.length > 1 ? `${store.lists[sectionList]?.[0]}:${path}` === value : path === value,
    );
  };

  return {
    accepts: (hit) => {
      const list = listNumber();
      const section = sectionNumber();
      if (list >= 0 && !entryInList(store, hit.entry, list)) return false;
      return section < 0 || entryInSection(store, hit.entry, section);
    },
    scope: () => {
      const section = sectionNumber();
      if (section >= 0) return sectionTrail(store, section, store.lists.length > 1);
      return store.lists[listNumber()]?.[1] ?? '';
    },
    restore: (params) => {
      listSelect.element.value = params.get('list') ?? '';
      if (listNumber() < 0) listSelect.element.value = '';
      fillSections();
      sectionSelect.element.value = params.get('section') ?? '';
      if (sectionNumber() < 0) sectionSelect.element.value = '';
    },
    params: () => {
      const params: [string, string][] = [];
      if (listSelect.element.value !== '') params.push(['list', listSelect.element.value]);
      if (sectionSelect.element.value !== '') params.push(['section', sectionSelect.element.value]);
      return params;
    },
    onChange: (listener) => {
      listSelect.element.addEventListener('change', () => {
        fillSections();
        listener();
      });
      sectionSelect.element.addEventListener('change', listener);
    },
  };
}

function select(id: string, text: string, options: [string, string][]): { label: HTMLLabelElement; element: HTMLSelectElement } {
  const label = document.createElement('label');
  label.className = 'search-filter';
  label.htmlFor = id;
  label.textContent = `${text} `;
  const element = document.createElement('select');
  element.id = id;
  setOptions(element, options);
  label.append(element);
  return { label, element };
}

function setOptions(element: HTMLSelectElement, options: [string, string][]): void {
  element.replaceChildren(
    ...options.map(([value, text]) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = text;
      return option;
    }),
  );
}

/** Returns the search page's path and query string for `query` and the current filters. */
function pageUrl(query: string, filters: Filters | undefined): string {
  const params = new URLSearchParams();
  if (query !== '') params.set('q', query);
  for (const [key, value] of filters?.params() ?? []) params.set(key, value);
  const search = params.toString();
  return location.pathname + (search === '' ? '' : `?${search}`);
}
