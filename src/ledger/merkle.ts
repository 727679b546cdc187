import { createHash } from 'node:crypto';
import { equalBytes } from './bytes';

/**
 * The Merkle tree of RFC 6962 / RFC 9162 (Certificate Transparency), over SHA-256:
 *
 *   leaf hash  = SHA-256(0x00 ‖ leaf)
 *   node hash  = SHA-256(0x01 ‖ left ‖ right)
 *   MTH(D[n])  = node(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two below n
 *   MTH({})    = SHA-256("")
 *
 * Using the standard tree (not a home-made one) lets anyone check our seals and proofs
 * with any CT-compatible tool. The prefixes keep a leaf from passing for an inner node.
 *
 * Pure: no I/O and nothing from Node but node:crypto, so an offline verifier can import
 * this file as it is. Sizes and indexes are JavaScript numbers (safe integers: 2^53 leaves
 * is far beyond any ledger) rather than bigints, because they travel in JSON.
 */

export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

export const EMPTY_ROOT: Uint8Array = createHash('sha256').digest();

export function leafHash(leaf: Uint8Array): Uint8Array {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) throw new TypeError('a node hash needs two 32-byte hashes');
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** A perfect subtree: the 2^level leaves from index·2^level. Level 0 is a leaf hash. */
export interface NodeRef {
  level: number;
  index: number;
}

/** Leaves [start, end) of the tree. */
export interface LeafRange {
  start: number;
  end: number;
}

/** Where a proof's hashes come from: memory, a database table, a cache. */
export type NodeSource = (ref: NodeRef) => Uint8Array;

export function nodeKey(ref: NodeRef): string {
  return `${ref.level}:${ref.index}`;
}

function assertSize(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, not ${value}`);
}

function isOdd(value: number): boolean {
  return value % 2 === 1;
}

function half(value: number): number {
  return Math.floor(value / 2);
}

/** The largest power of two strictly below n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect subtrees that make up a range, largest first. Every range a proof needs is a
 * subtree of the RFC tree, and those always start at a multiple of their largest part, so
 * each part is a stored (or storable) node.
 */
export function perfectSubtrees(range: LeafRange): NodeRef[] {
  assertSize(range.start, 'range start');
  assertSize(range.end, 'range end');
  const refs: NodeRef[] = [];
  let start = range.start;
  while (start < range.end) {
    let width = 1;
    let level = 0;
    while (width * 2 <= range.end - start) {
      width *= 2;
      level += 1;
    }
    if (start % width !== 0) throw new RangeError(`leaves [${range.start}, ${range.end}) are not a subtree of the tree`);
    refs.push({ level, index: start / width });
    start += width;
  }
  return refs;
}

/** MTH of a range from its perfect subtrees: folded from the right, as the RFC tree nests them. */
export function rangeHash(range: LeafRange, nodeAt: NodeSource): Uint8Array {
  const refs = perfectSubtrees(range);
  if (refs.length === 0) return EMPTY_ROOT;
  let hash = nodeAt(refs[refs.length - 1]);
  for (let i = refs.length - 2; i >= 0; i--) hash = nodeHash(nodeAt(refs[i]), hash);
  return hash;
}

/**
 * The right edge of a growing tree (RFC 9162's "compact range" over [0, size)): one root per
 * set bit of size, largest first. Enough to append leaves and compute the root without the
 * leaves themselves, which is what lets the sealer and the verifier stream.
 */
export class MerkleFrontier {
  private constructor(
    private count: number,
    private readonly stack: Uint8Array[],
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /** Resumes from stored subtree roots: those `perfectSubtrees({start: 0, end: size})` names. */
  static fromSubtrees(size: number, subtrees: readonly Uint8Array[]): MerkleFrontier {
    assertSize(size, 'size');
    if (subtrees.length !== perfectSubtrees({ start: 0, end: size }).length) {
      throw new RangeError(`a tree of ${size} leaves has ${perfectSubtrees({ start: 0, end: size }).length} edge subtrees, not ${subtrees.length}`);
    }
    if (subtrees.some((hash) => hash.length !== HASH_SIZE)) throw new TypeError('subtree roots are 32-byte hashes');
    return new MerkleFrontier(size, [...subtrees]);
  }

  get size(): number {
    return this.count;
  }

  get subtrees(): readonly Uint8Array[] {
    return this.stack;
  }

  /**
   * Appends one leaf hash. `onNode` sees every perfect subtree this completes (the leaf
   * itself at level 0, then each parent), which is how the tree store persists nodes.
   */
  append(leaf: Uint8Array, onNode?: (ref: NodeRef, hash: Uint8Array) => void): void {
    if (leaf.length !== HASH_SIZE) throw new TypeError('a leaf hash is 32 bytes');
    let hash = leaf;
    let index = this.count;
    let level = 0;
    onNode?.({ level, index }, hash);
    while (isOdd(index)) {
      const left = this.stack.pop();
      if (left === undefined) throw new Error('frontier is inconsistent with its size');
      hash = nodeHash(left, hash);
      index = half(index);
      level += 1;
      onNode?.({ level, index }, hash);
    }
    this.stack.push(hash);
    this.count += 1;
  }

  root(): Uint8Array {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash = this.stack[this.stack.length - 1];
    for (let i = this.stack.length - 2; i >= 0; i--) hash = nodeHash(this.stack[i], hash);
    return hash;
  }

  clone(): MerkleFrontier {
    return new MerkleFrontier(this.count, [...this.stack]);
  }
}

export function merkleRoot(leafHashes: readonly Uint8Array[]): Uint8Array {
  const frontier = MerkleFrontier.empty();
  for (const leaf of leafHashes) frontier.append(leaf);
  return frontier.root();
}

/** RFC 6962 §2.1.1 PATH(m, D[n]) as ranges, deepest sibling first. */
export function inclusionPathRanges(index: number, size: number): LeafRange[] {
  assertSize(index, 'leaf index');
  assertSize(size, 'tree size');
  if (index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size} leaves`);
  const path: LeafRange[] = [];
  let start = 0;
  let n = size;
  let m = index;
  // Walk down from the root; each level's sibling goes in front of the ones above it.
  while (n > 1) {
    const k = splitPoint(n);
    if (m < k) {
      path.unshift({ start: start + k, end: start + n });
      n = k;
    } else {
      path.unshift({ start, end: start + k });
      start += k;
      m -= k;
      n -= k;
    }
  }
  return path;
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]) as ranges. Empty when m is 0 or n. */
export function consistencyPathRanges(from: number, to: number): LeafRange[] {
  assertSize(from, 'first tree size');
  assertSize(to, 'second tree size');
  if (from > to) throw new RangeError(`a tree of ${from} leaves cannot be extended to ${to}`);
  if (from === 0 || from === to) return [];
  const proof: LeafRange[] = [];
  let start = 0;
  let n = to;
  let m = from;
  let complete = true; // SUBPROOF's b: the old tree is a whole subtree the verifier already has
  while (m !== n) {
    const k = splitPoint(n);
    if (m <= k) {
      proof.unshift({ start: start + k, end: start + n });
      n = k;
    } else {
      proof.unshift({ start, end: start + k });
      start += k;
      m -= k;
      n -= k;
      complete = false;
    }
  }
  if (!complete) proof.unshift({ start, end: start + n });
  return proof;
}

export function inclusionProof(index: number, size: number, nodeAt: NodeSource): Uint8Array[] {
  return inclusionPathRanges(index, size).map((range) => rangeHash(range, nodeAt));
}

export function consistencyProof(from: number, to: number, nodeAt: NodeSource): Uint8Array[] {
  return consistencyPathRanges(from, to).map((range) => rangeHash(range, nodeAt));
}

/** Every stored node a proof needs, so a database can fetch them in one query. */
export function nodesFor(ranges: readonly LeafRange[]): NodeRef[] {
  return ranges.flatMap((range) => perfectSubtrees(range));
}

export type ProofVerdict = { valid: true } | { valid: false; reason: string };

const VALID: ProofVerdict = { valid: true };
const invalid = (reason: string): ProofVerdict => ({ valid: false, reason });

function badSize(value: number): boolean {
  return !Number.isSafeInteger(value) || value < 0;
}

function badHashes(hashes: readonly Uint8Array[]): boolean {
  return !Array.isArray(hashes) || hashes.some((hash) => !(hash instanceof Uint8Array) || hash.length !== HASH_SIZE);
}

/**
 * RFC 9162 §2.1.3.2. Every element is used and must be needed: `sn` must reach 0 exactly
 * when the path ends, so a truncated path, an extra element, or a path for another index
 * or size fails rather than being ignored.
 */
export function checkInclusion(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): ProofVerdict {
  if (badSize(index) || badSize(size)) return invalid('index and size must be whole numbers');
  if (index >= size) return invalid(`leaf ${index} is not in a tree of ${size} leaves`);
  if (badHashes([leaf, root]) || badHashes(proof)) return invalid('every hash must be 32 bytes');
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return invalid('the proof is longer than the tree is deep');
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return invalid('the proof is shorter than the tree is deep');
  if (!equalBytes(r, root)) return invalid('the proof does not lead to the root');
  return VALID;
}

/**
 * RFC 9162 §2.1.4.2. Both roots are recomputed from the one path and both are compared:
 * checking only the new root (or only the old one) is how forged proofs have been
 * accepted before.
 */
export function checkConsistency(fromSize: number, toSize: number, fromRoot: Uint8Array, toRoot: Uint8Array, proof: readonly Uint8Array[]): ProofVerdict {
  if (badSize(fromSize) || badSize(toSize)) return invalid('sizes must be whole numbers');
  if (fromSize > toSize) return invalid(`a tree of ${fromSize} leaves cannot be extended to ${toSize}`);
  if (badHashes([fromRoot, toRoot]) || badHashes(proof)) return invalid('every hash must be 32 bytes');
  if (fromSize === toSize) {
    if (proof.length !== 0) return invalid('trees of equal size need an empty proof');
    return equalBytes(fromRoot, toRoot) ? VALID : invalid('trees of equal size have different roots');
  }
  if (fromSize === 0) {
    if (proof.length !== 0) return invalid('extending the empty tree needs an empty proof');
    return equalBytes(fromRoot, EMPTY_ROOT) ? VALID : invalid('the first root is not the empty tree');
  }
  if (proof.length === 0) return invalid('the proof is empty');

  const path = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : [...proof];
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return invalid('the proof is longer than the tree is deep');
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return invalid('the proof is shorter than the tree is deep');
  if (!equalBytes(fr, fromRoot)) return invalid('the proof does not lead to the first root');
  if (!equalBytes(sr, toRoot)) return invalid('the proof does not lead to the second root');
  return VALID;
}

export function verifyInclusion(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  return checkInclusion(leaf, index, size, proof, root).valid;
}

export function verifyConsistency(fromSize: number, toSize: number, fromRoot: Uint8Array, toRoot: Uint8Array, proof: readonly Uint8Array[]): boolean {
  return checkConsistency(fromSize, toSize, fromRoot, toRoot, proof).valid;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/**
 * A whole tree in memory: every complete node, level by level. For tests, for small
 * exports, and as the reference the database-backed tree is checked against.
 */
export class MemoryMerkleTree {
  private readonly levels: Uint8Array[][] = [[]];

  constructor(leafHashes: readonly Uint8Array[] = []) {
    for (const leaf of leafHashes) this.append(leaf);
  }

  get size(): number {
    return this.levels[0].length;
  }

  append(leaf: Uint8Array): void {
    if (leaf.length !== HASH_SIZE) throw new TypeError('a leaf hash is 32 bytes');
    this.levels[0].push(leaf);
    let level = 0;
    let index = this.levels[0].length - 1;
    while (isOdd(index)) {
      const parent = nodeHash(this.levels[level][index - 1], this.levels[level][index]);
      level += 1;
      index = half(index);
      if (this.levels[level] === undefined) this.levels[level] = [];
      this.levels[level][index] = parent;
    }
  }

  readonly nodeAt: NodeSource = (ref) => {
    const hash = this.levels[ref.level]?.[ref.index];
    if (hash === undefined) throw new RangeError(`node ${nodeKey(ref)} is not in a tree of ${this.size} leaves`);
    return hash;
  };

  root(size = this.size): Uint8Array {
    if (size > this.size) throw new RangeError(`the tree has only ${this.size} leaves`);
    return rangeHash({ start: 0, end: size }, this.nodeAt);
  }

  inclusionProof(index: number, size = this.size): Uint8Array[] {
    if (size > this.size) throw new RangeError(`the tree has only ${this.size} leaves`);
    return inclusionProof(index, size, this.nodeAt);
  }

  consistencyProof(from: number, to = this.size): Uint8Array[] {
    if (to > this.size) throw new RangeError(`the tree has only ${this.size} leaves`);
    return consistencyProof(from, to, this.nodeAt);
  }
}
