// /<list>/references.bib: the BibTeX file of each list.
import type { CatalogList } from '../../catalog/types.ts';
import { renderListBibtex } from '../../outputs/bibtex.ts';
import { bibtexPath } from '../../outputs/outputPaths.ts';
import type { SiteData } from '../siteContext.ts';

type ReferencesData = SiteData & { list: CatalogList };

export const data = {
  pagination: { data: 'catalog.lists', size: 1, alias: 'list', addAllPagesToCollections: false },
  permalink: (data: ReferencesData) => bibtexPath(data.list),
  eleventyExcludeFromCollections: true,
};

export function render(data: ReferencesData): string {
  return renderListBibtex(data.list);
}
