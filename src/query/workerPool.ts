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
  workerData: Init;
}

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
  timeoutMs: number;
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

  constructor(private readonly options: PoolOptions<Init>) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  /** Resolves once every worker has loaded its data. */
  async ready(): Promise<void> {
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
      const job = { task, timeoutMs, resolve, reject };
      if (free) this.dispatch(free, job);
      else this.queue.push(job);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new PoolBusyError('The query service is shutting down.'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerUrl, { workerData: this.options.workerData });
    worker.unref();
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
    }, job.timeoutMs);
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
