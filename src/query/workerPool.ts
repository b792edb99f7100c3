// A fixed pool of worker threads that run queries. A query that overruns
// its time limit is stopped by terminating its worker (this also stops a
// query that blocks the worker's event loop, e.g. a catastrophic REGEX);
// a fresh worker takes its place. Requests beyond the pool and its queue
// are refused at once rather than piling up.
import { Worker } from 'node:worker_threads';

export interface PoolOptions<Init> {
  workerUrl: URL;
  size: number;
  maxQueue: number;
  /**
   * The data every worker starts from. A promise lets the workers boot
   * (load their code) while the data is still being prepared; they get it
   * by message once it is there.
   */
  workerData: Init | Promise<Init>;
}

/** workerData of a worker that waits for its init data as a message `{ init }`. */
export const AWAIT_INIT = { awaitInit: true } as const;

export class PoolBusyError extends Error {
  override name = 'PoolBusyError';
}

export class TaskTimeoutError extends Error {
  override name = 'TaskTimeoutError';
}

export class WorkerCrashError extends Error {
  override name = 'WorkerCrashError';
}

interface Job<Task, Result> {
  task: Task;
  /** The time limit counts from `run`, queueing included: a caller never waits much longer than this. */
  timeoutMs: number;
  submittedAt: number;
  /** Rejects a job that is still queued when its time is up. */
  queueTimer?: NodeJS.Timeout;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

export class WorkerPool<Task, Result, Init = unknown> {
  private readonly slots: Slot[] = [];
  private readonly queue: Array<Job<Task, Result>> = [];
  private closed = false;
  /** The init data once known; until then workers are sent it when it resolves. */
  private init: { value: Init } | null = null;
  private readonly initPromise: Promise<Init>;

  constructor(private readonly options: PoolOptions<Init>) {
    if (options.workerData instanceof Promise) {
      this.initPromise = options.workerData;
      this.initPromise.then(
        (value) => {
          this.init = { value };
        },
        () => undefined,
      );
    } else {
      this.init = { value: options.workerData };
      this.initPromise = Promise.resolve(options.workerData);
    }
    // One worker first; the others start once it has its data, so that at
    // start-up they do not compete for the cores with the main thread's
    // load and the first worker (the service can answer as soon as one
    // worker is ready; the others take queued queries when they are).
    const first = this.spawn();
    this.slots.push(first);
    const rest = (): void => {
      for (let i = 1; i < options.size && !this.closed; i++) this.addBooting(i);
    };
    first.ready.then(rest, rest);
  }

  /** Resolves once the first worker has loaded its data (the others follow in the background). */
  async ready(): Promise<void> {
    await this.slots[0]!.ready;
  }

  /** Resolves once every worker has loaded its data. */
  async allReady(): Promise<void> {
    await this.slots[0]!.ready;
    while (this.slots.length < this.options.size && !this.closed) await new Promise((resolve) => setImmediate(resolve));
    await Promise.all(this.slots.map((s) => s.ready));
  }

  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.busy).length;
  }

  run(task: Task, timeoutMs: number): Promise<Result> {
    if (this.closed) return Promise.reject(new PoolBusyError('The query service is shutting down.'));
    const free = this.slots.find((s) => !s.busy);
    if (!free && this.queue.length >= this.options.maxQueue) {
      return Promise.reject(new PoolBusyError('Too many concurrent queries; try again shortly.'));
    }
    return new Promise<Result>((resolve, reject) => {
      const job: Job<Task, Result> = { task, timeoutMs, submittedAt: performance.now(), resolve, reject };
      if (free) this.dispatch(free, job);
      else {
        this.queue.push(job);
        job.queueTimer = setTimeout(() => {
          const index = this.queue.indexOf(job);
          if (index < 0) return;
          this.queue.splice(index, 1);
          reject(new TaskTimeoutError(`The query was stopped after ${timeoutMs / 1000} s (it waited for a free worker all that time).`));
        }, timeoutMs);
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.queueTimer);
      job.reject(new PoolBusyError('The query service is shutting down.'));
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const known = this.init;
    const worker = new Worker(this.options.workerUrl, { workerData: known ? known.value : AWAIT_INIT });
    worker.unref();
    if (!known) {
      this.initPromise.then(
        (value) => worker.postMessage({ init: value }),
        (error: unknown) => worker.emit('error', error instanceof Error ? error : new Error(String(error))),
      );
    }
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: unknown): void => {
        if ((message as { ready?: boolean }).ready) {
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return { worker, ready, busy: false };
  }

  private dispatch(slot: Slot, job: Job<Task, Result>): void {
    clearTimeout(job.queueTimer);
    slot.busy = true;
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      slot.worker.off('message', onMessage);
      slot.worker.off('error', onError);
      slot.worker.off('exit', onExit);
      outcome();
    };
    const onMessage = (message: unknown): void => {
      // Anything but a result object means the worker is in a bad state: never let it throw here, on the main thread.
      if (message === null || typeof message !== 'object') {
        finish(() => job.reject(new WorkerCrashError('The query worker sent no result.')));
        this.replace(slot);
        return;
      }
      if ((message as { ready?: boolean }).ready) return;
      finish(() => job.resolve(message as Result));
      this.release(slot);
    };
    const onError = (error: Error): void => {
      finish(() => job.reject(new WorkerCrashError(`The query worker failed: ${error.message}`)));
      this.replace(slot);
    };
    const onExit = (): void => {
      finish(() => job.reject(new WorkerCrashError('The query worker stopped unexpectedly.')));
      this.replace(slot);
    };
    const timer = setTimeout(() => {
      finish(() => job.reject(new TaskTimeoutError(`The query was stopped after ${job.timeoutMs / 1000} s.`)));
      this.replace(slot);
    }, Math.max(1, job.timeoutMs - (performance.now() - job.submittedAt)));
    slot.worker.on('message', onMessage);
    slot.worker.once('error', onError);
    slot.worker.once('exit', onExit);
    slot.ready.then(
      () => slot.worker.postMessage(job.task),
      (error: unknown) => finish(() => job.reject(new WorkerCrashError(`The query worker did not start: ${String(error)}`))),
    );
  }

  private release(slot: Slot): void {
    slot.busy = false;
    const next = this.queue.shift();
    if (next) this.dispatch(slot, next);
  }

  /** Terminates a worker that overran or crashed and puts a fresh one in its place. */
  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    void slot.worker.terminate();
    if (this.closed || index < 0) return;
    this.addBooting(index);
  }

  /** Starts a worker in slot `index`, busy until it has loaded the data. */
  private addBooting(index: number): void {
    const fresh = this.spawn();
    // Busy until it has loaded the data: start-up must not count against the next query's time limit.
    fresh.busy = true;
    this.slots[index] = fresh;
    const available = (): void => {
      if (!this.closed && this.slots[index] === fresh) this.release(fresh);
    };
    // A worker that cannot start fails the job it is given (dispatch reports it) instead of holding the queue.
    fresh.ready.then(available, available);
  }
}
