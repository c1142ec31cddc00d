import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../src/catalog/loadCatalog.ts';
import { runNew } from '../../src/cli/new.ts';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/new/content', import.meta.url));
const LIST = 'content/deep-learning';

interface RunOptions {
  /** Lines typed at the prompts; the input counts as a terminal when given. */
  answers?: string[];
  environment?: NodeJS.ProcessEnv;
}

/** Runs `new` in `root` and returns its exit status and output. */
async function run(root: string, args: string[], options: RunOptions = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: options.answers !== undefined });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  if (options.answers !== undefined) stdin.end(options.answers.map((line) => `${line}\n`).join(''));

  const environment = options.environment ?? { NEW_ENTRY_DATE: '2026-12-04' };
  const status = await runNew(args, { stdin, stdout, stderr, environment, root });
  return { status, stdout: out, stderr: err };
}

describe('new command', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'new-command-'));
    await cp(FIXTURE, path.join(root, 'content'), { recursive: true });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes a file that passes validation', async () => {
    const { status, stdout, stderr } = await run(root, [
      '--list', 'deep-learning',
      '--section', 'optimization/learning-rate',
      '--title', 'Super-Convergence: Very Fast Training of Neural Networks Using Large Learning Rates',
      '--arxiv', 'https://arxiv.org/pdf/1708.07120v3.pdf',
      '--link', 'code(PyTorch)=https://github.com/example/super-convergence',
      '--keyword', 'learning rate, one-cycle',
      '--intro', 'SPIE 2019',
    ]);
    // The slug is cut at a hyphen before 80 characters.
    const file = `${LIST}/super-convergence-very-fast-training-of-neural-networks-using-large-learning.md`;

    assert.equal(stderr, '');
    assert.equal(status, 0);
    assert.equal(
      stdout,
      `Created ${file}\n  in the section "Learning Rate" (optimization/learning-rate), position 5 of the list "deep-learning".\n` +
        'Next: add notes below the closing "---" if you like, run "npm run check", and open a pull request.\n',
    );
    assert.equal(
      await readFile(path.join(root, file), 'utf8'),
      [
        '---',
        'title: "Super-Convergence: Very Fast Training of Neural Networks Using Large Learning Rates"',
        'category: optimization/learning-rate',
        'order: 5',
        'added: "2026-12-04"',
        'intro:',
        '  - SPIE 2019',
        'keywords:',
        '  - learning rate',
        '  - one-cycle',
        'arxiv: "1708.07120v3"',
        'links:',
        '  - kind: code',
        '    label: PyTorch',
        '    url: https://github.com/example/super-convergence',
        '---',
        '',
      ].join('\n'),
    );

    const { catalog, problems } = await loadCatalog(root);
    assert.deepEqual(problems, []);
    const section = catalog!.lists.find((list) => list.id === 'deep-learning')!.sectionsByPath.get('optimization/learning-rate')!;
    assert.equal(section.entries.at(-1)!.file, file);
  });

  it('takes the date from --date', async () => {
    await run(root, ['--list', 'deep-learning', '--section', 'regularization', '--title', 'Dropout', '--date', '2025-01-02']);

    assert.match(await readFile(path.join(root, LIST, 'dropout.md'), 'utf8'), /^added: "2025-01-02"$/m);
  });

  it('uses today by default', async () => {
    const { status } = await run(root, ['--list', 'deep-learning', '--section', 'regularization', '--title', 'Dropout'], { environment: {} });
    const today = new Date();
    const expected = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;

    assert.equal(status, 0);
    assert.match(await readFile(path.join(root, LIST, 'dropout.md'), 'utf8'), new RegExp(`^added: "${expected}"$`, 'm'));
  });

  it('prints without writing on --dry-run', async () => {
    const { status, stdout } = await run(root, ['--list', 'deep-learning', '--section', 'initialization', '--title', 'Xavier', '--dry-run']);

    assert.equal(status, 0);
    assert.equal(stdout, `${LIST}/xavier.md (not written: --dry-run)\n---\ntitle: Xavier\ncategory: initialization\norder: 1\nadded: "2026-12-04"\n---\n`);
    assert.ok(!(await readdir(path.join(root, LIST))).includes('xavier.md'));
  });

  const rejected: Array<[string, string[], number, string]> = [
    [
      'an unknown list',
      ['--list', 'deep-lerning', '--section', 'optimization', '--title', 'X'],
      1,
      'new: unknown list "deep-lerning". Fix: did you mean "deep-learning"?\n',
    ],
    [
      'an unknown section',
      ['--list', 'deep-learning', '--section', 'regularisation', '--title', 'X'],
      1,
      'new: unknown section "regularisation" in the list "deep-learning". Fix: did you mean "regularization"? Or run "npm run new -- --list deep-learning --sections" to see every section path.\n',
    ],
    [
      'a duplicate arXiv id',
      ['--list', 'deep-learning', '--section', 'optimization', '--title', 'Adam again', '--arxiv', 'arXiv:1412.6980v2'],
      1,
      'new: content/deep-learning/adam.md already has the arXiv id "1412.6980". Fix: edit that entry instead; to list it in a second section, add the section to its "also" field.\n',
    ],
    [
      'a duplicate URL',
      ['--list', 'deep-learning', '--section', 'optimization', '--title', 'Adam again', '--link', 'code=https://github.com/example/adam#readme'],
      1,
      'new: content/deep-learning/adam.md already has the URL https://github.com/example/adam. Fix: edit that entry instead; to list it in a second section, add the section to its "also" field.\n',
    ],
    [
      'a duplicate title',
      ['--list', 'deep-learning', '--section', 'optimization', '--title', 'ADAM - a method for stochastic optimization'],
      1,
      'new: content/deep-learning/adam.md already has the title "Adam: A Method for Stochastic Optimization". Fix: edit that entry instead; to list it in a second section, add the section to its "also" field.\n',
    ],
    [
      'a taken file name',
      ['--list', 'deep-learning', '--section', 'optimization', '--title', 'Very Deep Convolutional Networks for Large-Scale Image Recognition, with Notes on Training: Part Two'],
      1,
      'new: content/deep-learning/very-deep-convolutional-networks-for-large-scale-image-recognition-with-notes.md already exists, and new never overwrites a file. Fix: edit that file, or choose a different title.\n',
    ],
    [
      'missing options outside a terminal',
      ['--list', 'deep-learning'],
      2,
      'new: missing --section, --title. Fix: give the missing options, or run the command in a terminal to be asked for them; "npm run new -- --help" lists every option.\n',
    ],
    ['an unknown option', ['--tittle', 'X'], 2, 'new: unknown option "--tittle". Fix: did you mean "--title"?\n'],
    [
      'an option without its value',
      ['--list', 'deep-learning', '--section'],
      2,
      'new: Option \'--section <value>\' argument missing. Fix: run "npm run new -- --help" to see every option.\n',
    ],
  ];
  for (const [name, args, expectedStatus, expectedError] of rejected) {
    it(`rejects ${name}`, async () => {
      const before = await readdir(path.join(root, LIST));
      const { status, stderr } = await run(root, args);

      assert.equal(stderr, expectedError);
      assert.equal(status, expectedStatus);
      assert.deepEqual(await readdir(path.join(root, LIST)), before, 'no file was written');
    });
  }

  it('rejects when the content is invalid', async () => {
    await writeFile(path.join(root, LIST, 'broken.md'), '---\ntitle: Broken\n---\n');
    const { status, stderr } = await run(root, ['--list', 'deep-learning', '--section', 'optimization', '--title', 'X']);

    assert.equal(status, 1);
    assert.match(stderr, /^content\/deep-learning\/broken\.md:\d+:\d+ {2}error {2}/);
    assert.ok(stderr.endsWith('new: the content has 1 error, so new cannot check the new entry against it. Fix: correct the files above, then run "npm run check" and "npm run new" again.\n'));
  });

  it('rejects a missing content folder', async () => {
    const { status, stderr } = await run(root, ['--content', 'missing', '--list', 'deep-learning', '--section', 'optimization', '--title', 'X']);

    assert.equal(status, 1);
    assert.match(stderr, /^new: cannot read the content folder missing: ENOENT.*\. Fix: run the command in the project folder, or give the content folder with --content\.\n$/);
  });

  it('lists the sections', async () => {
    const { status, stdout } = await run(root, ['--sections', '--list', 'other-list']);

    assert.equal(status, 0);
    assert.equal(stdout, 'other-list: Other List\n  papers  Papers (1 entry)\n');
  });

  describe('in a terminal', () => {
    it('asks for the missing options', async () => {
      const { status, stdout, stderr } = await run(root, [], {
        answers: ['deep-lerning', 'deep-learning', '99', 'learning rate', '', 'Cyclical Learning Rates Revisited', 'not an id', 'https://arxiv.org/abs/1803.09820v2'],
      });

      assert.equal(stderr, '');
      assert.equal(status, 0);
      assert.ok(stdout.includes('There is no list "deep-lerning". Did you mean "deep-learning"?'));
      assert.ok(stdout.includes('Sections of "Deep Learning":\n  1  Optimization  (optimization)\n  2    Learning Rate  (optimization/learning-rate)\n'));
      assert.ok(stdout.includes('There is no section "99". Give a number from the list above or a path.'));
      assert.ok(stdout.includes('The title must not be empty.'));
      assert.ok(stdout.includes('"not an id" is neither an arXiv id nor an arXiv URL.'));
      const text = await readFile(path.join(root, LIST, 'cyclical-learning-rates-revisited.md'), 'utf8');
      assert.match(text, /^category: optimization\/learning-rate$/m);
      assert.match(text, /^arxiv: "1803\.09820v2"$/m);
    });

    it('asks only for what is missing', async () => {
      const { status, stdout } = await run(root, ['--list', 'deep-learning', '--title', 'Xavier'], { answers: ['5', ''] });

      assert.equal(status, 0);
      assert.ok(!stdout.includes('Title: '));
      assert.match(await readFile(path.join(root, LIST, 'xavier.md'), 'utf8'), /^category: initialization$/m);
    });

    it('writes nothing when the input ends', async () => {
      const { status, stderr } = await run(root, ['--list', 'deep-learning'], { answers: ['1'] });

      assert.equal(status, 1);
      assert.equal(stderr, 'new: no entry was written, because the input ended before every question was answered. Fix: run the command again and answer every question, or give --list, --section and --title on the command line.\n');
    });

    it('works through a pseudo-terminal', { skip: spawnSync('script', ['--version']).status !== 0 && 'the script command is not installed' }, () => {
      // `script` runs the command on a pseudo-terminal, so stdin.isTTY is true and readline edits lines.
      const command = `${process.execPath} --import tsx src/cli/new.ts --content ${path.join(root, 'content')} --list deep-learning --section initialization`;
      const result = spawnSync('script', ['-qec', command, '/dev/null'], {
        cwd: PROJECT,
        input: 'Understanding the difficulty of training deep feedforward neural networks\n\n',
        env: { ...process.env, NEW_ENTRY_DATE: '2026-12-04' },
        encoding: 'utf8',
        timeout: 30_000,
      });

      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /Title: /);
      assert.match(result.stdout, /Created \S*content\/deep-learning\/understanding-the-difficulty-of-training-deep-feedforward-neural-networks\.md/);
    });
  });
});
