import { eventStoreLedgerSource } from '../../src/ledger/ledger-source';
import { verifyLedger, VerifyProgress, VerifyResult } from '../../src/ledger/verify';
import { appendRounds, asSuperuser, caseStreams, LedgerFixture, openLedgerFixture, rewriteStreamHashes } from './fixture';
import { named, SeededLedger, seedSealedLedger } from './seeded-ledger';

/**
 * `verify` against a real PostgreSQL: a clean ledger passes with its counts, and each way
 * an operator with superuser rights could tamper with it (triggers switched off) is named.
 */
describe('ledger verify', () => {
  let fixture: LedgerFixture;
  let ledger: SeededLedger;

  beforeEach(async () => {
    fixture = await openLedgerFixture();
    ledger = await seedSealedLedger(fixture);
  });

  afterEach(async () => {
    await fixture.close();
  });

  /** Both sources must agree: the table read directly, and the engine-independent port. */
  async function verifyBothWays(): Promise<VerifyResult> {
    const trust = { trustedKeys: fixture.trust.trustedKeys(), witness: await fixture.trust.witness.seals() };
    const direct = await verifyLedger(fixture.source, { pageSize: 5, ...trust });
    const viaPort = await verifyLedger(eventStoreLedgerSource(fixture.store), { pageSize: 5, ...trust });
    expect(viaPort.firstMismatch).toEqual(direct.firstMismatch);
    return direct;
  }

  it('passes a clean ledger, with its counts', async () => {
    const result = await verifyBothWays();
    expect(result).toEqual({
      ok: true,
      eventsChecked: 42,
      streamsChecked: 5,
      sealsChecked: 2,
      firstMismatch: null,
      mismatchCount: 0,
      checkedThroughPosition: '41',
      unsealedEvents: 8,
      signedSeals: 2,
      unsignedSeals: 0,
      witnessedSeals: 2,
      // No document storage given here (test/documents checks the documents' bytes).
      documentsChecked: 0,
    });
  });

  it('reports progress page by page up to the head', async () => {
    const progress: VerifyProgress[] = [];
    await verifyLedger(fixture.source, { pageSize: 10, onProgress: (update) => progress.push(update) });
    expect(progress.map((update) => update.eventsChecked)).toEqual([10, 20, 30, 40, 42]);
    expect(progress[progress.length - 1].position).toEqual(progress[0].head);
  });

  it('checks only up to the head it started from', async () => {
    const appends: Promise<void>[] = [];
    const result = await verifyLedger(fixture.source, {
      pageSize: 5,
      // Appends while the pass runs: they are after its head and are not counted.
      onProgress: () => appends.push(appendRounds(fixture.store, caseStreams(1), 0, 1)),
    });
    await Promise.all(appends);
    expect(result.ok).toBe(true);
    expect(result.eventsChecked).toBe(42);
    expect((await verifyLedger(fixture.source)).eventsChecked).toBe(42 + appends.length);
  });

  it('names an event whose content was altered (HASH_MISMATCH)', async () => {
    const target = ledger.event(1, 2);
    await asSuperuser(fixture.database, async (client) => {
      await client.query(`UPDATE ledger_events SET data = jsonb_set(data, '{note}', '"nothing happened"') WHERE position = $1`, [
        target.position.commit.toString(),
      ]);
    });
    const result = await verifyBothWays();
    expect(result.ok).toBe(false);
    expect(result.firstMismatch).toMatchObject({ kind: 'HASH_MISMATCH', ...named(target) });
    // The seals committed to the stored hash, which was left alone: only the event is named.
    expect(result.mismatchCount).toBe(1);
    expect(result.eventsChecked).toBe(42);
  });

  it('names the seal over an event altered with every hash after it recomputed (SEAL_ROOT_MISMATCH)', async () => {
    const target = ledger.event(2, 1);
    await asSuperuser(fixture.database, async (client) => {
      await client.query(`UPDATE ledger_events SET data = jsonb_set(data, '{note}', '"nothing happened"') WHERE position = $1`, [
        target.position.commit.toString(),
      ]);
      await rewriteStreamHashes(client, target.streamName);
    });
    const result = await verifyBothWays();
    expect(result.firstMismatch).toMatchObject({ kind: 'SEAL_ROOT_MISMATCH', ...named(ledger.seals[0]), streamName: '$ledger', revision: 0 });
    expect(result.firstMismatch?.detail).toContain('up to position 15');
    // Both seals cover the event.
    expect(result.mismatchCount).toBe(2);
  });

  it('says the change lies after an earlier seal that still matches', async () => {
    const target = ledger.event(0, 5); // sealed by the second seal only
    await asSuperuser(fixture.database, async (client) => {
      await client.query(`UPDATE ledger_events SET data = '{}' WHERE position = $1`, [target.position.commit.toString()]);
      await rewriteStreamHashes(client, target.streamName);
    });
    const result = await verifyBothWays();
    expect(result.firstMismatch).toMatchObject({ kind: 'SEAL_ROOT_MISMATCH', ...named(ledger.seals[1]) });
    expect(result.firstMismatch?.detail).toContain('the seal before it (16 events, through position 15) matches');
  });

  it('names a deleted event (MISSING_EVENT at the next event of its stream)', async () => {
    const deleted = ledger.event(2, 3);
    const next = ledger.event(2, 4);
    await asSuperuser(fixture.database, async (client) => {
      await client.query('DELETE FROM ledger_events WHERE position = $1', [deleted.position.commit.toString()]);
    });
    const result = await verifyBothWays();
    expect(result.firstMismatch).toMatchObject({ kind: 'MISSING_EVENT', ...named(next) });
    expect(result.firstMismatch?.detail).toBe('revision 3 is missing before this event');
    expect(result.eventsChecked).toBe(41);
  });

  it("names a deleted last event of a stream from the store's stream heads", async () => {
    const deleted = ledger.event(0, 9);
    await asSuperuser(fixture.database, async (client) => {
      await client.query('DELETE FROM ledger_events WHERE position = $1', [deleted.position.commit.toString()]);
    });
    const result = await verifyLedger(fixture.source);
    expect(result.firstMismatch).toEqual({
      kind: 'MISSING_EVENT',
      ...named(deleted),
      eventId: null,
      detail: 'the stream ends at revision 8; the store records revision 9 as its last',
    });
  });

  it('names a deleted newest event of the whole ledger', async () => {
    const deleted = ledger.events[ledger.events.length - 1];
    await asSuperuser(fixture.database, async (client) => {
      await client.query('DELETE FROM ledger_events WHERE position = $1', [deleted.position.commit.toString()]);
    });
    const result = await verifyLedger(fixture.source);
    expect(result.firstMismatch).toMatchObject({ kind: 'MISSING_EVENT', ...named(deleted), eventId: null });
  });

  it('names two events of a stream swapped in the global order (REORDERED)', async () => {
    const first = ledger.event(0, 1);
    const second = ledger.event(0, 2);
    await asSuperuser(fixture.database, async (client) => {
      // Through a free position: the primary key is checked row by row.
      await client.query('UPDATE ledger_events SET position = -1 WHERE position = $1', [first.position.commit.toString()]);
      await client.query('UPDATE ledger_events SET position = $1 WHERE position = $2', [first.position.commit.toString(), second.position.commit.toString()]);
      await client.query('UPDATE ledger_events SET position = $1 WHERE position = -1', [second.position.commit.toString()]);
    });
    const result = await verifyBothWays();
    expect(result.firstMismatch).toMatchObject({
      kind: 'REORDERED',
      position: first.position.commit.toString(),
      streamName: second.streamName,
      revision: 2,
      eventId: second.eventId,
    });
    expect(result.firstMismatch?.detail).toContain(`revision 1 is at position ${second.position.commit}`);
  });

  it('names the seal over two events of different streams swapped (chains intact, order changed)', async () => {
    const a = ledger.event(0, 1);
    const b = ledger.event(1, 1);
    await asSuperuser(fixture.database, async (client) => {
      await client.query('UPDATE ledger_events SET position = -1 WHERE position = $1', [a.position.commit.toString()]);
      await client.query('UPDATE ledger_events SET position = $1 WHERE position = $2', [a.position.commit.toString(), b.position.commit.toString()]);
      await client.query('UPDATE ledger_events SET position = $1 WHERE position = -1', [b.position.commit.toString()]);
    });
    const result = await verifyBothWays();
    expect(result.firstMismatch).toMatchObject({ kind: 'SEAL_ROOT_MISMATCH', ...named(ledger.seals[0]) });
  });

  it('names a seal whose root was altered: its own hash first, then its root', async () => {
    const seal = ledger.seals[0];
    await asSuperuser(fixture.database, async (client) => {
      await client.query(`UPDATE ledger_events SET data = jsonb_set(data, '{rootHash}', to_jsonb(repeat('ab', 32))) WHERE position = $1`, [
        seal.position.commit.toString(),
      ]);
    });
    const result = await verifyBothWays();
    expect(result.firstMismatch).toMatchObject({ kind: 'HASH_MISMATCH', ...named(seal) });
    // Its hash, its root, its signature, and the witness's copy.
    expect(result.mismatchCount).toBe(4);
  });

  it('names a seal whose root was altered and re-hashed (SEAL_ROOT_MISMATCH)', async () => {
    const seal = ledger.seals[1];
    await asSuperuser(fixture.database, async (client) => {
      await client.query(`UPDATE ledger_events SET data = jsonb_set(data, '{rootHash}', to_jsonb(repeat('ab', 32))) WHERE position = $1`, [
        seal.position.commit.toString(),
      ]);
      await rewriteStreamHashes(client, '$ledger');
    });
    const result = await verifyBothWays();
    expect(result.firstMismatch).toMatchObject({ kind: 'SEAL_ROOT_MISMATCH', ...named(seal) });
    expect(result.firstMismatch?.detail).toContain(`the seal says ${'ab'.repeat(32)}`);
    // Its root, its signature, and the witness's copy.
    expect(result.mismatchCount).toBe(3);
  });

  it('names a seal that no longer links to the one before (SEAL_CHAIN_BROKEN)', async () => {
    const seal = ledger.seals[1];
    await asSuperuser(fixture.database, async (client) => {
      await client.query(`UPDATE ledger_events SET data = jsonb_set(data, '{previousSealHash}', 'null') WHERE position = $1`, [
        seal.position.commit.toString(),
      ]);
      await rewriteStreamHashes(client, '$ledger');
    });
    const result = await verifyBothWays();
    expect(result.firstMismatch).toMatchObject({ kind: 'SEAL_CHAIN_BROKEN', ...named(seal) });
  });

  it('names a deleted seal', async () => {
    await asSuperuser(fixture.database, async (client) => {
      await client.query('DELETE FROM ledger_events WHERE position = $1', [ledger.seals[0].position.commit.toString()]);
    });
    const result = await verifyBothWays();
    expect(result.firstMismatch).toMatchObject({ kind: 'MISSING_EVENT', ...named(ledger.seals[1]) });
  });

  it('names a seal whose events were moved to other positions in the same order (SEAL_POSITION_MISMATCH)', async () => {
    await asSuperuser(fixture.database, async (client) => {
      await client.query('UPDATE ledger_events SET position = position + 1000 WHERE position >= 15');
      await client.query('UPDATE ledger_streams SET last_position = last_position + 1000');
    });
    const result = await verifyBothWays();
    expect(result.firstMismatch).toMatchObject({
      kind: 'SEAL_POSITION_MISMATCH',
      eventId: ledger.seals[0].eventId,
      position: '1016',
      detail: 'its 16th event is at position 1015, the seal says 15',
    });
  });

  it('names a malformed seal (SEAL_INVALID)', async () => {
    const seal = ledger.seals[0];
    await asSuperuser(fixture.database, async (client) => {
      await client.query(`UPDATE ledger_events SET data = jsonb_set(data, '{treeSize}', '"sixteen"') WHERE position = $1`, [seal.position.commit.toString()]);
      await rewriteStreamHashes(client, '$ledger');
    });
    const result = await verifyLedger(fixture.source);
    expect(result.firstMismatch).toMatchObject({ kind: 'SEAL_INVALID', ...named(seal), detail: 'treeSize is not a positive whole number' });
  });

  it('names anything but a seal in $ledger (SEAL_INVALID)', async () => {
    const [appended] = (await fixture.store.appendToStream('$ledger', [{ type: 'SomethingElse', data: {} }], { expectedRevision: 'any' })).events;
    const result = await verifyLedger(fixture.source);
    expect(result.firstMismatch).toMatchObject({
      kind: 'SEAL_INVALID',
      eventId: appended.eventId,
      detail: '$ledger holds only LedgerSealed events, not SomethingElse',
    });
  });

  it('names the seal over an event slipped into a sealed stretch', async () => {
    // Make room at position 5, then insert an event with a well-formed chain of its own.
    await asSuperuser(fixture.database, async (client) => {
      await client.query('UPDATE ledger_events SET position = position + 1000 WHERE position >= 5');
      await client.query('UPDATE ledger_events SET position = position - 999 WHERE position >= 1000');
      await client.query('UPDATE ledger_streams SET last_position = last_position + 1 WHERE last_position >= 5');
      await client.query(
        `INSERT INTO ledger_events (position, stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash)
         VALUES (5, 'case-forged', 0, gen_random_uuid(), 'ReferralReceived', '{}', '{}', now(), '\\x00')`,
      );
      await client.query(`INSERT INTO ledger_streams VALUES ('case-forged', 0, '\\x00', 5)`);
      await rewriteStreamHashes(client, 'case-forged');
    });
    const result = await verifyBothWays();
    expect(result.firstMismatch).toMatchObject({ kind: 'SEAL_ROOT_MISMATCH', eventId: ledger.seals[0].eventId, position: '17' });
    expect(result.eventsChecked).toBe(43);
  });
});
