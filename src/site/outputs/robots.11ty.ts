// /robots.txt: lets every crawler in and names the sitemap.
import { robotsPath } from '../../outputs/outputPaths.ts';
import { renderRobots } from '../../outputs/sitemap.ts';
import type { SiteData } from '../siteContext.ts';

export const data = {
  permalink: () => robotsPath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: SiteData): string {
  return renderRobots(data.settings);
}
