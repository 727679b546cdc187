import { Client } from 'pg';
import { EventStore, EventToAppend, ExpectedRevision, AppendResult } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { toHex } from '../../src/ledger/bytes';
import { leafHash, MemoryMerkleTree } from '../../src/ledger/merkle';
import { LEDGER_STREAM, SealData } from '../../src/ledger/seal';
import { LedgerSealer, SealerIntegrityError, SealOutcome } from '../../src/ledger/sealer';
import { SEALER_LOCK_KEY, SealerLock } from '../../src/ledger/sealer-lock';
import { verifyLedger } from '../../src/ledger/verify';
import { appendRounds, caseStreams, LedgerFixture, openLedgerFixture, readEverything } from './fixture';

/** The seals in $ledger, oldest first. */
async function sealsOf(store: EventStore): Promise<SealData[]> {
  const events = await store.readStream(LEDGER_STREAM);
  return events.map((event) => event.data as SealData);
}

const sizeOf = (outcome: SealOutcome): number | string => (outcome.status === 'sealed' ? outcome.seal.treeSize : outcome.status);

/** No lock at all: lets two sealers run at once, to show the seal chain cannot fork anyway. */
const NO_LOCK: SealerLock = { run: (work) => work() };

describe('ledger sealer', () => {
  let fixture: LedgerFixture;

  beforeEach(async () => {
    fixture = await openLedgerFixture();
  });

  afterEach(async () => {
    await fixture.close();
  });

  it('seals once N events are unsealed, not before, covering everything up to then', async () => {
    const sealer = fixture.sealer({ everyEvents: 10 });
    const streams = caseStreams(3);
    const sizes: (number | string)[] = [];
    for (let round = 0; round < 8; round++) {
      await appendRounds(fixture.store, streams, round, round + 1);
      sizes.push(sizeOf(await sealer.sealIfDue()));
    }
    // 3 events a round: 12 ≥ 10 after round 4, then 12 more after round 8.
    expect(sizes).toEqual(['not-due', 'not-due', 'not-due', 12, 'not-due', 'not-due', 'not-due', 24]);
    expect(await sealer.sealIfDue()).toEqual({ status: 'nothing-to-seal', treeSize: 24 });
  });

  it('seals what is unsealed once T seconds have passed since the last seal', async () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    const sealer = fixture.sealer({ everyEvents: 1000, intervalSeconds: 60 }, { clock: () => new Date(now) });
    await appendRounds(fixture.store, caseStreams(2), 0, 2);
    expect(await sealer.sealIfDue()).toMatchObject({ status: 'not-due', unsealedEvents: 4 });
    now += 60_000;
    expect(sizeOf(await sealer.sealIfDue())).toBe(4);
    // Time alone does not seal: a seal needs something new to cover.
    now += 600_000;
    expect((await sealer.sealIfDue()).status).toBe('nothing-to-seal');
    await appendRounds(fixture.store, caseStreams(1), 0, 1);
    expect(sizeOf(await sealer.sealIfDue())).toBe(5);
    const [, second] = await sealsOf(fixture.store);
    expect(second.sealedAt).toBe(new Date(now).toISOString());
  });

  it('writes seals whose root, size, position and link anyone can recompute from the events', async () => {
    const sealer = fixture.sealer({ everyEvents: 5 });
    const streams = caseStreams(2);
    for (let round = 0; round < 9; round += 3) {
      await appendRounds(fixture.store, streams, round, round + 3);
      await sealer.sealIfDue();
    }
    const events = await readEverything(fixture.store);
    const ledgerEvents = events.filter((event) => event.streamName === LEDGER_STREAM);
    const leaves = events.filter((event) => event.streamName !== LEDGER_STREAM);
    const tree = new MemoryMerkleTree(leaves.map((event) => leafHash(Buffer.from(event.hash, 'hex'))));
    expect(ledgerEvents.map((event) => event.data.treeSize)).toEqual([6, 12, 18]);
    ledgerEvents.forEach((event, index) => {
      const seal = event.data as SealData;
      expect(event.type).toBe('LedgerSealed');
      expect(event.revision).toBe(BigInt(index));
      expect(seal.rootHash).toBe(toHex(tree.root(seal.treeSize)));
      expect(seal.sealedThroughPosition).toBe(formatPosition(leaves[seal.treeSize - 1].position));
      expect(seal.previousSealHash).toBe(index === 0 ? null : ledgerEvents[index - 1].hash);
      expect(event.metadata).toMatchObject({ actor: { userId: 'system:ledger-sealer' }, schemaVersion: 1 });
    });
    expect(await verifyLedger(fixture.source)).toMatchObject({ ok: true, sealsChecked: 3, unsealedEvents: 0 });
  });

  it('resumes from the stored tree without re-reading sealed events', async () => {
    const streams = caseStreams(4);
    await appendRounds(fixture.store, streams, 0, 5);
    expect(sizeOf(await fixture.sealer().sealNow())).toBe(20);
    await appendRounds(fixture.store, streams, 5, 6);

    // A new sealer (a restarted process) reads only what follows the tree's last leaf.
    const reads: (string | undefined)[] = [];
    const counting = new Proxy(fixture.store, {
      get: (target, property, receiver) =>
        property === 'readAll'
          ? (options: Parameters<EventStore['readAll']>[0]) => {
              reads.push(options?.after ? formatPosition(options.after) : undefined);
              return target.readAll(options);
            }
          : Reflect.get(target, property, receiver),
    });
    const restarted = new LedgerSealer(counting, fixture.tree, NO_LOCK, { everyEvents: 1, intervalSeconds: 0 }, undefined, fixture.trust);
    expect(sizeOf(await restarted.sealIfDue())).toBe(24);
    expect(reads).toEqual(['19']);
    expect(await fixture.tree.size()).toBe(24);
    expect(await verifyLedger(fixture.source)).toMatchObject({ ok: true, sealsChecked: 2 });
  });

  it('rebuilds an emptied tree from the events and carries the seal chain on', async () => {
    const streams = caseStreams(3);
    await appendRounds(fixture.store, streams, 0, 3);
    await fixture.sealer().sealNow();
    await fixture.pool.query('TRUNCATE ledger_merkle_nodes, ledger_merkle_leaves');
    await appendRounds(fixture.store, streams, 3, 4);
    expect(sizeOf(await fixture.sealer().sealNow())).toBe(12);
    expect(await verifyLedger(fixture.source)).toMatchObject({ ok: true, sealsChecked: 2 });
  });

  it("refuses to seal on a stored tree that no longer gives the last seal's root", async () => {
    const streams = caseStreams(4);
    await appendRounds(fixture.store, streams, 0, 4);
    await fixture.sealer().sealNow();
    await fixture.pool.query('UPDATE ledger_merkle_nodes SET hash = sha256(hash)');
    await appendRounds(fixture.store, streams, 4, 5);
    await expect(fixture.sealer().sealNow()).rejects.toThrow(SealerIntegrityError);
    expect(await sealsOf(fixture.store)).toHaveLength(1);
  });

  it('waits its turn while another process holds the sealer lock', async () => {
    await appendRounds(fixture.store, caseStreams(1), 0, 2);
    const other = new Client({ connectionString: fixture.database.url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1::bigint)', [SEALER_LOCK_KEY]);
      expect(await fixture.sealer().sealNow()).toEqual({ status: 'busy' });
      await other.query('SELECT pg_advisory_unlock($1::bigint)', [SEALER_LOCK_KEY]);
      expect(sizeOf(await fixture.sealer().sealNow())).toBe(2);
    } finally {
      await other.end();
    }
  });

  it('lets exactly one of several concurrent sealers seal', async () => {
    await appendRounds(fixture.store, caseStreams(5), 0, 4);
    const outcomes = await Promise.all([fixture.sealer(), fixture.sealer(), fixture.sealer()].map((sealer) => sealer.sealNow()));
    // The others found the lock taken, or (coming later) nothing left to seal.
    expect(outcomes.filter((outcome) => outcome.status === 'sealed')).toHaveLength(1);
    expect(outcomes.every((outcome) => ['sealed', 'busy', 'nothing-to-seal'].includes(outcome.status))).toBe(true);
    expect(await sealsOf(fixture.store)).toHaveLength(1);
  });

  it('gives way when another sealer appends a seal first (the seal chain does not fork)', async () => {
    await appendRounds(fixture.store, caseStreams(2), 0, 3);
    const rival = new LedgerSealer(fixture.store, fixture.tree, NO_LOCK, { everyEvents: 1, intervalSeconds: 0 });
    // A store through which the rival's seal lands between our read of $ledger and our append.
    class RivalFirst extends PostgresEventStore {
      async appendToStream(streamName: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
        if (streamName === LEDGER_STREAM) expect(sizeOf(await rival.sealNow())).toBe(6);
        return super.appendToStream(streamName, events, options);
      }
    }
    const store = new RivalFirst(fixture.pool);
    try {
      const loser = new LedgerSealer(store, fixture.tree, NO_LOCK, { everyEvents: 1, intervalSeconds: 0 });
      expect(await loser.sealNow()).toEqual({ status: 'lost-race' });
      expect(await loser.sealNow()).toEqual({ status: 'nothing-to-seal', treeSize: 6 });
    } finally {
      await store.close();
    }
    expect(await sealsOf(fixture.store)).toHaveLength(1);
    expect(await verifyLedger(fixture.source)).toMatchObject({ ok: true, sealsChecked: 1 });
  });

  it('has nothing to seal in an empty ledger', async () => {
    expect(await fixture.sealer().sealNow()).toEqual({ status: 'nothing-to-seal', treeSize: 0 });
    expect(await verifyLedger(fixture.source)).toEqual({
      ok: true,
      eventsChecked: 0,
      streamsChecked: 0,
      sealsChecked: 0,
      firstMismatch: null,
      mismatchCount: 0,
      checkedThroughPosition: '-1',
      unsealedEvents: 0,
      signedSeals: 0,
      unsignedSeals: 0,
      witnessedSeals: 0,
      documentsChecked: 0,
    });
  });
});
