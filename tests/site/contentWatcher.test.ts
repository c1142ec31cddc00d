// The content watcher of --serve and --watch: which file events start a rebuild, and the trigger
// written again until a build starts.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ContentWatcher, watchContentForRebuilds } from '../../src/site/contentWatcher.ts';
import type { EleventyConfig } from '../../src/site/eleventyConfig.ts';

const folders: string[] = [];
const watchers: ContentWatcher[] = [];

/** Creates a content folder with one list of two entries, and a trigger path beside it. */
async function makeContent(): Promise<{ content: string; trigger: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'content-watcher-'));
  folders.push(root);
  const content = path.join(root, 'content');
  await mkdir(path.join(content, 'list'), { recursive: true });
  await writeFile(path.join(content, 'list/_list.md'), '---\ntitle: List\n---\n');
  await writeFile(path.join(content, 'list/a.md'), '---\ntitle: A\n---\n');
  await writeFile(path.join(content, 'list/b.md'), '---\ntitle: B\n---\n');
  return { content, trigger: path.join(root, 'trigger.txt') };
}

function startWatcher(content: string, trigger: string, options: { retryMs?: number } = {}): { watcher: ContentWatcher; lines: string[] } {
  const lines: string[] = [];
  const watcher = new ContentWatcher(content, trigger, { debounceMs: 20, retryMs: options.retryMs ?? 60_000, log: (line) => lines.push(line) });
  watchers.push(watcher);
  watcher.start();
  return { watcher, lines };
}

/** Waits until `trigger` contains a text that `accept` takes, and returns it. Fails after 10 s. */
async function triggerText(trigger: string, accept: (text: string) => boolean = (text) => text !== ''): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const text = await readFile(trigger, 'utf8').catch(() => '');
    if (accept(text)) return text;
    await sleep(10);
  }
  assert.fail(`${trigger} was not written as expected within 10 s`);
}

describe('ContentWatcher', () => {
  after(async () => {
    for (const watcher of watchers) watcher.close();
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('triggers on an edited entry', async () => {
    const { content, trigger } = await makeContent();
    const { watcher, lines } = startWatcher(content, trigger);

    await writeFile(path.join(content, 'list/a.md'), '---\ntitle: A edited\n---\n');

    assert.match(await triggerText(trigger), /list\/a\.md/);
    assert.equal(watcher.pending, true);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /Content changed: .*list\/a\.md/);
  });

  it('triggers on a deleted entry', async () => {
    const { content, trigger } = await makeContent();
    startWatcher(content, trigger);

    await unlink(path.join(content, 'list/a.md'));

    assert.match(await triggerText(trigger), /list\/a\.md/);
  });

  it('triggers on a deleted list', async () => {
    const { content, trigger } = await makeContent();
    startWatcher(content, trigger);

    await rm(path.join(content, 'list'), { recursive: true });

    assert.match(await triggerText(trigger, (text) => /\blist\b/.test(text)), /\blist\b/);
  });

  it('ignores non-Markdown files', async () => {
    const { content, trigger } = await makeContent();
    startWatcher(content, trigger);

    await writeFile(path.join(content, 'list/notes.txt'), 'not content');
    await unlink(path.join(content, 'list/notes.txt'));
    await sleep(100);
    await writeFile(path.join(content, 'list/b.md'), '---\ntitle: B edited\n---\n');

    const text = await triggerText(trigger);
    assert.match(text, /list\/b\.md/);
    assert.doesNotMatch(text, /notes\.txt/);
  });

  it('watches a new list folder', async () => {
    const { content, trigger } = await makeContent();
    startWatcher(content, trigger);

    await mkdir(path.join(content, 'new-list'));
    assert.match(await triggerText(trigger), /new-list/);
    await writeFile(path.join(content, 'new-list/c.md'), '---\ntitle: C\n---\n');

    assert.match(await triggerText(trigger, (text) => text.includes('new-list/c.md')), /new-list\/c\.md/);
  });

  it('watches a list folder made again', async () => {
    const { content, trigger } = await makeContent();
    startWatcher(content, trigger);

    await rm(path.join(content, 'list'), { recursive: true });
    await mkdir(path.join(content, 'list'));
    assert.match(await triggerText(trigger), /list/);
    await writeFile(path.join(content, 'list/d.md'), '---\ntitle: D\n---\n');

    assert.match(await triggerText(trigger, (text) => text.includes('list/d.md')), /list\/d\.md/);
  });

  it('repeats the trigger until a build starts', async () => {
    const { content, trigger } = await makeContent();
    const { watcher } = startWatcher(content, trigger, { retryMs: 30 });

    await writeFile(path.join(content, 'list/a.md'), '---\ntitle: A edited\n---\n');
    const first = await triggerText(trigger);
    const second = await triggerText(trigger, (text) => text !== '' && text !== first);
    watcher.buildStarted();

    assert.match(second, /list\/a\.md/);
    assert.equal(watcher.pending, false);
  });
});

describe('watchContentForRebuilds', () => {
  /** Creates a stand-in for Eleventy's configuration that records watch targets and event listeners. */
  function fakeConfig() {
    const targets: string[] = [];
    const listeners = new Map<string, ((event?: unknown) => unknown)[]>();
    const config = {
      addWatchTarget: (target: string) => targets.push(target),
      on(event: string, listener: (event?: unknown) => unknown) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      },
    } as unknown as EleventyConfig;
    const emit = (event: string) => listeners.get(event)?.forEach((listener) => listener({}));
    return { config, targets, emit };
  }

  async function withRunMode<T>(runMode: string | undefined, run: () => Promise<T>): Promise<T> {
    const saved = process.env.ELEVENTY_RUN_MODE;
    if (runMode === undefined) delete process.env.ELEVENTY_RUN_MODE;
    else process.env.ELEVENTY_RUN_MODE = runMode;
    try {
      return await run();
    } finally {
      if (saved === undefined) delete process.env.ELEVENTY_RUN_MODE;
      else process.env.ELEVENTY_RUN_MODE = saved;
    }
  }

  it('registers nothing for a build', async () => {
    const { config, targets } = fakeConfig();

    await withRunMode('build', async () => watchContentForRebuilds(config, tmpdir(), 'content'));

    assert.deepEqual(targets, []);
  });

  it('triggers a rebuild under --watch', async () => {
    const { content } = await makeContent();
    const { config, targets, emit } = fakeConfig();

    await withRunMode('watch', async () => watchContentForRebuilds(config, path.dirname(content), 'content'));
    const trigger = targets[0]!;
    // The trigger exists before Eleventy's watcher starts, so that chokidar watches the file itself.
    assert.equal(existsSync(trigger), true);
    emit('eleventy.before');
    await writeFile(path.join(content, 'list/a.md'), '---\ntitle: A edited\n---\n');

    assert.match(await triggerText(trigger), /list\/a\.md/);
    emit('eleventy.before');
  });
});
