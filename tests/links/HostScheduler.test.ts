import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { HostScheduler } from '../../src/links/HostScheduler.ts';

/** Runs `count` tasks per host and records, per host, when each started and ended. */
async function runTasks(scheduler: HostScheduler, hosts: string[], count: number, taskMs: number) {
  const started = Date.now();
  const log: Array<{ host: string; start: number; end: number }> = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const tasks = hosts.flatMap((host) =>
    Array.from({ length: count }, () =>
      scheduler.schedule(host, async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const start = Date.now() - started;
        await sleep(taskMs);
        inFlight -= 1;
        log.push({ host, start, end: Date.now() - started });
      }),
    ),
  );
  await Promise.all(tasks);
  return { log, maxInFlight };
}

describe('HostScheduler', () => {
  it('runs one task at a time per host', async () => {
    const { maxInFlight } = await runTasks(new HostScheduler({ maxConcurrency: 8, hostDelayMs: 0 }), ['a'], 5, 10);

    assert.equal(maxInFlight, 1);
  });

  it('waits the host delay between tasks', async () => {
    const { log } = await runTasks(new HostScheduler({ maxConcurrency: 8, hostDelayMs: 40 }), ['a'], 4, 5);

    for (let index = 1; index < log.length; index += 1) {
      const gap = log[index]!.start - log[index - 1]!.end;
      assert.ok(gap >= 35, `gap ${gap} ms between task ${index - 1} and ${index}`);
    }
  });

  it('runs different hosts in parallel', async () => {
    const { maxInFlight } = await runTasks(new HostScheduler({ maxConcurrency: 8, hostDelayMs: 0 }), ['a', 'b', 'c'], 3, 20);

    assert.equal(maxInFlight, 3);
  });

  it('keeps to the global limit', async () => {
    const hosts = ['a', 'b', 'c', 'd', 'e', 'f'];
    const { maxInFlight, log } = await runTasks(new HostScheduler({ maxConcurrency: 2, hostDelayMs: 0 }), hosts, 2, 10);

    assert.equal(maxInFlight, 2);
    assert.equal(log.length, 12);
  });

  it('continues after a failed task', async () => {
    const scheduler = new HostScheduler({ maxConcurrency: 1, hostDelayMs: 0 });
    const failing = scheduler.schedule('a', async () => {
      throw new Error('boom');
    });
    const next = scheduler.schedule('a', async () => 'done');

    await assert.rejects(failing, /boom/);
    assert.equal(await next, 'done');
  });

  it('rejects a concurrency below 1', () => {
    assert.throws(() => new HostScheduler({ maxConcurrency: 0, hostDelayMs: 0 }), /maxConcurrency must be a whole number of at least 1, not 0/);
  });
});
