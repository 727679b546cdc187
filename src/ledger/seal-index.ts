import type { EventStore } from '../event-store/event-store';
import { LEDGER_STREAM, RecordedSeal, toRecordedSeal } from './seal';

const PAGE = 500;

/**
 * The seals of `$ledger`, read through the port and kept in memory (one seal per thousand
 * events or per minute is a small list). `refresh` reads only what was appended since.
 */
export class SealIndex {
  private readonly seals: RecordedSeal[] = [];
  private readonly byTreeSize = new Map<number, RecordedSeal>();
  private lastRevision: bigint | undefined;
  /** Refreshes run one after another: two at once would both append the same seals. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly store: EventStore) {}

  /** The revision of `$ledger` as last read: what the next seal must expect. */
  get streamRevision(): bigint | 'no_stream' {
    return this.lastRevision ?? 'no_stream';
  }

  refresh(): Promise<void> {
    const next = this.queue.then(() => this.readNew());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const fromRevision = this.lastRevision === undefined ? 0n : this.lastRevision + 1n;
      const events = await this.store.readStream(LEDGER_STREAM, { fromRevision, maxCount: PAGE });
      for (const event of events) {
        this.lastRevision = event.revision;
        const seal = toRecordedSeal(event);
        if (!seal) continue;
        this.seals.push(seal);
        // The first seal of a size is the one that committed to it.
        if (!this.byTreeSize.has(seal.treeSize)) this.byTreeSize.set(seal.treeSize, seal);
      }
      if (events.length < PAGE) return;
    }
  }

  latest(): RecordedSeal | undefined {
    return this.seals[this.seals.length - 1];
  }

  withTreeSize(treeSize: number): RecordedSeal | undefined {
    return this.byTreeSize.get(treeSize);
  }
}
