// /<list>/feed.xml: the Atom feed of the most recently added entries of each list.
import type { CatalogList } from '../../catalog/types.ts';
import { renderListFeed } from '../../outputs/atomFeed.ts';
import { listFeedPath } from '../../outputs/outputPaths.ts';
import type { SiteData } from '../siteContext.ts';

type ListFeedData = SiteData & { list: CatalogList };

export const data = {
  pagination: { data: 'catalog.lists', size: 1, alias: 'list', addAllPagesToCollections: false },
  permalink: (data: ListFeedData) => listFeedPath(data.list),
  eleventyExcludeFromCollections: true,
};

export function render(data: ListFeedData): string {
  return renderListFeed(data.list, data.settings);
}
