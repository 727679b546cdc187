import { randomUUID } from 'node:crypto';
import { chainHash } from '../../src/event-store/hashing';
import { toHex } from '../../src/ledger/bytes';
import { LedgerService } from '../../src/ledger/ledger.service';
import { checkConsistency, leafHash, MemoryMerkleTree } from '../../src/ledger/merkle';
import { checkConsistencyProof, checkInclusionProof, checkSealEvent, ConsistencyProof, InclusionProof } from '../../src/ledger/proofs';
import { LEDGER_STREAM } from '../../src/ledger/seal';
import { NotFoundError } from '../../src/common/domain-error';
import { LedgerFixture, openLedgerFixture } from './fixture';
import { SeededLedger, seedSealedLedger } from './seeded-ledger';

/** Inclusion and consistency proofs from the stored tree, and forgeries of them. */
describe('ledger proofs', () => {
  let fixture: LedgerFixture;
  let ledger: SeededLedger;
  let service: LedgerService;

  beforeAll(async () => {
    fixture = await openLedgerFixture();
    ledger = await seedSealedLedger(fixture);
    service = new LedgerService(fixture.store, fixture.source, fixture.tree, fixture.trust);
  });

  afterAll(async () => {
    await fixture.close();
  });

  const sealed = (): SeededLedger['events'] => ledger.events.filter((event) => event.streamName !== LEDGER_STREAM).slice(0, 32);
  /** The real tree over all 40 case events: the root of any size a forger might claim. */
  const realRoot = (size: number): string =>
    toHex(
      new MemoryMerkleTree(ledger.events.filter((event) => event.streamName !== LEDGER_STREAM).map((event) => leafHash(Buffer.from(event.hash, 'hex')))).root(
        size,
      ),
    );
  const flipHex = (hex: string): string => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
  const valid = { valid: true };

  it('the latest seal', async () => {
    const latest = await service.latestSeal();
    expect(latest).toMatchObject({
      treeSize: 32,
      revision: 1,
      eventId: ledger.seals[1].eventId,
      hash: ledger.seals[1].hash,
      previousSealHash: ledger.seals[0].hash,
    });
  });

  it('proves every sealed event is in the latest seal, and in the first seal when it covers it', async () => {
    for (const [index, event] of sealed().entries()) {
      const proof = await service.inclusionProof(event.eventId);
      expect(proof).toMatchObject({
        leafIndex: index,
        event: { eventId: event.eventId, chainHash: event.hash, streamName: event.streamName },
        seal: { treeSize: 32 },
      });
      expect(checkInclusionProof(proof)).toEqual(valid);
      if (index < 16) expect(checkInclusionProof(await service.inclusionProof(event.eventId, 16))).toEqual(valid);
    }
  });

  it('has no proof for what is not sealed (yet), nor for seals, nor for unknown events and sizes', async () => {
    const unsealed = ledger.events[ledger.events.length - 1];
    await expect(service.inclusionProof(unsealed.eventId)).rejects.toThrow(/came after the latest seal/);
    await expect(service.inclusionProof(ledger.event(0, 5).eventId, 16)).rejects.toThrow(NotFoundError);
    await expect(service.inclusionProof(ledger.seals[0].eventId)).rejects.toThrow(NotFoundError);
    await expect(service.inclusionProof(randomUUID())).rejects.toThrow(NotFoundError);
    await expect(service.inclusionProof(ledger.event(0, 0).eventId, 17)).rejects.toThrow(/No seal covers exactly 17 events/);
    await expect(service.consistencyProof(16, 20)).rejects.toThrow(NotFoundError);
  });

  it('every seal hashes to its recorded hash, so its size and root cannot be changed unseen', async () => {
    const latest = await service.latestSeal();
    expect(checkSealEvent(latest)).toEqual(valid);
    expect(checkSealEvent({ ...latest, treeSize: 31 }).valid).toBe(false);
    expect(checkSealEvent({ ...latest, rootHash: flipHex(latest.rootHash) }).valid).toBe(false);
    expect(checkSealEvent({ ...latest, previousSealHash: null }).valid).toBe(false);
    expect(checkSealEvent({ ...latest, revision: 0 }).valid).toBe(false);
  });

  it('proves the later seal extends the earlier one', async () => {
    const proof = await service.consistencyProof(16, 32);
    expect(proof.from.eventId).toBe(ledger.seals[0].eventId);
    expect(proof.to.eventId).toBe(ledger.seals[1].eventId);
    expect(checkConsistencyProof(proof)).toEqual(valid);
    expect(checkConsistencyProof(await service.consistencyProof(32, 32))).toEqual(valid);
  });

  describe('forged inclusion proofs are rejected', () => {
    let honest: InclusionProof;
    beforeAll(async () => {
      honest = await service.inclusionProof(ledger.event(1, 2).eventId);
    });
    const forged: [string, (proof: InclusionProof) => InclusionProof][] = [
      ['another event claimed with this path', (p) => ({ ...p, event: { ...p.event, chainHash: ledger.event(2, 2).hash } })],
      ['a sibling hash altered', (p) => ({ ...p, path: p.path.map((hash, i) => (i === 1 ? flipHex(hash) : hash)) })],
      ['the path truncated', (p) => ({ ...p, path: p.path.slice(0, -1) })],
      ['an element added', (p) => ({ ...p, path: [...p.path, p.seal.rootHash] })],
      ['the path reordered', (p) => ({ ...p, path: [...p.path].reverse() })],
      ['another leaf index', (p) => ({ ...p, leafIndex: p.leafIndex + 1 })],
      ['a leaf index past the tree', (p) => ({ ...p, leafIndex: 32 })],
      ['another tree size', (p) => ({ ...p, seal: { ...p.seal, treeSize: 33 } })],
      ['another root', (p) => ({ ...p, seal: { ...p.seal, rootHash: flipHex(p.seal.rootHash) } })],
      ["the older seal's root", (p) => ({ ...p, seal: { ...p.seal, rootHash: (ledger.seals[0].data as { rootHash: string }).rootHash } })],
      // The seal's own hash catches these; the next two show the Merkle check does as well.
      ['another size with its real root', (p) => ({ ...p, seal: { ...p.seal, treeSize: 36, rootHash: realRoot(36) } })],
      ["the seal's metadata changed", (p) => ({ ...p, seal: { ...p.seal, metadata: { ...p.seal.metadata, occurredAt: '2020-01-01T00:00:00.000Z' } } })],
      ['a path that is not hex hashes', (p) => ({ ...p, path: p.path.map((hash) => hash.slice(2)) })],
      ['no path at all', (p) => ({ ...p, path: undefined as unknown as string[] })],
    ];
    it.each(forged)('%s', (_name, forge) => {
      expect(checkInclusionProof(honest)).toEqual(valid);
      expect(checkInclusionProof(forge(honest)).valid).toBe(false);
    });

    it('an altered event cannot borrow the proof of the original', () => {
      const original = ledger.event(1, 2);
      const previous = ledger.event(1, 1);
      const altered = chainHash(Buffer.from(previous.hash, 'hex'), { ...original, data: { ...original.data, note: 'nothing happened' } });
      expect(altered.equals(Buffer.from(original.hash, 'hex'))).toBe(false);
      expect(checkInclusionProof({ ...honest, event: { ...honest.event, chainHash: altered.toString('hex') } }).valid).toBe(false);
    });
  });

  describe('forged consistency proofs are rejected', () => {
    let honest: ConsistencyProof;
    beforeAll(async () => {
      honest = await service.consistencyProof(16, 32);
    });
    const forged: [string, (proof: ConsistencyProof) => ConsistencyProof][] = [
      ['a path hash altered', (p) => ({ ...p, path: p.path.map((hash, i) => (i === 0 ? flipHex(hash) : hash)) })],
      ['the path truncated', (p) => ({ ...p, path: p.path.slice(0, -1) })],
      ['an element added', (p) => ({ ...p, path: [...p.path, p.path[0]] })],
      ['the old root prepended', (p) => ({ ...p, path: [p.from.rootHash, ...p.path] })],
      ['the seals swapped', (p) => ({ ...p, from: p.to, to: p.from })],
      ['another old root', (p) => ({ ...p, from: { ...p.from, rootHash: flipHex(p.from.rootHash) } })],
      ['another new root', (p) => ({ ...p, to: { ...p.to, rootHash: flipHex(p.to.rootHash) } })],
      ['another old size', (p) => ({ ...p, from: { ...p.from, treeSize: 15 } })],
      ['another new size', (p) => ({ ...p, to: { ...p.to, treeSize: 31 } })],
      ['another old size with its real root', (p) => ({ ...p, from: { ...p.from, treeSize: 15, rootHash: realRoot(15) } })],
      ['another new size with its real root', (p) => ({ ...p, to: { ...p.to, treeSize: 31, rootHash: realRoot(31) } })],
      ['an empty path', (p) => ({ ...p, path: [] })],
    ];
    it.each(forged)('%s', (_name, forge) => {
      expect(checkConsistencyProof(honest)).toEqual(valid);
      expect(checkConsistencyProof(forge(honest)).valid).toBe(false);
    });

    it('the Merkle check alone refuses a real root of another size (the seal hash aside)', () => {
      const path = honest.path.map((hash) => Buffer.from(hash, 'hex'));
      const root = (hex: string): Buffer => Buffer.from(hex, 'hex');
      expect(checkConsistency(16, 32, root(honest.from.rootHash), root(honest.to.rootHash), path)).toEqual(valid);
      expect(checkConsistency(16, 31, root(honest.from.rootHash), root(realRoot(31)), path).valid).toBe(false);
      expect(checkConsistency(15, 32, root(realRoot(15)), root(honest.to.rootHash), path).valid).toBe(false);
    });

    it('a rewritten history cannot be proved to extend the sealed one', () => {
      // The forger changes one sealed leaf and proves its own tree honestly.
      const leaves = sealed().map((event) => leafHash(Buffer.from(event.hash, 'hex')));
      leaves[3] = leafHash(Buffer.alloc(32, 7));
      const rewritten = new MemoryMerkleTree(leaves);
      const forgery: ConsistencyProof = {
        from: honest.from,
        to: { ...honest.to, rootHash: toHex(rewritten.root(32)) },
        path: rewritten.consistencyProof(16, 32).map(toHex),
      };
      expect(checkConsistencyProof(forgery).valid).toBe(false);
    });
  });

  it('will not hand out a proof from a damaged tree', async () => {
    // Leaf 0's path in a tree of 32 uses node (level 2, index 1).
    await fixture.pool.query(`UPDATE ledger_merkle_nodes SET hash = sha256(hash) WHERE level = 2 AND node_index = 1`);
    try {
      await expect(service.inclusionProof(ledger.event(0, 0).eventId)).rejects.toThrow(/stored Merkle tree disagrees with seal/);
      await expect(service.consistencyProof(16, 32)).resolves.toBeDefined();
    } finally {
      await fixture.pool.query(`UPDATE ledger_merkle_nodes SET hash = $1 WHERE level = 2 AND node_index = 1`, [
        Buffer.from(new MemoryMerkleTree(sealed().map((event) => leafHash(Buffer.from(event.hash, 'hex')))).nodeAt({ level: 2, index: 1 })),
      ]);
    }
    expect(checkInclusionProof(await service.inclusionProof(ledger.event(0, 0).eventId))).toEqual(valid);
  });
});
