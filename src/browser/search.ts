// Browser entry point, loaded on every page: wires the search box and the `/` shortcut, and
// loads the search code and index only when the reader starts to search.
import type { SearchUi } from './searchUi.ts';

const SEARCH_PAGE_ID = 'search-page';
const HEADER_INPUT_ID = 'site-search-input';

let ui: Promise<SearchUi> | undefined;

/** Imports the search interface (lunr, the query code and the index) once, on first use. */
function loadUi(input: HTMLInputElement, page: HTMLElement | null): Promise<SearchUi> {
  ui ??= import('./searchUi.ts').then((module) => module.createSearchUi(input, page));
  return ui;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function start(): void {
  const input = document.getElementById(HEADER_INPUT_ID);
  if (!(input instanceof HTMLInputElement)) return;
  const page = document.getElementById(SEARCH_PAGE_ID);

  input.setAttribute('aria-keyshortcuts', '/');
  if (page) {
    void loadUi(input, page);
  } else {
    input.addEventListener('focus', () => void loadUi(input, page), { once: true });
  }

  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
