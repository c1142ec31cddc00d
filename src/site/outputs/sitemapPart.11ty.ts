// /sitemap-<n>.xml: the files of a sitemap split under an index, written only for sites of more
// than 50,000 pages.
import type { SitemapPage } from '../../outputs/sitemap.ts';
import { sitemapPartPath } from '../../outputs/outputPaths.ts';
import { catalogPages, renderSitemap, splitSitemap } from '../../outputs/sitemap.ts';
import type { SiteData } from '../siteContext.ts';

type SitemapPartData = SiteData & { part: SitemapPage[]; pagination: { pageNumber: number } };

export const data = {
  pagination: {
    data: 'catalog',
    size: 1,
    alias: 'part',
    // One file per part, and none when every page fits in /sitemap.xml.
    before: (_catalog: unknown, data: SiteData) => {
      const parts = splitSitemap(catalogPages(data.catalog));
      return parts.length > 1 ? parts : [];
    },
    addAllPagesToCollections: false,
  },
  permalink: (data: SitemapPartData) => sitemapPartPath(data.pagination.pageNumber),
  eleventyExcludeFromCollections: true,
};

export function render(data: SitemapPartData): string {
  return renderSitemap(data.part, data.settings);
}
