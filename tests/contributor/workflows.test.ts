import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { SETTINGS_ENVIRONMENT } from '../../src/settings/loadSettings.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string>; needs?: string }>;
}

/** Returns the scripts that a shell command runs with `npm run`, `npm test` or `npm start`. */
function npmScripts(command: string): string[] {
  const scripts = [...command.matchAll(/\bnpm run(?:-script)? +([\w:-]+)/g)].map((match) => match[1]!);
  for (const match of command.matchAll(/\bnpm (test|start)\b/g)) scripts.push(match[1]!);
  return scripts;
}

describe('GitHub workflows', () => {
  const workflows = new Map<string, Workflow>();
  let scripts: Record<string, string>;

  before(async () => {
    for (const name of await readdir(WORKFLOWS)) {
      if (!/\.ya?ml$/.test(name)) continue;
      workflows.set(name, parse(await readFile(path.join(WORKFLOWS, name), 'utf8')) as Workflow);
    }
    scripts = (JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  });

  it('run only scripts of package.json', () => {
    assert.ok(workflows.size >= 2, 'the pull request and publish workflows exist');
    for (const [name, workflow] of workflows) {
      for (const [jobName, job] of Object.entries(workflow.jobs)) {
        for (const step of job.steps) {
          for (const script of npmScripts(step.run ?? '')) {
            assert.ok(script in scripts, `${name}, job ${jobName}: "npm run ${script}" is not a script of package.json`);
          }
        }
      }
    }
  });

  it('check pull requests', () => {
    const workflow = workflows.get('pull-request.yml')!;
    const commands = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run ?? '')).join('\n');

    assert.ok('pull_request' in workflow.on);
    for (const script of ['check', 'typecheck', 'test', 'build', 'links']) {
      assert.ok(npmScripts(commands).includes(script), `the pull request workflow runs npm ${script}`);
    }
    assert.match(commands, /npm ci/);
    assert.match(commands, /apt-get install -y(?: -qq)? chromium/);
    assert.match(commands, /git diff -z --name-only --diff-filter=AMR HEAD\^1 HEAD -- 'content\/\*\.md'/);
  });

  it('publish main with its path prefix', () => {
    const workflow = workflows.get('publish.yml')!;
    const push = workflow.on.push as { branches: string[] };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const build = steps.find((step) => npmScripts(step.run ?? '').includes('build'))!;
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))!;

    assert.deepEqual(push.branches, ['main']);
    assert.match(build.run!, /SITE_PATH_PREFIX=/);
    assert.ok(build.env !== undefined);
    assert.ok('SITE_BASE_URL' in build.env);
    assert.equal(upload.with?.path, '_site');
    assert.ok(steps.some((step) => step.uses?.startsWith('actions/deploy-pages@')));
    assert.deepEqual(workflow.jobs.deploy?.permissions, { pages: 'write', 'id-token': 'write' });
  });

  it('use the variables the settings loader reads', async () => {
    const text = await readFile(path.join(WORKFLOWS, 'publish.yml'), 'utf8');
    const known: string[] = Object.values(SETTINGS_ENVIRONMENT);

    for (const variable of text.match(/\bSITE_[A-Z_]+/g) ?? []) {
      assert.ok(known.includes(variable), `loadSettings reads ${variable}`);
    }
  });
});
