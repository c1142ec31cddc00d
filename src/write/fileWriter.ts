// Writes many files either on the calling thread or on a worker thread. On a worker, the kernel
// work of creating folders and files overlaps with the calling thread's rendering of the next
// files, and only a bounded number of bytes waits to be written at any time.
import { Worker } from 'node:worker_threads';
import { workerBundle } from '../worker/workerBundle.ts';
import { encodeInto, maxUtf8Length, writeFileCreatingFolder, type WriteBatch, type WriteBatchResult, type WriteFailure } from './writeBatch.ts';

/**
 * Bytes gathered before they are sent to the worker as one message, about 90 pages of the bench
 * content. Batches of 256 KiB made 4 times as many messages, and `postMessage` took 0.8 s of the
 * main thread at 10k entries against 0.4 s with 1 MiB.
 */
const BATCH_BYTES = 1024 * 1024;

/**
 * Bytes sent to the worker and not yet written, from which the calling thread writes the next
 * files itself. Bounds the memory that waiting files take, and the time that `close` waits for
 * the worker to catch up. The pages of the 10k bench content were overwritten on a disk shared
 * with other builds (2 cores, Node 20, 3 runs each, 256 KiB batches, files truncated on open).
 * That took 7.1 to 22.6 s wall with 16 MiB in flight and 3.8 to 6.7 s with 4 MiB.
 */
export const MAX_BYTES_IN_FLIGHT = 4 * 1024 * 1024;

/** Thrown when a file cannot be written: the message names the file and the file system's error. */
export class FileWriteError extends Error {
  /** The file that was not written. */
  readonly path: string;
  /** The file system error's code, such as `EACCES` or `ENOSPC`. */
  readonly code: string | undefined;
  /** The system call that failed, such as `open` or `mkdir`. */
  readonly syscall: string | undefined;

  constructor(failure: WriteFailure) {
    super(`failed to write ${failure.file}: ${failure.message}`);
    this.name = 'FileWriteError';
    this.path = failure.file;
    this.code = failure.code;
    this.syscall = failure.syscall;
  }
}

/**
 * Writes files, each given by its absolute path and its full content, creating their folders.
 * Each file may be written once per writer, because a worker and the calling thread may write
 * two files in either order.
 */
export interface FileWriter {
  /**
   * Queues `content` to replace the content of `file`, or writes it at once. Throws a
   * FileWriteError once any write has failed. The caller returns to the event loop now and then
   * (writePages does every 64 pages), because the writer learns there which files the worker
   * has written.
   */
  write(file: string, content: string): void;
  /**
   * Sends what is queued and resolves once every file has been written, then stops the worker.
   * Rejects with the first write's error. Call it once, also after `write` threw, so that no
   * write happens after the caller has given up.
   */
  close(): Promise<void>;
}

export interface FileWriterOptions {
  /** Writes on a worker thread as well; otherwise with synchronous calls on the calling thread only. */
  worker: boolean;
  /** Bytes waiting for the worker from which the calling thread writes; default MAX_BYTES_IN_FLIGHT. */
  maxBytesInFlight?: number;
}

/** Starts a file writer. With `worker`, bundles the worker script (once per process) and starts the thread. */
export async function startFileWriter(options: FileWriterOptions): Promise<FileWriter> {
  if (!options.worker) return new CallingThreadWriter();
  return new WorkerWriter(await bundleWorker(), options.maxBytesInFlight ?? MAX_BYTES_IN_FLIGHT);
}

/** Writes `content` to `file` with synchronous calls, and throws a FileWriteError if that fails. */
function writeOnCallingThread(file: string, content: string, folders: Set<string>): void {
  try {
    writeFileCreatingFolder(file, content, folders);
  } catch (error) {
    const { code, syscall } = error as NodeJS.ErrnoException;
    throw new FileWriteError({ file, message: error instanceof Error ? error.message : String(error), code, syscall });
  }
}

/** Writes each file when `write` is called, as the build did before it had a worker. */
class CallingThreadWriter implements FileWriter {
  private readonly folders = new Set<string>();

  write(file: string, content: string): void {
    writeOnCallingThread(file, content, this.folders);
  }

  async close(): Promise<void> {}
}

/**
 * Encodes files into batches of about BATCH_BYTES and transfers each batch's ArrayBuffer to a
 * worker running writerWorker.ts. While maxBytesInFlight bytes wait for the worker, the calling
 * thread writes the next files itself instead of waiting, so that both threads create files.
 * On a busy disk that was faster than waiting. The pages of the 10k bench content were written
 * into new folders (3 runs each, 256 KiB batches, 16 MiB in flight). That took 4.7 to 6.1 s wall
 * this way, 6.7 to 14.1 s when `write` waited for the worker, and 7.9 to 20.3 s on the calling
 * thread alone.
 */
class WorkerWriter implements FileWriter {
  private readonly worker: Worker;
  /** Folders created by the calling thread; the worker keeps its own. */
  private readonly folders = new Set<string>();
  private batch: Buffer | undefined;
  private batchLength = 0;
  private files: string[] = [];
  private ends: number[] = [];
  private nextId = 0;
  private readonly unanswered = new Set<number>();
  private bytesInFlight = 0;
  private failure: Error | undefined;
  private exited = false;
  /** Resolvers of the promises that `nextEvent` returned, called on each reply of the worker and when it stops. */
  private wakers: (() => void)[] = [];

  constructor(
    code: string,
    private readonly maxBytesInFlight: number,
  ) {
    this.worker = new Worker(code, { eval: true });
    this.worker.on('message', (result: WriteBatchResult) => {
      this.unanswered.delete(result.id);
      this.bytesInFlight -= result.bytes;
      if (result.failure) this.failure ??= new FileWriteError(result.failure);
      this.wake();
    });
    this.worker.on('error', (error) => {
      this.failure ??= new Error(`the file writer worker failed: ${error.message}`, { cause: error });
      this.wake();
    });
    this.worker.on('exit', (code) => {
      this.exited = true;
      if (this.unanswered.size > 0) this.failure ??= new Error(`the file writer worker stopped with exit code ${code} before it wrote every file`);
      this.wake();
    });
  }

  write(file: string, content: string): void {
    if (this.failure) throw this.failure;
    if (this.bytesInFlight >= this.maxBytesInFlight) {
      writeOnCallingThread(file, content, this.folders);
      return;
    }

    // allocUnsafeSlow gives the batch an ArrayBuffer of its own, which can be transferred. A
    // pooled Buffer shares its ArrayBuffer with other Buffers, which transferring would detach.
    this.batch ??= Buffer.allocUnsafeSlow(BATCH_BYTES);
    let written = encodeInto(content, this.batch.subarray(this.batchLength));
    if (written === undefined) {
      // The file does not fit, so the batch is sent without it and a new batch takes it whole.
      this.send();
      this.batch = Buffer.allocUnsafeSlow(Math.max(BATCH_BYTES, maxUtf8Length(content)));
      written = encodeInto(content, this.batch)!;
    }
    this.batchLength += written;
    this.files.push(file);
    this.ends.push(this.batchLength);
    if (this.batchLength >= BATCH_BYTES) this.send();
  }

  async close(): Promise<void> {
    if (!this.failure) this.send();
    while (this.unanswered.size > 0 && !this.exited) await this.nextEvent();
    await this.worker.terminate();
    if (this.failure) throw this.failure;
  }

  /** Transfers the current batch to the worker. */
  private send(): void {
    if (this.batch === undefined || this.files.length === 0) return;
    const batch: WriteBatch = { id: this.nextId++, files: this.files, ends: this.ends, buffer: this.batch.buffer as ArrayBuffer };
    this.unanswered.add(batch.id);
    this.bytesInFlight += batch.buffer.byteLength;
    this.worker.postMessage(batch, [batch.buffer]);
    this.batch = undefined;
    this.batchLength = 0;
    this.files = [];
    this.ends = [];
  }

  private nextEvent(): Promise<void> {
    return new Promise((resolve) => this.wakers.push(resolve));
  }

  private wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const wake of wakers) wake();
  }
}

/** writerWorker.ts and the module it imports as one script, so that the worker starts without tsx. */
const bundleWorker = workerBundle(new URL('./writerWorker.ts', import.meta.url));
