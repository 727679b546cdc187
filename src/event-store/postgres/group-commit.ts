/**
 * Group commit: appends that arrive while a batch is being written wait, then go to the
 * database together in one call and one transaction. Under the store-wide append lock this
 * is what keeps throughput up: one commit (and one fsync) carries many appends.
 */
export interface Pending<Request, Result> {
  request: Request;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export class GroupCommitter<Request, Result> {
  private queue: Pending<Request, Result>[] = [];
  private inFlight = 0;
  /** A pump is due once the writers a batch just answered have had their turn (see below). */
  private deferred = false;

  constructor(
    private readonly writeBatch: (batch: Pending<Request, Result>[]) => Promise<void>,
    private readonly options: { maxBatch: number; maxInFlight: number; weigh: (request: Request) => number; maxWeight: number },
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.deferred) this.pump();
    });
  }

  get idle(): boolean {
    return this.inFlight === 0 && this.queue.length === 0;
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight += 1;
      // writeBatch settles every pending it is given; a throw here is a bug in it, so fail
      // the batch loudly rather than leave callers waiting forever.
      this.writeBatch(batch)
        .catch((error) => batch.forEach((pending) => pending.reject(error)))
        .finally(() => {
          this.inFlight -= 1;
          // The writers this batch answered send their next append in the promise jobs that
          // follow; taken at once, the next batch would leave them out, and C busy writers
          // would split into two halves taking turns (half the batch for the same commit).
          // setImmediate runs after those jobs, so the next batch carries them too.
          if (this.deferred) return;
          this.deferred = true;
          setImmediate(() => {
            this.deferred = false;
            this.pump();
          });
        });
    }
  }

  private takeBatch(): Pending<Request, Result>[] {
    const batch: Pending<Request, Result>[] = [];
    let weight = 0;
    while (this.queue.length > 0 && batch.length < this.options.maxBatch) {
      const next = this.queue[0];
      const nextWeight = this.options.weigh(next.request);
      if (batch.length > 0 && weight + nextWeight > this.options.maxWeight) break;
      batch.push(next);
      weight += nextWeight;
      this.queue.shift();
    }
    return batch;
  }
}
