import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { chainHash, GENESIS_HASH } from '../../src/event-store/hashing';
import { JsonObject } from '../../src/event-store/event-store';
import { toHex } from '../../src/ledger/bytes';
import { leafHash, MemoryMerkleTree } from '../../src/ledger/merkle';
import { LEDGER_STREAM, SEAL_EVENT_TYPE } from '../../src/ledger/seal';
import { LedgerSealer } from '../../src/ledger/sealer';
import { PostgresSealerLock } from '../../src/ledger/sealer-lock';
import { SealSigner, sealSignatureProblem, trustedKeys } from '../../src/ledger/seal-signing';
import { SealTrust } from '../../src/ledger/seal-trust';
import { verifyLedger } from '../../src/ledger/verify';
import { appendRounds, asSuperuser, LedgerFixture, openLedgerFixture, rewriteStreamHashes } from './fixture';
import { SeededLedger, seedSealedLedger } from './seeded-ledger';

/**
 * Seals signed with the ledger's Ed25519 key and kept by a witness outside the database: a
 * forger with every right in PostgreSQL who rewrites the events, the seals and the Merkle
 * tables together passes the hash and root checks, and is caught by both.
 */
describe('signed and witnessed seals', () => {
  let fixture: LedgerFixture;
  let ledger: SeededLedger;

  beforeEach(async () => {
    fixture = await openLedgerFixture();
    ledger = await seedSealedLedger(fixture);
  });

  afterEach(async () => {
    await fixture.close();
  });

  const withTrust = async (trust = fixture.trust) => verifyLedger(fixture.source, { trustedKeys: trust.trustedKeys(), witness: await trust.witness.seals() });

  it('signs every seal and writes it, and the key, to the witness', async () => {
    const witnessed = await fixture.trust.witness.seals();
    expect(witnessed.map((seal) => seal.eventId)).toEqual(ledger.seals.map((seal) => seal.eventId));
    for (const seal of ledger.seals) {
      expect(seal.data).toMatchObject({ keyId: fixture.trust.signer.keyId, signature: expect.any(String) });
      expect(sealSignatureProblem(seal.data as never, fixture.trust.trustedKeys())).toBeNull();
    }
    expect(await withTrust()).toMatchObject({ ok: true, signedSeals: 2, witnessedSeals: 2 });
  });

  /** Edits one event, then rewrites everything after it so every hash and root agrees again. */
  async function forgeEverything(client: Client): Promise<void> {
    const target = ledger.event(0, 1);
    await client.query(`UPDATE ledger_events SET data = jsonb_set(data, '{note}', '"forged"') WHERE position = $1`, [target.position.commit.toString()]);
    await rewriteStreamHashes(client, target.streamName);
    const { rows: events } = await client.query<{ hash: Buffer }>('SELECT hash FROM ledger_events WHERE stream_name <> $1 ORDER BY position', [LEDGER_STREAM]);
    const tree = new MemoryMerkleTree(events.map((row) => leafHash(row.hash)));
    const { rows: seals } = await client.query<{ position: string; revision: string; event_id: string; data: JsonObject; metadata: JsonObject }>(
      'SELECT position, revision, event_id, data, metadata FROM ledger_events WHERE stream_name = $1 ORDER BY revision',
      [LEDGER_STREAM],
    );
    let previous: Buffer | null = null;
    for (const seal of seals) {
      const data = {
        ...seal.data,
        rootHash: toHex(tree.root(Number(seal.data.treeSize))),
        previousSealHash: previous === null ? null : previous.toString('hex'),
      };
      const hash = chainHash(previous ?? GENESIS_HASH, {
        streamName: LEDGER_STREAM,
        revision: BigInt(seal.revision),
        eventId: seal.event_id,
        type: SEAL_EVENT_TYPE,
        data,
        metadata: seal.metadata,
      });
      await client.query('UPDATE ledger_events SET data = $1, hash = $2 WHERE position = $3', [data, hash, seal.position]);
      previous = hash;
    }
    await client.query('UPDATE ledger_streams SET last_hash = $1 WHERE stream_name = $2', [previous, LEDGER_STREAM]);
    await client.query('TRUNCATE ledger_merkle_leaves, ledger_merkle_nodes');
  }

  it('catches a rewrite of events, seals and Merkle tables together: the witness and the signatures disagree', async () => {
    await asSuperuser(fixture.database, forgeEverything);
    // Without the witness and the keys every chain and root checks out: the forgery is consistent.
    expect(await verifyLedger(fixture.source)).toMatchObject({ ok: true, mismatchCount: 0 });

    const result = await withTrust();
    expect(result.ok).toBe(false);
    expect(result.firstMismatch).toMatchObject({ kind: 'SEAL_SIGNATURE_INVALID', eventId: ledger.seals[0].eventId });
    const onlyWitness = await verifyLedger(fixture.source, { witness: await fixture.trust.witness.seals() });
    expect(onlyWitness.firstMismatch).toMatchObject({ kind: 'WITNESS_MISMATCH', eventId: ledger.seals[0].eventId });
    expect(onlyWitness.firstMismatch?.detail).toContain('rootHash: witnessed');
  });

  it('catches a seal deleted from $ledger and the seals after it re-linked: the witness still holds it', async () => {
    const [first, second] = ledger.seals;
    await asSuperuser(fixture.database, async (client) => {
      await client.query('DELETE FROM ledger_events WHERE position = $1', [first.position.commit.toString()]);
      await client.query(`UPDATE ledger_events SET revision = 0, data = jsonb_set(data, '{previousSealHash}', 'null') WHERE position = $1`, [
        second.position.commit.toString(),
      ]);
      await rewriteStreamHashes(client, LEDGER_STREAM);
    });
    // The chains and roots alone agree again.
    expect(await verifyLedger(fixture.source)).toMatchObject({ ok: true });
    const result = await verifyLedger(fixture.source, { witness: await fixture.trust.witness.seals() });
    expect(result.firstMismatch).toMatchObject({ kind: 'WITNESS_MISMATCH', eventId: first.eventId });
    expect(result.firstMismatch?.detail).toContain('$ledger does not');
  });

  it('refuses an unsigned seal after signed ones', async () => {
    await appendRounds(fixture.store, ledger.streams, 10, 13);
    const unsigned = new LedgerSealer(fixture.store, fixture.tree, new PostgresSealerLock(fixture.pool), { everyEvents: 1, intervalSeconds: 0 });
    expect((await unsigned.sealNow()).status).toBe('sealed');
    const result = await verifyLedger(fixture.source, { trustedKeys: fixture.trust.trustedKeys() });
    expect(result.firstMismatch).toMatchObject({ kind: 'SEAL_SIGNATURE_INVALID', detail: 'the seal is unsigned, but a seal before it was signed' });
  });

  it('names a seal signed with a key nobody trusts', async () => {
    const stranger = trustedKeys(SealSigner.generate().publicKey);
    const result = await verifyLedger(fixture.source, { trustedKeys: stranger });
    expect(result.firstMismatch).toMatchObject({ kind: 'SEAL_SIGNATURE_INVALID', eventId: ledger.seals[0].eventId });
    expect(result.firstMismatch?.detail).toContain('which is not a trusted key');
  });

  it('keeps seals of a rotated key verifiable: the witness keeps every public key that signed', async () => {
    const rotated = new SealTrust(SealSigner.generate(), fixture.trust.witness);
    await appendRounds(fixture.store, ledger.streams, 10, 13);
    const sealer = new LedgerSealer(
      fixture.store,
      fixture.tree,
      new PostgresSealerLock(fixture.pool),
      { everyEvents: 1, intervalSeconds: 0 },
      undefined,
      rotated,
    );
    expect((await sealer.sealNow()).status).toBe('sealed');
    expect(
      rotated
        .publicKeys()
        .keys.map((key) => key.keyId)
        .sort(),
    ).toEqual([fixture.trust.signer.keyId, rotated.signer.keyId].sort());
    expect(await withTrust(rotated)).toMatchObject({ ok: true, signedSeals: 3, witnessedSeals: 3 });
  });

  it('generates the signing key once under the data folder, and `npm run ledger -- public-key` prints it', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ledger-key-'));
    const run = (): string =>
      execFileSync('node', ['-r', 'ts-node/register/transpile-only', 'scripts/ledger.ts', 'public-key'], {
        cwd: path.resolve(__dirname, '../..'),
        env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: dataDir },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const first = JSON.parse(run()) as { keyId: string; publicKeyPem: string };
    const again = JSON.parse(run()) as { keyId: string };
    expect(again.keyId).toBe(first.keyId);
    const signer = SealSigner.fromPem(readFileSync(path.join(dataDir, 'seal-signing-key.pem'), 'utf8'));
    expect(signer.keyId).toBe(first.keyId);
    expect(first.publicKeyPem).toContain('BEGIN PUBLIC KEY');
  });
});
