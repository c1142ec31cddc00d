// A static file server on 127.0.0.1 for browser tests and screenshots: serves a built site under
// its path prefix, as GitHub Pages would, with 404.html for a missing path.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gz': 'application/gzip',
  '.br': 'application/octet-stream',
};

export interface StaticServer {
  /** The site's root URL, prefix included: `http://127.0.0.1:41234/reading-lists/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `siteDir` at `http://127.0.0.1:<free port><pathPrefix>`: `/a/` serves `a/index.html`,
 * and a path outside the prefix or without a file gets 404.html with status 404.
 */
export async function startStaticServer(siteDir: string, pathPrefix = '/'): Promise<StaticServer> {
  const root = path.resolve(siteDir);
  const server: Server = createServer((request, response) => {
    const requestPath = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = requestPath.startsWith(pathPrefix) ? findFile(root, requestPath.slice(pathPrefix.length)) : undefined;

    const served = file ?? path.join(root, '404.html');
    response.statusCode = file ? 200 : 404;
    response.setHeader('content-type', CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream');
    if (!existsSync(served)) {
      response.end('Not found');
      return;
    }
    createReadStream(served).pipe(response);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${pathPrefix}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Returns the file for a path relative to the prefix, or undefined for a missing file or a path that leaves `root`. */
function findFile(root: string, relative: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }

  const candidates = decoded === '' || decoded.endsWith('/') ? [`${decoded}index.html`] : [decoded, `${decoded}/index.html`];
  for (const candidate of candidates) {
    const absolute = path.resolve(root, candidate);
    if (!absolute.startsWith(root + path.sep)) return undefined;
    if (existsSync(absolute) && statSync(absolute).isFile()) return absolute;
  }
  return undefined;
}
