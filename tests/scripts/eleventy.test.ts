// The build script: bundles of the configuration made once and reused while their sources are
// unchanged, and its errors. Each test builds a copy of the project, so that it has a bundle
// folder of its own and can edit a source file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, chmod, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../support/builtSite.ts';

const FIXTURE = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'site', 'small');

/** The files of the project that a build reads, which are copied. node_modules is linked package by package instead. */
const COPIED = ['scripts', 'src', 'schemas', '.eleventy.ts', 'site.config.json', 'package.json', 'tsconfig.json'];

/** Makes a copy of the project in a new temporary folder and returns its path. */
async function copyProject(): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'reading-lists-launcher-'));
  for (const name of COPIED) await cp(path.join(PROJECT_ROOT, name), path.join(copy, name), { recursive: true });
  // A folder of its own with a link per package, so that the bundle cache under
  // node_modules/.cache is the copy's and not the project's.
  await mkdir(path.join(copy, 'node_modules'));
  for (const name of await readdir(path.join(PROJECT_ROOT, 'node_modules'))) {
    if (name === '.cache') continue;
    await symlink(path.join(PROJECT_ROOT, 'node_modules', name), path.join(copy, 'node_modules', name));
  }
  return copy;
}

/**
 * Runs the copy's build script into `<copy>/<output>` and returns its exit code and output.
 * With NODE_DEBUG, the configuration prints whether it used the worker's catalog.
 */
function build(copy: string, output: string, extra: string[] = [], environment: NodeJS.ProcessEnv = {}): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(copy, 'scripts', 'eleventy.mjs'), `--output=${path.join(copy, output)}`, '--quiet', ...extra], {
    cwd: copy,
    env: { ...process.env, SITE_CONTENT_DIR: FIXTURE, NODE_DEBUG: 'reading-lists', ...environment },
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr };
}

/** Returns the copy's bundle folder. */
function cacheFolder(copy: string): string {
  return path.join(copy, 'node_modules', '.cache', 'reading-lists');
}

/** Reads the one manifest of `folder` and returns its path and content. */
async function readManifest(folder: string): Promise<{ file: string; manifest: Manifest }> {
  const names = (await readdir(folder)).filter((name) => name.includes('manifest'));
  assert.equal(names.length, 1, `manifests in ${folder}: ${names.join(', ')}`);
  const file = path.join(folder, names[0]!);
  return { file, manifest: JSON.parse(await readFile(file, 'utf8')) as Manifest };
}

interface Manifest {
  key: string;
  inputs: Record<string, string | null>;
  bundles: Record<string, { file: string; sha256: string }>;
}

/** Lists the bundle folder's bundles, and the inode of each manifest, which a rewrite changes. */
async function bundleFolder(copy: string): Promise<{ bundles: string[]; manifests: Map<string, number> }> {
  const folder = cacheFolder(copy);
  const names = (await readdir(folder)).sort();
  const manifests = new Map<string, number>();
  for (const name of names.filter((file) => file.includes('manifest'))) manifests.set(name, (await stat(path.join(folder, name))).ino);
  return { bundles: names.filter((name) => name.endsWith('.mjs')), manifests };
}

describe('scripts/eleventy.mjs', () => {
  let copy: string;

  before(async () => {
    copy = await copyProject();
  });

  after(async () => {
    await rm(copy, { recursive: true, force: true });
  });

  it('reuses its bundles until a source changes', async () => {
    const first = build(copy, 'first');
    assert.equal(first.status, 0, first.stderr);
    const firstFolder = await bundleFolder(copy);
    assert.equal(firstFolder.manifests.size, 1);
    assert.equal(firstFolder.bundles.filter((name) => name.includes('-config-')).length, 1);
    assert.equal(firstFolder.bundles.filter((name) => name.includes('-catalogWorker-')).length, 1);

    const second = build(copy, 'second');
    assert.equal(second.status, 0, second.stderr);
    assert.deepEqual(await bundleFolder(copy), firstFolder);

    // A statement that esbuild keeps, unlike a comment, in a module that the browser scripts do
    // not import, so that no page changes.
    await appendFile(path.join(copy, 'src', 'site', 'sourceCredit.ts'), '\n(globalThis as Record<string, unknown>).launcherTestEdit = true;\n');
    const third = build(copy, 'third');
    assert.equal(third.status, 0, third.stderr);
    const thirdFolder = await bundleFolder(copy);
    const config = (bundles: string[]) => bundles.filter((name) => name.includes('-config-'));
    assert.equal(config(thirdFolder.bundles).length, 2);
    assert.notDeepEqual(thirdFolder.manifests, firstFolder.manifests);

    for (const page of ['index.html', 'sitemap.xml', 'entries.json']) {
      assert.equal(await readFile(path.join(copy, 'third', page), 'utf8'), await readFile(path.join(copy, 'first', page), 'utf8'), page);
    }
  });

  it('builds with the catalog its worker loaded', async () => {
    const result = build(copy, 'preloaded');

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /using the catalog loaded by the build script's worker/);
  });

  it('loads content with errors again for the report', async () => {
    const content = await mkdtemp(path.join(tmpdir(), 'reading-lists-launcher-content-'));
    try {
      await cp(FIXTURE, content, { recursive: true });
      await writeFile(path.join(content, 'deep-learning-basics', 'bad-entry.md'), '---\ntitle: A bad entry\ncategory: no-such-section\n---\n');

      const result = build(copy, 'invalid', [], { SITE_CONTENT_DIR: content });

      assert.equal(result.status, 1);
      assert.match(result.stderr, /sent no catalog, so it is loaded again/);
      assert.match(result.stderr, /bad-entry\.md:3:11 +error +category: unknown section "no-such-section"/);
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  });

  it('records the settings files as inputs', async () => {
    const { manifest } = await readManifest(cacheFolder(copy));

    assert.equal(typeof manifest.inputs[path.join(copy, 'tsconfig.json')], 'string');
    assert.equal(typeof manifest.inputs[path.join(copy, '.eleventy.ts')], 'string');
  });

  it('remakes a cut bundle', async () => {
    const { manifest } = await readManifest(cacheFolder(copy));
    const bundle = path.join(cacheFolder(copy), manifest.bundles.config!.file);
    await truncate(bundle, 0);

    const result = build(copy, 'after-cut');

    assert.equal(result.status, 0, result.stderr);
    assert.ok((await stat(bundle)).size > 0);
    assert.equal(await readFile(path.join(copy, 'after-cut', 'index.html'), 'utf8'), await readFile(path.join(copy, 'first', 'index.html'), 'utf8'));
  });

  it('remakes bundles for a malformed manifest', async () => {
    for (const inputs of [null, {}, []]) {
      const { file, manifest } = await readManifest(cacheFolder(copy));
      await writeFile(file, JSON.stringify({ ...manifest, inputs }));

      const result = build(copy, 'after-malformed');

      assert.equal(result.status, 0, `inputs ${JSON.stringify(inputs)}: ${result.stderr}`);
      const rewritten = await readManifest(cacheFolder(copy));
      assert.equal(typeof rewritten.manifest.inputs[path.join(copy, '.eleventy.ts')], 'string', `inputs ${JSON.stringify(inputs)}`);
    }
  });

  it('falls back to a private folder only', async () => {
    const cache = path.join(copy, 'node_modules', '.cache');
    const temporary = await mkdtemp(path.join(tmpdir(), 'reading-lists-launcher-tmp-'));
    await rename(cache, `${cache}.aside`);
    try {
      // A file where the cache folder goes, so that it cannot be created.
      await writeFile(cache, '');
      const fallback = path.join(temporary, `reading-lists-config-${userInfo().uid}`);

      const first = build(copy, 'fallback', [], { TMPDIR: temporary });
      assert.equal(first.status, 0, first.stderr);
      assert.equal((await stat(fallback)).mode & 0o777, 0o700);

      // Another user could write to the folder now, so a bundle planted there, with a manifest that
      // matches it, must not run, and no bundle may be written there.
      await chmod(fallback, 0o777);
      const marker = path.join(temporary, 'planted-bundle-ran');
      const { file, manifest } = await readManifest(fallback);
      const planted = `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, '');\nexport default function configure() {}\n`;
      await writeFile(path.join(fallback, manifest.bundles.config!.file), planted);
      manifest.bundles.config!.sha256 = createHash('sha256').update(planted).digest('hex');
      await writeFile(file, JSON.stringify(manifest));

      const second = build(copy, 'not-planted', [], { TMPDIR: temporary });

      assert.equal(second.status, 1);
      assert.match(second.stderr, /is not a folder of this user that only this user can write to.*Fix: .*delete .*reading-lists-config-/s);
      assert.equal(existsSync(marker), false);
    } finally {
      await rm(cache, { force: true });
      await rename(`${cache}.aside`, cache);
      await rm(temporary, { recursive: true, force: true });
    }
  });

  it('names the file and line of a syntax error in a source file', async () => {
    const source = path.join(copy, 'src', 'site', 'urls.ts');
    const text = await readFile(source, 'utf8');
    await appendFile(source, '\nexport const broken = ;\n');
    try {
      const result = build(copy, 'broken');

      assert.equal(result.status, 1);
      assert.match(result.stderr, /failed to bundle the site configuration/);
      assert.match(result.stderr, new RegExp(`src/site/urls\\.ts:${text.split('\n').length + 1}:`));
    } finally {
      await cp(path.join(PROJECT_ROOT, 'src', 'site', 'urls.ts'), source);
    }
  });

  it('rejects --config with a fix', () => {
    const result = build(copy, 'refused', ['--config=other.js']);

    assert.equal(result.status, 1);
    assert.match(result.stderr, /--config is not accepted.*Fix: remove --config/);
  });

  it('rejects JSON output with a fix', () => {
    for (const option of [['--to=json'], ['--to', 'ndjson']]) {
      const result = build(copy, 'refused', option);

      assert.equal(result.status, 1, option.join(' '));
      assert.match(result.stderr, /--to is not accepted.*Fix: build to files/, option.join(' '));
    }
  });

  it('rejects --input and --formats with a fix', () => {
    for (const option of ['--input=/tmp', '--formats=md']) {
      const result = build(copy, 'refused', [option]);

      assert.equal(result.status, 1, option);
      assert.match(result.stderr, /is not accepted: .*Fix: /, option);
    }
  });

  it('rejects another working folder', () => {
    const result = spawnSync(process.execPath, [path.join(copy, 'scripts', 'eleventy.mjs'), `--output=${path.join(copy, 'elsewhere')}`], { cwd: tmpdir(), encoding: 'utf8' });

    assert.equal(result.status, 1);
    assert.match(result.stderr, /the build must run in the project folder .*Fix: cd /);
  });

  it('rejects --pathprefix with a fix', () => {
    const result = build(copy, 'refused', ['--pathprefix=/lists/']);

    assert.equal(result.status, 1);
    assert.match(result.stderr, /--pathprefix is not accepted.*Fix: set SITE_PATH_PREFIX/);
  });
});
