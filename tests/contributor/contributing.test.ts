import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../src/catalog/loadCatalog.ts';
import type { CatalogSection } from '../../src/catalog/types.ts';
import { runNew } from '../../src/cli/new.ts';
import { nextOrder } from '../../src/new/nextOrder.ts';
import { formatProblem } from '../../src/problems/format.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = path.join(ROOT, 'tests/fixtures/contributor/content');
const GUIDE = await readFile(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');

/** The date in the guide's `new` example. */
const EXAMPLE_DATE = '2026-12-04';

interface Example {
  /** What follows `example:` in the marker: `new`, `written`, `valid <file>` or `<file>`. */
  marker: string;
  /** The fenced blocks after the marker, up to the next marker or heading, without their fences. */
  blocks: string[];
}

/** Reads every `<!-- example: ... -->` marker of the guide with the code blocks that follow it. */
function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const parts = markdown.split(/^[ \t]*<!-- example: (.+?) -->$/m);
  for (let index = 1; index < parts.length; index += 2) {
    const section = parts[index + 1]!.split(/^#/m)[0]!;
    const blocks = [...section.matchAll(/^([ \t]*)```\w*\n([\s\S]*?)^[ \t]*```$/gm)].map((match) => {
      const indent = match[1]!.length;
      return match[2]!.split('\n').map((line) => line.slice(indent)).join('\n');
    });
    found.push({ marker: parts[index]!, blocks });
  }
  return found;
}

/** Splits a shell command into words: double quotes group, a backslash at a line end continues it. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const match of command.replace(/\\\n/g, ' ').matchAll(/"([^"]*)"|(\S+)/g)) words.push(match[1] ?? match[2]!);
  return words;
}

async function freshRoot(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'contributing-'));
  roots.push(root);
  await cp(FIXTURE, path.join(root, 'content'), { recursive: true });
  return root;
}

/** A copy of the shipped content, on which the guide's `new` example must give what it shows. */
async function shippedRoot(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'contributing-shipped-'));
  roots.push(root);
  await cp(path.join(ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  return root;
}

const roots: string[] = [];

describe('CONTRIBUTING.md', () => {
  after(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

  const all = examples(GUIDE);

  it('has examples', () => {
    assert.ok(all.length >= 12, `found ${all.length} examples`);
  });

  it('shows what new prints and writes', async () => {
    const command = all.find((example) => example.marker === 'new')!;
    const written = all.find((example) => example.marker === 'written')!;
    const words = shellWords(command.blocks[0]!.trim());
    assert.deepEqual(words.slice(0, 3), ['npm', 'run', 'new']);
    const root = await shippedRoot();

    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk) => (out += chunk));
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk) => (err += chunk));
    const status = await runNew(words.slice(4), { stdin: new PassThrough(), stdout, stderr, environment: { NEW_ENTRY_DATE: EXAMPLE_DATE }, root });

    assert.equal(err, '');
    assert.equal(status, 0);
    assert.equal(out, command.blocks[1]);
    const file = /^Created (\S+)/.exec(out)![1]!;
    assert.equal(await readFile(path.join(root, file), 'utf8'), written.blocks[0]);
  });

  it('gives order as new counts it', () => {
    const row = GUIDE.split('\n').find((line) => line.startsWith('| `order` |'));
    assert.ok(row, 'the fields table has a row for order');
    const first = nextOrder({ entries: [] } as unknown as CatalogSection);
    assert.match(row, new RegExp(`from ${first}\\b`), `the order row says orders count from ${first}`);
  });

  for (const example of all) {
    const valid = /^valid (\S+)$/.exec(example.marker);
    if (valid !== null) {
      it(`shows a valid ${path.basename(valid[1]!)}`, async () => {
        const root = await freshRoot();
        await writeFile(path.join(root, valid[1]!), example.blocks[0]!);

        const { problems } = await loadCatalog(root, { files: [valid[1]!] });

        assert.deepEqual(problems.map(formatProblem), []);
      });
      continue;
    }
    if (!example.marker.startsWith('content/')) continue;

    const [text, expected] = example.blocks;
    it(`shows the check of ${text!.split('\n').slice(0, 5).join(' ').slice(0, 70)}`, async () => {
      const root = await freshRoot();
      const file = example.marker;
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text!);

      const { problems } = await loadCatalog(root, { files: [file] });

      const message = `CONTRIBUTING.md: the text block under <!-- example: ${file} --> differs from the check's output; copy the actual lines into it`;
      assert.equal(problems.map(formatProblem).join('\n'), expected!.trimEnd(), message);
    });
  }
});
