// Site settings: title, base URL, repository for edit links and path prefix, read from site.config.json.
import { z } from 'zod';
import { httpUrl, oneLine } from './fields.ts';

export const settingsSchema = z.strictObject({
  /** The site's name, shown in the header and the page titles. */
  title: oneLine,
  description: oneLine,
  /** The absolute URL the site is published at, without the path prefix: `https://example.org`. */
  baseUrl: httpUrl,
  /** The folder the site is served from: `/` at a domain's root, `/<repo>/` on GitHub Pages. */
  pathPrefix: z.string().regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, {
    error: 'must start and end with "/", such as "/" or "/reading-lists/"',
  }),
  /** The repository's web address; edit links point at `<repository>/edit/<branch>/<file>`. */
  repository: httpUrl,
  branch: oneLine,
  /** The language of the pages, as a BCP 47 tag. */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/),
});

export type Settings = z.output<typeof settingsSchema>;
