// Measures search as a reader meets it, in Debian's Chromium: the time from the first keystroke
// in the search box of a cold page to the first result, and the script and index bytes fetched
// before it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH, launchBrowser } from '../tests/support/browser.ts';
import { startStaticServer } from '../tests/support/staticServer.ts';
import { median, type BrowserFigures, type Measured } from './results.ts';
import { compressedSizes } from './searchMetrics.ts';

/** How many cold runs, each in a new browser profile; the figure is their median. */
const RUNS = 5;
const RESULT_TIMEOUT_MS = 60_000;

/**
 * Serves `outputDir` on 127.0.0.1 and, `RUNS` times in a fresh browser profile, opens the home
 * page, types `query` into the header's search box as soon as the DOM is ready, and waits for the
 * first result. Nothing of the search is loaded before the first keystroke there, so the time
 * includes fetching the search code and the index. Returns the reason instead when Chromium is
 * missing or no result appears.
 */
export async function measureBrowserSearch(outputDir: string, pathPrefix: string, query: string): Promise<Measured<BrowserFigures>> {
  if (!existsSync(CHROMIUM_PATH)) return { ok: false, reason: `no Chromium at ${CHROMIUM_PATH}; install it with: apt-get install -y chromium` };
  if (!existsSync(path.join(outputDir, 'index.html'))) return { ok: false, reason: 'the build wrote no index.html' };

  const server = await startStaticServer(outputDir, pathPrefix);
  const times: number[] = [];
  let files: string[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const outcome = await coldRun(server.url, pathPrefix, query);
      if (typeof outcome === 'string') return { ok: false, reason: outcome };
      times.push(outcome.milliseconds);
      files = outcome.files;
    }
  } finally {
    await server.close();
  }

  const sizes = await Promise.all(files.map((file) => compressedSizes(path.join(outputDir, file))));
  return {
    ok: true,
    value: {
      query,
      runs: times.length,
      firstResultMilliseconds: median(times),
      allFirstResultMilliseconds: times,
      files,
      downloadGzipBytes: sizes.reduce((sum, size) => sum + size.gzip, 0),
    },
  };
}

async function coldRun(siteUrl: string, pathPrefix: string, query: string): Promise<{ milliseconds: number; files: string[] } | string> {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (['script', 'fetch', 'xhr'].includes(request.resourceType())) fetched.push(request.url());
    });

    // Timestamps in the page's own clock: the first keydown, and the first result in the DOM.
    await page.addInitScript(() => {
      const marks = { key: -1, result: -1 };
      (window as unknown as { benchMarks: typeof marks }).benchMarks = marks;
      document.addEventListener('keydown', () => {
        if (marks.key < 0) marks.key = performance.now();
      }, { capture: true });
      new MutationObserver(() => {
        if (marks.result < 0 && document.querySelector('.search-result')) marks.result = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });

    // NOTE: the home page, not the search page: the search page's script resets the box to the
    // URL's `q` when it finishes loading, so that keys typed before then are lost.
    await page.goto(siteUrl, { waitUntil: 'domcontentloaded' });
    await page.focus('#site-search-input');
    await page.keyboard.type(query, { delay: 40 });

    try {
      await page.waitForFunction(() => (window as unknown as { benchMarks: { result: number } }).benchMarks.result >= 0, undefined, { timeout: RESULT_TIMEOUT_MS });
    } catch {
      return `no .search-result appeared within ${RESULT_TIMEOUT_MS / 1000} s of typing "${query}" in the home page's search box`;
    }

    const marks = await page.evaluate(() => (window as unknown as { benchMarks: { key: number; result: number } }).benchMarks);
    // Only requests started before the first result count: the search code fetches the other
    // lists' shards after it.
    const startedBefore = new Set(
      await page.evaluate(
        (resultTime) => performance.getEntriesByType('resource').filter((entry) => entry.startTime <= resultTime).map((entry) => entry.name),
        marks.result,
      ),
    );
    const origin = new URL(siteUrl).origin;
    const files = [...new Set(fetched)]
      .filter((url) => startedBefore.has(url))
      .filter((url) => url.startsWith(origin + pathPrefix))
      .map((url) => decodeURIComponent(new URL(url).pathname.slice(pathPrefix.length)));
    return { milliseconds: marks.result - marks.key, files };
  } finally {
    await browser.close();
  }
}
