// The site's Eleventy templates. They are imported here and handed to Eleventy as virtual
// templates, so that Eleventy never imports a TypeScript file itself: the build can then run
// from one bundle of the configuration without a TypeScript loader (see scripts/eleventy.mjs).
import type { EleventyConfig } from './eleventyConfig.ts';
import * as entriesSchema from './outputs/entriesSchema.11ty.ts';
import * as listFeed from './outputs/listFeed.11ty.ts';
import * as robots from './outputs/robots.11ty.ts';
import * as siteFeed from './outputs/siteFeed.11ty.ts';
import * as catalogPages from './pages/catalogPages.11ty.ts';
import * as home from './pages/home.11ty.ts';
import * as keywords from './pages/keywords.11ty.ts';
import * as list from './pages/list.11ty.ts';
import * as notFound from './pages/notFound.11ty.ts';
import * as search from './search/search.11ty.ts';

/** Each template module by its virtual input path, relative to the input folder src/site. */
const TEMPLATES: Record<string, object> = {
  'outputs/entriesSchema.11ty.js': entriesSchema,
  'outputs/listFeed.11ty.js': listFeed,
  'outputs/robots.11ty.js': robots,
  'outputs/siteFeed.11ty.js': siteFeed,
  'pages/catalogPages.11ty.js': catalogPages,
  'pages/home.11ty.js': home,
  'pages/keywords.11ty.js': keywords,
  'pages/list.11ty.js': list,
  'pages/notFound.11ty.js': notFound,
  'search/search.11ty.js': search,
};

/** Adds every template of the site to Eleventy, and no template file from the input folder. */
export function addSiteTemplates(eleventyConfig: EleventyConfig): void {
  // Only JavaScript templates are built, and the input folder has none: every template is virtual.
  eleventyConfig.setTemplateFormats(['11ty.js']);
  for (const [inputPath, template] of Object.entries(TEMPLATES)) eleventyConfig.addTemplate(inputPath, template);
}
