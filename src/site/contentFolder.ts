// The content folder of a build, shared by the configuration and the worker that loads the
// catalog before the configuration runs (catalogPreloadWorker.ts), so that both read the same one.

/** Returns the content folder, relative to the project root or absolute: SITE_CONTENT_DIR, or `content`. Tests point it at a fixture. */
export function contentFolder(): string {
  return process.env.SITE_CONTENT_DIR || 'content';
}
