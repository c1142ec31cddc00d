import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, link, mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { EleventyConfig } from '../../src/site/eleventyConfig.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  assertSafeOutputFolder,
  cleanOutputFolder,
  markBuildStart,
  OUTPUT_LOCK,
  OUTPUT_MARKER,
  pruneOutputFolder,
  removeStaleFiles,
  prepareOldOutput,
  prepareOldOutputInWorker,
  UnsafeOutputFolderError,
  type OldOutput,
} from '../../src/site/outputFolder.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';
import { VALID_CONTENT } from '../support/contentFixture.ts';

const folders: string[] = [];

/** Creates a project root with content/, src/ and a _site/ that an earlier build wrote, holding one old page. */
async function makeProject(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'output-folder-'));
  folders.push(root);
  await mkdir(path.join(root, 'content/list'), { recursive: true });
  await writeFile(path.join(root, 'content/list/_list.md'), 'keep');
  await mkdir(path.join(root, 'src'), { recursive: true });
  await mkdir(path.join(root, '_site/list/old-entry'), { recursive: true });
  await writeFile(path.join(root, '_site/list/old-entry/index.html'), 'old');
  await writeFile(path.join(root, '_site/index.html'), 'home');
  await writeFile(path.join(root, '_site', OUTPUT_MARKER), 'an earlier build');
  return root;
}

/** Lists the top of _site without the lock that this test process, as a build, keeps until it exits. */
async function siteFiles(root: string): Promise<string[]> {
  return (await readdir(path.join(root, '_site'))).filter((name) => name !== OUTPUT_LOCK).sort();
}

/**
 * Creates a file that contains "keep" in a new folder outside any project, for links that a
 * build must not write through, and returns its path.
 */
async function fileOutside(): Promise<string> {
  const outside = await mkdtemp(path.join(tmpdir(), 'output-folder-outside-'));
  folders.push(outside);
  const victim = path.join(outside, 'victim.txt');
  await writeFile(victim, 'keep');
  return victim;
}

/** A build start after every file's change time, so that a prune that was not rejected would delete everything. */
const FUTURE = BigInt(Date.now() + 3_600_000) * 1_000_000n;

/** Lists the files that makeProject put in _site, as prepareOldOutput would, without its safety check. */
function everyOldFile(root: string): OldOutput {
  return { removed: [], files: [path.join(root, '_site/index.html'), path.join(root, '_site/list/old-entry/index.html')], emptyFolders: [] };
}

function guardFor(root: string, configuredOutput: string) {
  return { root, configuredOutput, protectedFolders: ['content', 'src'] };
}

/** A stand-in for Eleventy's config that records the event listeners, to call them by hand. */
function fakeConfig(output: string) {
  const listeners = new Map<string, ((event: unknown) => unknown)[]>();
  const config = {
    directories: { input: 'src/site', output },
    addWatchTarget() {},
    on(event: string, listener: (event: never) => unknown) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as (event: unknown) => unknown]);
    },
  } as unknown as EleventyConfig;
  const emit = async (event: string, argument: unknown) => {
    for (const listener of listeners.get(event) ?? []) await listener(argument);
  };
  return { config, emit };
}

describe('output folder', () => {
  after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  it('prunes the files a build did not write', async () => {
    const root = await makeProject();
    await mkdir(path.join(root, '_site/old-list/old-section'), { recursive: true });
    await writeFile(path.join(root, '_site/old-list/old-section/index.html'), 'old');
    await writeFile(path.join(root, '_site/style.css'), 'old');
    const old = prepareOldOutput('_site', guardFor(root, '_site'));
    // The file system's clock ticks every few milliseconds: the files above must be older than the mark.
    await sleep(20);

    const since = markBuildStart('_site', guardFor(root, '_site'));
    await writeFile(path.join(root, '_site/index.html'), 'new home');
    await mkdir(path.join(root, '_site/list/new-entry'), { recursive: true });
    await writeFile(path.join(root, '_site/list/new-entry/index.html'), 'new');
    // A passthrough copy keeps the source's modification time, but its change time is new.
    await writeFile(path.join(root, '_site/style.css'), 'copied');
    await utimes(path.join(root, '_site/style.css'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    const removed = pruneOutputFolder('_site', since, guardFor(root, '_site'), old);

    assert.deepEqual(removed.sort(), [path.join(root, '_site/list/old-entry/index.html'), path.join(root, '_site/old-list/old-section/index.html')]);
    assert.deepEqual(await siteFiles(root), [OUTPUT_MARKER, 'index.html', 'list', 'style.css']);
    assert.deepEqual(await readdir(path.join(root, '_site/list')), ['new-entry']);
    assert.ok(existsSync(path.join(root, 'content/list/_list.md')));
  });

  it('prunes only the listed old files', async () => {
    const root = await makeProject();
    await mkdir(path.join(root, '_site/old-list/old-section'), { recursive: true });
    await writeFile(path.join(root, '_site/old-list/old-section/index.html'), 'old');
    await mkdir(path.join(root, '_site/empty'));
    const old = prepareOldOutput('_site', guardFor(root, '_site'));
    await sleep(20);

    const since = markBuildStart('_site', guardFor(root, '_site'));
    await writeFile(path.join(root, '_site/index.html'), 'new home');
    await writeFile(path.join(root, '_site/unlisted.html'), 'written after the listing');
    const removed = pruneOutputFolder('_site', since, guardFor(root, '_site'), old);

    assert.deepEqual(removed.sort(), [path.join(root, '_site/list/old-entry/index.html'), path.join(root, '_site/old-list/old-section/index.html')]);
    assert.deepEqual(await siteFiles(root), [OUTPUT_MARKER, 'index.html', 'unlisted.html']);
  });

  it('removes links, hard links and read-only files', async () => {
    const root = await makeProject();
    const victim = await fileOutside();
    const outside = path.dirname(victim);
    await mkdir(path.join(outside, 'keywords'));
    await symlink(victim, path.join(root, '_site/list/linked.html'));
    await symlink(path.join(outside, 'keywords'), path.join(root, '_site/keywords'));
    await link(path.join(root, '_site/index.html'), path.join(outside, 'backup.html'));
    await writeFile(path.join(root, '_site/list/read-only.html'), 'old');
    await chmod(path.join(root, '_site/list/read-only.html'), 0o444);

    const { removed } = prepareOldOutput('_site', guardFor(root, '_site'));

    const site = (name: string) => path.join(root, '_site', name);
    assert.deepEqual(removed.sort(), [site('index.html'), site('keywords'), site('list/linked.html'), site('list/read-only.html')]);
    assert.equal(await readFile(site('list/old-entry/index.html'), 'utf8'), 'old');
    assert.equal(await readFile(victim, 'utf8'), 'keep');
    assert.equal(await readFile(path.join(outside, 'backup.html'), 'utf8'), 'home');
    assert.deepEqual(await readdir(path.join(outside, 'keywords')), []);
  });

  it('removes a named pipe', async () => {
    const root = await makeProject();
    execFileSync('mkfifo', [path.join(root, '_site/robots.txt')]);

    const { removed, files } = prepareOldOutput('_site', guardFor(root, '_site'));

    assert.deepEqual(removed, [path.join(root, '_site/robots.txt')]);
    assert.ok(!files.includes(path.join(root, '_site/robots.txt')));
    assert.ok(!existsSync(path.join(root, '_site/robots.txt')));
  });

  it('worker listing matches the sync listing', async () => {
    const root = await makeProject();
    const victim = await fileOutside();
    await symlink(victim, path.join(root, '_site/list/linked.html'));
    await writeFile(path.join(root, '_site/list/read-only.html'), 'old');
    await chmod(path.join(root, '_site/list/read-only.html'), 0o444);
    await mkdir(path.join(root, '_site/empty'));

    const old = await prepareOldOutputInWorker('_site', guardFor(root, '_site'));

    const site = (name: string) => path.join(root, '_site', name);
    assert.deepEqual(old.removed.sort(), [site('list/linked.html'), site('list/read-only.html')]);
    assert.deepEqual(old.files.sort(), [site(OUTPUT_MARKER), site('index.html'), site('list/old-entry/index.html')]);
    assert.deepEqual(old.emptyFolders, [site('empty')]);
    assert.equal(await readFile(victim, 'utf8'), 'keep');
  });

  it('worker listing rejects an unsafe folder', async () => {
    const root = await makeProject();
    await assert.rejects(prepareOldOutputInWorker('content', guardFor(root, 'content')), UnsafeOutputFolderError);
    assert.ok(existsSync(path.join(root, 'content/list/_list.md')));
  });

  it('removes links before the build writes', async () => {
    const root = await makeProject();
    const victim = await fileOutside();
    await symlink(victim, path.join(root, '_site/style.css'));
    const { config, emit } = fakeConfig(path.join(root, '_site'));
    cleanOutputFolder(config, root, ['content', 'src']).registerPrune();
    const directories = { input: path.join(root, 'src'), output: path.join(root, '_site') };

    // Once eleventy.before has finished, the build may write: the link must be gone by then.
    await emit('eleventy.before', { directories, outputMode: 'fs', runMode: 'build', incremental: false });
    assert.ok(!existsSync(path.join(root, '_site/style.css')), 'the link is deleted');
    await writeFile(path.join(root, '_site/style.css'), 'new');
    await emit('eleventy.after', { directories, outputMode: 'fs', results: [] });

    assert.equal(await readFile(victim, 'utf8'), 'keep');
    assert.equal(await readFile(path.join(root, '_site/style.css'), 'utf8'), 'new');
  });

  const unsafe: Array<[string, string, string]> = [
    ['the project root', '.', 'it is the project root or contains it'],
    ['a folder above the root', '..', 'it is the project root or contains it'],
    ['the content folder', 'content', 'it is, contains or is inside content'],
    ['a folder inside content', 'content/list', 'it is, contains or is inside content'],
    ['the source folder', 'src', 'it is, contains or is inside src'],
  ];
  for (const [name, folder, reason] of unsafe) {
    it(`rejects ${name}`, async () => {
      const root = await makeProject();
      const target = path.resolve(root, folder);

      assert.throws(() => pruneOutputFolder(folder, FUTURE, guardFor(root, folder), everyOldFile(root)), (error: Error) => {
        assert.ok(error instanceof UnsafeOutputFolderError);
        assert.equal(error.message, `will not delete files in ${target}, because ${reason}. Fix: set the output folder (--output or SITE_OUTPUT_DIR) to a new or empty folder of its own, such as _site`);
        return true;
      });
      assert.ok(existsSync(path.join(root, 'content/list/_list.md')));
      assert.ok(existsSync(path.join(root, '_site/index.html')));
    });
  }

  it('rejects a link to the source folder', async () => {
    const root = await makeProject();
    await writeFile(path.join(root, 'src/keep.ts'), 'keep');
    await symlink(path.join(root, 'src'), path.join(root, 'out-link'));

    assert.throws(() => markBuildStart('out-link', guardFor(root, 'out-link')), /it is, contains or is inside src/);
    assert.ok(existsSync(path.join(root, 'src/keep.ts')));
  });

  it('rejects a folder under a link to content', async () => {
    const root = await makeProject();
    await symlink(path.join(root, 'content'), path.join(root, 'linked-content'));

    assert.throws(() => assertSafeOutputFolder('linked-content/out', guardFor(root, 'linked-content/out')), /it is, contains or is inside content/);
  });

  it('rejects a folder not the output', async () => {
    const root = await makeProject();
    assert.throws(() => assertSafeOutputFolder('public', guardFor(root, '_site')), /it is not the configured output folder/);
  });

  it('rejects a folder no build wrote', async () => {
    const root = await makeProject();
    await mkdir(path.join(root, 'notes'));
    await writeFile(path.join(root, 'notes/todo.md'), 'keep');

    assert.throws(() => markBuildStart('notes', guardFor(root, 'notes')), /it has files that no build of this site wrote \(it has no \.reading-lists-output file\)/);
    assert.ok(existsSync(path.join(root, 'notes/todo.md')));
  });

  it('takes a new, empty or earlier output folder', async () => {
    const root = await makeProject();
    await mkdir(path.join(root, 'empty'));
    await mkdir(path.join(root, 'earlier/assets/search'), { recursive: true });
    await writeFile(path.join(root, 'earlier/assets/search/index-2.json'), '{}');
    await writeFile(path.join(root, 'earlier/index.html'), 'old');

    for (const folder of ['new', 'empty', 'earlier', '_site']) {
      markBuildStart(folder, guardFor(root, folder));
      assert.ok(existsSync(path.join(root, folder, OUTPUT_MARKER)), folder);
    }
  });

  it('rejects a folder another build writes to', async () => {
    const root = await makeProject();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(path.join(root, '_site', OUTPUT_LOCK), String(other.pid));

      assert.throws(() => markBuildStart('_site', guardFor(root, '_site')), new RegExp(`another build \\(process ${other.pid}\\) is writing to it`));
    } finally {
      other.kill();
    }
  });

  it('takes over the lock of an ended build', async () => {
    const root = await makeProject();
    const ended = spawnSync(process.execPath, ['-e', '']);
    await writeFile(path.join(root, '_site', OUTPUT_LOCK), String(ended.pid));

    markBuildStart('_site', guardFor(root, '_site'));

    assert.equal(await readFile(path.join(root, '_site', OUTPUT_LOCK), 'utf8'), String(process.pid));
  });

  it('rejects a folder with package.json', async () => {
    const root = await makeProject();
    await writeFile(path.join(root, '_site/package.json'), '{}');
    assert.throws(() => markBuildStart('_site', guardFor(root, '_site')), /it contains a package.json or \.git/);
    assert.throws(() => pruneOutputFolder('_site', FUTURE, guardFor(root, '_site'), everyOldFile(root)), /it contains a package.json or \.git/);
    assert.ok(existsSync(path.join(root, '_site/index.html')));
  });

  it('removes only stale files inside output', async () => {
    const root = await makeProject();
    const previous = new Set(['_site/index.html', '_site/list/old-entry/index.html', 'content/list/_list.md']);
    const current = new Set(['_site/index.html']);

    const removed = await removeStaleFiles(previous, current, '_site', guardFor(root, '_site'));

    assert.deepEqual(removed, [path.join(root, '_site/list/old-entry/index.html')]);
    assert.ok(existsSync(path.join(root, '_site/index.html')));
    assert.ok(existsSync(path.join(root, 'content/list/_list.md')));
  });

  it('prunes after the first build only', async () => {
    const root = await makeProject();
    const { config, emit } = fakeConfig(path.join(root, '_site'));
    cleanOutputFolder(config, root, ['content', 'src']).registerPrune();
    const directories = { input: path.join(root, 'src'), output: path.join(root, '_site') };
    const page = (name: string) => path.join(root, '_site', name, 'index.html');
    await sleep(20);

    // The first build writes two entry pages and keeps the old page until it has finished.
    await emit('eleventy.before', { directories, outputMode: 'fs', runMode: 'serve', incremental: false });
    assert.ok(existsSync(path.join(root, '_site/list/old-entry/index.html')), 'the old page stays while the build runs');
    for (const name of ['one', 'two']) {
      await mkdir(path.dirname(page(name)), { recursive: true });
      await writeFile(page(name), name);
    }
    await emit('eleventy.after', { directories, outputMode: 'fs', results: [{ outputPath: page('one') }, { outputPath: page('two') }] });
    assert.deepEqual(await siteFiles(root), [OUTPUT_MARKER, 'one', 'two'], 'the first build prunes what it did not write');

    // A rebuild after the entry "two" was deleted removes its page.
    await emit('eleventy.before', { directories, outputMode: 'fs', runMode: 'serve', incremental: false });
    await emit('eleventy.after', { directories, outputMode: 'fs', results: [{ outputPath: page('one') }] });
    assert.ok(existsSync(page('one')));
    assert.ok(!existsSync(page('two')), 'the page of the deleted entry is removed');
  });

  it('build removes an old page', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'output-folder-build-'));
    folders.push(output);
    await mkdir(path.join(output, 'deleted-list/deleted-entry'), { recursive: true });
    await writeFile(path.join(output, 'deleted-list/deleted-entry/index.html'), 'old');
    await writeFile(path.join(output, OUTPUT_MARKER), 'an earlier build');

    const log = await runEleventy(['--output', output, '--quiet'], { SITE_CONTENT_DIR: VALID_CONTENT });

    assert.ok(!existsSync(path.join(output, 'deleted-list')), log);
    assert.ok(existsSync(path.join(output, 'training-basics/index.html')), log);
  });

  it('watch removes a deleted entry page', async () => {
    const content = await mkdtemp(path.join(tmpdir(), 'output-folder-content-'));
    const output = await mkdtemp(path.join(tmpdir(), 'output-folder-watch-'));
    folders.push(content, output);
    await cp(VALID_CONTENT, content, { recursive: true });
    const page = path.join(output, 'training-basics/gradient-noise/index.html');

    const child = startEleventy(['--output', output, '--watch'], { SITE_CONTENT_DIR: content });
    try {
      await waitFor(() => existsSync(page) && child.log.includes('Watching'), 'the first build', child);
      await rm(path.join(content, 'training-basics/gradient-noise.md'));
      await waitFor(() => !existsSync(page), 'the page of the deleted entry to be removed', child);
      assert.ok(existsSync(path.join(output, 'training-basics/batch-normalization/index.html')));
    } finally {
      child.process.kill('SIGTERM');
    }
  });
});

function eleventyArguments(extra: readonly string[]): string[] {
  return ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts', ...extra];
}

function startEleventy(extra: readonly string[], environment: Record<string, string>): { process: ChildProcess; log: string } {
  const child = spawn(process.execPath, eleventyArguments(extra), { cwd: PROJECT_ROOT, env: { ...process.env, ...environment }, stdio: ['ignore', 'pipe', 'pipe'] });
  const handle = { process: child, log: '' };
  child.stdout!.on('data', (chunk: Buffer) => (handle.log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (handle.log += chunk.toString()));
  return handle;
}

function runEleventy(extra: readonly string[], environment: Record<string, string>): Promise<string> {
  const handle = startEleventy(extra, environment);
  return new Promise((resolve, reject) => {
    handle.process.on('close', (code) => (code === 0 ? resolve(handle.log) : reject(new Error(`eleventy exited with ${code}:\n${handle.log}`))));
  });
}

async function waitFor(condition: () => boolean, what: string, child: { log: string }, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) assert.fail(`timed out waiting for ${what}:\n${child.log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
