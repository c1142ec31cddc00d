// Runs HTTP requests with a global concurrency limit and per-host politeness: one request at a
// time per host, with a pause between two requests to the same host.
import { setTimeout as sleep } from 'node:timers/promises';

export interface HostSchedulerOptions {
  /** The maximum number of requests in flight across all hosts. */
  maxConcurrency: number;
  /** The pause, in milliseconds, between the end of one request to a host and the start of the next. */
  hostDelayMs: number;
}

/**
 * Queues tasks by host. Tasks for one host run one after another, `hostDelayMs` apart; tasks for
 * different hosts run in parallel, at most `maxConcurrency` at once. A task waiting for its host
 * does not hold one of the global slots.
 */
export class HostScheduler {
  readonly #maxConcurrency: number;
  readonly #hostDelayMs: number;
  readonly #hostTails = new Map<string, Promise<void>>();
  readonly #waiting: Array<() => void> = [];
  #active = 0;

  /** Throws a RangeError when `maxConcurrency` is below 1 or `hostDelayMs` is negative. */
  constructor(options: HostSchedulerOptions) {
    if (!Number.isInteger(options.maxConcurrency) || options.maxConcurrency < 1) {
      throw new RangeError(`maxConcurrency must be a whole number of at least 1, not ${options.maxConcurrency}`);
    }
    if (!(options.hostDelayMs >= 0)) {
      throw new RangeError(`hostDelayMs must be 0 or more, not ${options.hostDelayMs}`);
    }
    this.#maxConcurrency = options.maxConcurrency;
    this.#hostDelayMs = options.hostDelayMs;
  }

  /**
   * Runs `task` once every earlier task for `host` has finished and the host delay has passed,
   * and a global slot is free. Resolves or rejects as `task` does.
   */
  schedule<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#hostTails.get(host) ?? Promise.resolve();

    const run = previous.then(async () => {
      await this.#acquire();
      try {
        return await task();
      } finally {
        this.#release();
      }
    });

    const pause = () => (this.#hostDelayMs > 0 ? sleep(this.#hostDelayMs) : undefined);
    const tail = run.then(pause, pause);
    this.#hostTails.set(host, tail);
    // Forget an idle host so that the map does not grow with every host ever seen.
    void tail.then(() => {
      if (this.#hostTails.get(host) === tail) this.#hostTails.delete(host);
    });

    return run;
  }

  async #acquire(): Promise<void> {
    if (this.#active < this.#maxConcurrency) {
      this.#active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    // The slot passes straight to the next waiting task, so #active stays the same.
    if (next !== undefined) next();
    else this.#active -= 1;
  }
}
