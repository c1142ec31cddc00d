// /feed.xml: the Atom feed of the most recently added entries of every list.
import { renderSiteFeed } from '../../outputs/atomFeed.ts';
import { siteFeedPath } from '../../outputs/outputPaths.ts';
import type { SiteData } from '../siteContext.ts';

export const data = {
  permalink: () => siteFeedPath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: SiteData): string {
  return renderSiteFeed(data.catalog, data.settings);
}
