// Reads and validates the site settings from site.config.json, with overrides from the environment.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settingsSchema, type Settings } from '../../schemas/settings.ts';

export const SETTINGS_FILE = 'site.config.json';

/** Environment variables that override a setting, for a deployment such as GitHub Pages. */
export const SETTINGS_ENVIRONMENT = {
  baseUrl: 'SITE_BASE_URL',
  pathPrefix: 'SITE_PATH_PREFIX',
  repository: 'SITE_REPOSITORY',
} as const;

export class SettingsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SettingsError';
  }
}

/**
 * Reads `site.config.json` from `root`, applies the overrides of `environment` and `overrides`
 * (in that order) and validates the result.
 * Throws a SettingsError naming the file and each invalid field.
 */
export function loadSettings(
  root: string,
  overrides: Partial<Settings> = {},
  environment: NodeJS.ProcessEnv = process.env,
): Settings {
  const file = path.join(root, SETTINGS_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SettingsError(`${SETTINGS_FILE}: cannot read the site settings: ${(error as Error).message}`, { cause: error });
  }

  const fromEnvironment: Record<string, string> = {};
  for (const [key, variable] of Object.entries(SETTINGS_ENVIRONMENT)) {
    const value = environment[variable];
    if (value !== undefined && value !== '') fromEnvironment[key] = value;
  }

  const merged = { ...(raw as object), ...fromEnvironment, ...overrides };
  const result = settingsSchema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new SettingsError(`${SETTINGS_FILE}: invalid site settings:\n${lines.join('\n')}`);
  }
  return result.data;
}
