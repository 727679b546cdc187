import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { fromHex, toHex } from './bytes';
import {
  checkConsistency,
  checkInclusion,
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  MemoryMerkleTree,
  MerkleFrontier,
  merkleRoot,
  NodeRef,
  nodeHash,
  perfectSubtrees,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

/**
 * The reference: RFC 6962 §2.1 transcribed literally (recursive MTH, PATH and PROOF over
 * the leaf list), kept deliberately naive so it shares no code or shortcut with merkle.ts.
 */
const sha = (...parts: Uint8Array[]): Uint8Array => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const k = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);
const mth = (d: Uint8Array[]): Uint8Array =>
  d.length === 0 ? sha() : d.length === 1 ? sha(Uint8Array.of(0), d[0]) : sha(Uint8Array.of(1), mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length))));
const path = (m: number, d: Uint8Array[]): Uint8Array[] => {
  if (d.length <= 1) return [];
  const split = k(d.length);
  return m < split ? [...path(m, d.slice(0, split)), mth(d.slice(split))] : [...path(m - split, d.slice(split)), mth(d.slice(0, split))];
};
const subproof = (m: number, d: Uint8Array[], b: boolean): Uint8Array[] => {
  if (m === d.length) return b ? [] : [mth(d)];
  const split = k(d.length);
  return m <= split ? [...subproof(m, d.slice(0, split), b), mth(d.slice(split))] : [...subproof(m - split, d.slice(split), false), mth(d.slice(0, split))];
};
const proof = (m: number, d: Uint8Array[]): Uint8Array[] => (m === 0 || m === d.length ? [] : subproof(m, d, true));

// Published RFC 6962 test data (transparency-dev/merkle testonly/constants.go, used as data).
const CT_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(fromHex);
const CT_LEAVES = CT_INPUTS.map(leafHash);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CT_CONSISTENCY = [
  { from: 1, to: 1, proof: [] as string[] },
  {
    from: 1,
    to: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    from: 2,
    to: 5,
    proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'],
  },
];

/** Leaf inputs for the reference (which hashes them itself) and their leaf hashes for merkle.ts. */
const entries = (n: number): Uint8Array[] => Array.from({ length: n }, (_, i) => Uint8Array.of(i & 0xff, i >> 8));
const synthetic = (n: number): Uint8Array[] => entries(n).map(leafHash);
const hexes = (hashes: Uint8Array[]): string[] => hashes.map(toHex);
const flip = (hash: Uint8Array, byte = 0): Uint8Array => {
  const copy = Uint8Array.from(hash);
  copy[byte] ^= 0x01;
  return copy;
};

describe('Merkle tree (RFC 6962 / 9162)', () => {
  describe('published vectors', () => {
    it('roots for every size 0..8', () => {
      expect(toHex(EMPTY_ROOT)).toBe(CT_ROOTS[0]);
      for (let n = 0; n <= 8; n++) {
        expect(toHex(merkleRoot(CT_LEAVES.slice(0, n)))).toBe(CT_ROOTS[n]);
        expect(toHex(new MemoryMerkleTree(CT_LEAVES).root(n))).toBe(CT_ROOTS[n]);
      }
    });

    it('the frontier holds the published compact ranges', () => {
      const frontier = MerkleFrontier.empty();
      CT_LEAVES.slice(0, 7).forEach((leaf) => frontier.append(leaf));
      // CompactTrees()[7] = {nh[2][0], nh[1][2], nh[0][6]}
      expect(hexes([...frontier.subtrees])).toEqual([
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      ]);
      expect(perfectSubtrees({ start: 0, end: 7 })).toEqual([
        { level: 2, index: 0 },
        { level: 1, index: 2 },
        { level: 0, index: 6 },
      ]);
    });

    it('inclusion proofs', () => {
      const tree = new MemoryMerkleTree(CT_LEAVES);
      for (const vector of CT_INCLUSION) {
        expect(hexes(tree.inclusionProof(vector.index, vector.size))).toEqual(vector.proof);
        expect(verifyInclusion(CT_LEAVES[vector.index], vector.index, vector.size, vector.proof.map(fromHex), fromHex(CT_ROOTS[vector.size]))).toBe(true);
      }
    });

    it('consistency proofs', () => {
      const tree = new MemoryMerkleTree(CT_LEAVES);
      for (const vector of CT_CONSISTENCY) {
        expect(hexes(tree.consistencyProof(vector.from, vector.to))).toEqual(vector.proof);
        expect(verifyConsistency(vector.from, vector.to, fromHex(CT_ROOTS[vector.from]), fromHex(CT_ROOTS[vector.to]), vector.proof.map(fromHex))).toBe(true);
      }
    });
  });

  describe('against the naive reference', () => {
    const inputs = entries(70);
    const leaves = synthetic(70);
    const tree = new MemoryMerkleTree(leaves);

    it('same roots, inclusion paths and consistency proofs for every size up to 70', () => {
      for (let n = 0; n <= leaves.length; n++) {
        const d = inputs.slice(0, n);
        expect(toHex(tree.root(n))).toBe(toHex(mth(d)));
        for (let m = 0; m < n; m++) expect(hexes(tree.inclusionProof(m, n))).toEqual(hexes(path(m, d)));
        for (let m = 0; m <= n; m++) expect(hexes(tree.consistencyProof(m, n))).toEqual(hexes(proof(m, d)));
      }
    });

    it('every honest proof verifies', () => {
      for (let n = 0; n <= leaves.length; n++) {
        const root = tree.root(n);
        for (let m = 0; m < n; m++) expect(checkInclusion(leaves[m], m, n, tree.inclusionProof(m, n), root)).toEqual({ valid: true });
        for (let m = 0; m <= n; m++) expect(checkConsistency(m, n, tree.root(m), root, tree.consistencyProof(m, n))).toEqual({ valid: true });
      }
    });

    it('the frontier reports every completed node, matching the in-memory tree', () => {
      const seen = new Map<string, string>();
      const frontier = MerkleFrontier.empty();
      leaves.forEach((leaf) => frontier.append(leaf, (ref: NodeRef, hash) => seen.set(`${ref.level}:${ref.index}`, toHex(hash))));
      for (const [key, hash] of seen) {
        const [level, index] = key.split(':').map(Number);
        expect(toHex(tree.nodeAt({ level, index }))).toBe(hash);
      }
      expect(seen.size).toBe(2 * leaves.length - 1 - (perfectSubtrees({ start: 0, end: leaves.length }).length - 1));
      const resumed = MerkleFrontier.fromSubtrees(frontier.size, frontier.subtrees);
      resumed.append(leaves[0]);
      expect(toHex(resumed.root())).toBe(toHex(mth([...inputs, inputs[0]])));
    });

    it('random sizes agree with the reference (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), (n, a, b) => {
          const d = entries(n);
          const t = new MemoryMerkleTree(d.map(leafHash));
          const m = a % n;
          const first = b % (n + 1);
          expect(hexes(t.inclusionProof(m, n))).toEqual(hexes(path(m, d)));
          expect(hexes(t.consistencyProof(first, n))).toEqual(hexes(proof(first, d)));
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('tampered inclusion proofs are rejected', () => {
    const leaves = synthetic(42);
    const tree = new MemoryMerkleTree(leaves);

    it.each([1, 2, 3, 5, 8, 13, 16, 17, 31, 32, 33, 37])('every kind of tampering, tree of %i', (n) => {
      const root = tree.root(n);
      for (let m = 0; m < n; m++) {
        const honest = tree.inclusionProof(m, n);
        const rejects = (leaf: Uint8Array, index: number, size: number, p: Uint8Array[], r: Uint8Array = root): void => {
          expect(checkInclusion(leaf, index, size, p, r).valid).toBe(false);
        };
        honest.forEach((_, i) =>
          rejects(
            leaves[m],
            m,
            n,
            honest.map((h, j) => (i === j ? flip(h, i % 32) : h)),
          ),
        ); // wrong sibling
        if (honest.length > 0) rejects(leaves[m], m, n, honest.slice(0, -1)); // truncated
        if (honest.length > 0) rejects(leaves[m], m, n, honest.slice(1)); // first element dropped
        rejects(leaves[m], m, n, [...honest, honest[honest.length - 1] ?? root]); // extra element
        rejects(leaves[m], m, n, [...honest, new Uint8Array(32)]);
        if (honest.length > 1) rejects(leaves[m], m, n, [...honest].reverse()); // reordered
        rejects(flip(leaves[m]), m, n, honest); // wrong leaf
        rejects(leaves[m], m, n, honest, flip(root)); // wrong root
        for (let other = 0; other < n + 2; other++) if (other !== m) rejects(leaves[m], other, n, honest); // wrong index
        // Another size, with that size's real root: what a forger would claim.
        for (let size = m + 1; size <= n + 5; size++) if (size !== n) rejects(leaves[m], m, size, honest, tree.root(size));
        if (honest.length > 0)
          rejects(
            leaves[m],
            m,
            n,
            honest.map((h) => h.subarray(0, 31)),
          ); // short hashes
      }
    });

    it('refuses nonsense arguments rather than throwing', () => {
      const root = tree.root(8);
      const honest = tree.inclusionProof(3, 8);
      expect(verifyInclusion(leaves[3], -1, 8, honest, root)).toBe(false);
      expect(verifyInclusion(leaves[3], 8, 8, honest, root)).toBe(false);
      expect(verifyInclusion(leaves[3], 3.5, 8, honest, root)).toBe(false);
      expect(verifyInclusion(leaves[3], 3, Number.NaN, honest, root)).toBe(false);
      expect(verifyInclusion(leaves[3].subarray(1), 3, 8, honest, root)).toBe(false);
      expect(verifyInclusion(leaves[3], 3, 8, honest, root.subarray(1))).toBe(false);
      // A single-leaf tree: the root is the leaf, and only the empty path proves it.
      expect(verifyInclusion(leaves[0], 0, 1, [], leaves[0])).toBe(true);
      expect(verifyInclusion(leaves[0], 0, 1, [leaves[1]], leaves[0])).toBe(false);
    });
  });

  describe('tampered consistency proofs are rejected', () => {
    const leaves = synthetic(40);
    const tree = new MemoryMerkleTree(leaves);

    it('every kind of tampering, for every pair of sizes up to 40', () => {
      for (let n = 1; n <= leaves.length; n++) {
        const newRoot = tree.root(n);
        for (let m = 1; m < n; m++) {
          const oldRoot = tree.root(m);
          const honest = tree.consistencyProof(m, n);
          const rejects = (from: number, to: number, a: Uint8Array, b: Uint8Array, p: Uint8Array[]): void => {
            expect(checkConsistency(from, to, a, b, p).valid).toBe(false);
          };
          honest.forEach((_, i) =>
            rejects(
              m,
              n,
              oldRoot,
              newRoot,
              honest.map((h, j) => (i === j ? flip(h, 31 - (i % 32)) : h)),
            ),
          );
          rejects(m, n, oldRoot, newRoot, honest.slice(0, -1));
          rejects(m, n, oldRoot, newRoot, honest.slice(1));
          rejects(m, n, oldRoot, newRoot, [...honest, honest[0]]);
          rejects(m, n, oldRoot, newRoot, [oldRoot, ...honest]);
          if (honest.length > 1 && toHex(honest[0]) !== toHex(honest[1])) rejects(m, n, oldRoot, newRoot, [honest[1], honest[0], ...honest.slice(2)]);
          rejects(m, n, flip(oldRoot), newRoot, honest); // a root the old tree never had
          rejects(m, n, oldRoot, flip(newRoot), honest); // a root the new tree never had
          rejects(m, n, newRoot, newRoot, honest);
          rejects(n, m, newRoot, oldRoot, honest); // backwards
          // Other sizes with their real roots: what a forger would claim.
          if (m + 1 < n) rejects(m + 1, n, tree.root(m + 1), newRoot, honest);
          if (m > 1) rejects(m - 1, n, tree.root(m - 1), newRoot, honest);
          if (n < leaves.length) rejects(m, n + 1, oldRoot, tree.root(n + 1), honest);
          rejects(m, n - 1 > m ? n - 1 : n, oldRoot, tree.root(n - 1 > m ? n - 1 : n), n - 1 > m ? honest : honest.slice(1));
          rejects(m, n, oldRoot, newRoot, []);
        }
      }
    });

    it('a proof that the history was rewritten cannot be made: a changed old leaf fails', () => {
      const forged = new MemoryMerkleTree([...leaves.slice(0, 5), flip(leaves[5]), ...leaves.slice(6, 20)]);
      // The forger proves its own tree honestly; the old root is the real one.
      expect(checkConsistency(10, 20, tree.root(10), forged.root(20), forged.consistencyProof(10, 20)).valid).toBe(false);
    });

    it('the degenerate cases', () => {
      const root4 = tree.root(4);
      expect(verifyConsistency(4, 4, root4, root4, [])).toBe(true);
      expect(verifyConsistency(4, 4, root4, tree.root(5), [])).toBe(false);
      expect(verifyConsistency(4, 4, root4, root4, [root4])).toBe(false);
      expect(verifyConsistency(0, 8, EMPTY_ROOT, tree.root(8), [])).toBe(true);
      expect(verifyConsistency(0, 8, tree.root(1), tree.root(8), [])).toBe(false);
      expect(verifyConsistency(0, 8, EMPTY_ROOT, tree.root(8), [root4])).toBe(false);
      expect(verifyConsistency(4, 8, root4, tree.root(8), [new Uint8Array(31)])).toBe(false);
      expect(verifyConsistency(-1, 8, root4, tree.root(8), tree.consistencyProof(4, 8))).toBe(false);
    });
  });

  it('generators refuse impossible requests', () => {
    const tree = new MemoryMerkleTree(synthetic(8));
    expect(() => inclusionProof(8, 8, tree.nodeAt)).toThrow(RangeError);
    expect(() => inclusionProof(0, 9, tree.nodeAt)).toThrow(RangeError);
    expect(() => consistencyProof(5, 3, tree.nodeAt)).toThrow(RangeError);
    expect(() => perfectSubtrees({ start: 1, end: 3 })).toThrow(RangeError);
    expect(() => nodeHash(new Uint8Array(31), new Uint8Array(32))).toThrow(TypeError);
    expect(() => MerkleFrontier.fromSubtrees(3, [new Uint8Array(32)])).toThrow(RangeError);
  });
});
