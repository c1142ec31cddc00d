// Writes the outputs whose size grows with the catalog: the JSON exports, the BibTeX files and
// the sitemap. Each file is written in parts of a few hundred entries, so that the build never
// keeps the text of a whole file (the site's entries.json is 134 MB at 100,000 entries).
import { constants } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '../../schemas/settings.ts';
import type { Catalog, CatalogEntry } from '../catalog/types.ts';
import { listBibtexChunks } from './bibtex.ts';
import { exportEntriesText, ExportText } from './entriesJson.ts';
import { bibtexPath, entriesJsonPath, listEntriesJsonPath, sitemapPartPath, sitemapPath } from './outputPaths.ts';
import { catalogPages, MAX_SITEMAP_URLS, renderSitemapIndex, sitemapChunks, splitSitemap } from './sitemap.ts';

/** Entries whose export records are rendered at once, an estimated 700 KB of text for generated entries. */
const EXPORT_BATCH_SIZE = 500;

/** Characters of text a file gathers before it writes them. */
const WRITE_THRESHOLD = 1 << 20;

/**
 * Writes under `output`, overwriting files already there: /entries.json and each list's
 * /<list>/entries.json (see ExportText), each list's /<list>/references.bib, and /sitemap.xml,
 * with /sitemap-<n>.xml when the site has more pages than one sitemap file takes
 * (`maxSitemapUrls`, by default MAX_SITEMAP_URLS). The files are the same, byte for byte, as
 * those of renderEntriesJson, renderListBibtex and renderSitemapRoot. Returns the absolute path
 * of every file written. A write error rejects, possibly after some files were written.
 */
export async function writeCatalogOutputs(catalog: Catalog, settings: Settings, output: string, maxSitemapUrls = MAX_SITEMAP_URLS): Promise<string[]> {
  const written: string[] = [];
  const create = async (sitePath: string) => {
    const file = path.join(output, ...sitePath.split('/').filter(Boolean));
    written.push(file);
    return TextFile.create(file);
  };

  await writeExports(catalog, settings, create);
  for (const list of catalog.lists) await writeChunks(await create(bibtexPath(list)), listBibtexChunks(list));

  const parts = splitSitemap(catalogPages(catalog), maxSitemapUrls);
  if (parts.length === 1) {
    await writeChunks(await create(sitemapPath()), sitemapChunks(parts[0] ?? [], settings));
  } else {
    await writeChunks(await create(sitemapPath()), [renderSitemapIndex(parts, settings)]);
    for (const [index, part] of parts.entries()) await writeChunks(await create(sitemapPartPath(index)), sitemapChunks(part, settings));
  }
  return written;
}

/**
 * Writes the site's export and each list's. The records of a run of entries are rendered once
 * and written to both files, because a list's export has the same records as the site's.
 */
async function writeExports(catalog: Catalog, settings: Settings, create: (sitePath: string) => Promise<TextFile>): Promise<void> {
  const siteFile = await create(entriesJsonPath());
  const site = new ExportText(catalog.lists, settings);
  await closeAfter(siteFile, async () => {
    await siteFile.write(site.start());
    for (const list of catalog.lists) {
      const listFile = await create(listEntriesJsonPath(list));
      const document = new ExportText([list], settings);
      await closeAfter(listFile, async () => {
        await listFile.write(document.start());
        for (const batch of batches(list.entries, EXPORT_BATCH_SIZE)) {
          const text = exportEntriesText(batch, settings);
          await siteFile.write(site.entries(text));
          await listFile.write(document.entries(text));
        }
        await listFile.write(document.end());
      });
    }
    await siteFile.write(site.end());
  });
}

function* batches(entries: readonly CatalogEntry[], size: number): Generator<readonly CatalogEntry[]> {
  for (let start = 0; start < entries.length; start += size) yield entries.slice(start, start + size);
}

async function writeChunks(file: TextFile, chunks: Iterable<string>): Promise<void> {
  await closeAfter(file, async () => {
    for (const chunk of chunks) await file.write(chunk);
  });
}

/** Runs `work`, then closes `file` whether or not it threw. An error of `work` wins over one of closing. */
async function closeAfter(file: TextFile, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await file.close().catch(() => undefined);
    throw error;
  }
  await file.close();
}

/**
 * A file opened for writing, which gathers text up to WRITE_THRESHOLD characters between writes.
 * An existing file is overwritten from its start and cut to the new length when closed. It is not
 * truncated to zero bytes when opened, because on ext4 a file truncated to zero starts writeback
 * of its new data when it is closed (see replaceFileContent in src/write/writeBatch.ts).
 */
class TextFile {
  private pending: string[] = [];
  private pendingLength = 0;
  private bytesWritten = 0;

  private constructor(private readonly handle: FileHandle) {}

  /** Opens `file` for writing from its start, creating it and the folders above it. */
  static async create(file: string): Promise<TextFile> {
    await mkdir(path.dirname(file), { recursive: true });
    return new TextFile(await open(file, constants.O_WRONLY | constants.O_CREAT, 0o666));
  }

  async write(text: string): Promise<void> {
    if (text === '') return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= WRITE_THRESHOLD) await this.flush();
  }

  /** Writes what is left, cuts off any bytes of the file's earlier content, and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush();
      await this.handle.truncate(this.bytesWritten);
    } finally {
      await this.handle.close();
    }
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
    // writeFile on a handle writes from the current position and retries partial writes.
    await this.handle.writeFile(bytes);
    this.bytesWritten += bytes.byteLength;
  }
}
