// /sitemap.xml: every HTML page of the site with its absolute URL, or past 50,000 pages the
// index of the sitemap files that sitemapPart.11ty.ts writes.
import { sitemapPath } from '../../outputs/outputPaths.ts';
import { catalogPages, renderSitemapRoot } from '../../outputs/sitemap.ts';
import type { SiteData } from '../siteContext.ts';

export const data = {
  permalink: () => sitemapPath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: SiteData): string {
  return renderSitemapRoot(catalogPages(data.catalog), data.settings);
}
