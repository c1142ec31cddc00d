// Takes screenshots of the home, list, section and entry pages at phone and desktop widths, in
// light and dark mode, with Debian's Chromium, for a person to look at. Run by hand:
//   npx tsx scripts/screenshots.ts [--content content] [--out /tmp/reading-lists-screenshots] [--full-page]
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogOrThrow } from '../src/catalog/loadCatalog.ts';
import type { CatalogEntry } from '../src/catalog/types.ts';
import { entryPath, homePath, keywordIndexPath, listPath, sectionPath } from '../src/site/urls.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { buildSite, PROJECT_ROOT } from '../tests/support/builtSite.ts';
import { startStaticServer } from '../tests/support/staticServer.ts';

const WIDTHS = [360, 1280];
const SCHEMES = ['light', 'dark'] as const;

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: '/tmp/reading-lists-screenshots' },
    'full-page': { type: 'boolean', default: false },
  },
});
const contentDir = values.content ?? 'content';
const outDir = values.out ?? '/tmp/reading-lists-screenshots';

const catalog = await loadCatalogOrThrow(PROJECT_ROOT, { contentDir });
const list = catalog.lists[0];
if (!list) throw new Error(`no list found in ${contentDir}; pass --content with a content folder`);

// The section with the most subsections shows the tree best; the entry with the most links,
// the most of an entry page.
const section = [...list.sectionsByPath.values()].sort((a, b) => b.sections.length - a.sections.length)[0];
const entry = [...list.entries].sort((a, b) => richness(b) - richness(a))[0];
if (!section || !entry) throw new Error(`the list ${list.id} has no section or no entry to take a screenshot of`);

const pages: Array<[string, string]> = [
  ['home', homePath()],
  ['list', listPath(list)],
  ['section', sectionPath(section)],
  ['entry', entryPath(entry)],
  ['keywords', keywordIndexPath()],
];

const site = await buildSite({ contentDir, pathPrefix: '/' });
const server = await startStaticServer(site);
const browser = await launchBrowser();
await mkdir(outDir, { recursive: true });

try {
  const page = await browser.context.newPage();
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width < 600 ? 780 : 900 });
      for (const [name, pagePath] of pages) {
        await page.goto(new URL(pagePath.slice(1), server.url).href);
        const file = path.join(outDir, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: values['full-page'] === true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        console.log(`${file}${overflow > 0 ? `  (scrolls sideways by ${overflow} px)` : ''}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

function richness(candidate: CatalogEntry): number {
  const { links = [], intro = [], keywords = [] } = candidate.data;
  return links.length * 2 + intro.length + keywords.length + (candidate.body.trim() ? 3 : 0) + (candidate.data.arxiv ? 2 : 0);
}
