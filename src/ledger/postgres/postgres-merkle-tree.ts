import { Pool } from 'pg';
import { GlobalPosition } from '../../event-store/position';
import {
  consistencyPathRanges,
  inclusionPathRanges,
  LeafRange,
  leafHash,
  MerkleFrontier,
  NodeRef,
  nodeKey,
  NodeSource,
  nodesFor,
  perfectSubtrees,
  rangeHash,
} from '../merkle';

/** An event as a leaf of the tree: its chain hash, and enough to find it again. */
export interface TreeLeaf {
  eventId: string;
  streamName: string;
  revision: bigint;
  position: GlobalPosition;
  /** The event's chain hash (32 bytes); the tree's leaf hash is SHA-256(0x00 ‖ this). */
  chainHash: Buffer;
}

export interface StoredLeaf extends TreeLeaf {
  leafIndex: number;
}

export interface StoredTree {
  frontier: MerkleFrontier;
  lastLeaf: StoredLeaf | null;
}

interface LeafRow {
  leaf_index: string;
  event_id: string;
  stream_name: string;
  revision: string;
  commit_position: string;
  prepare_position: string;
  chain_hash: Buffer;
}

/**
 * The sealer's Merkle tree in ledger_merkle_leaves / ledger_merkle_nodes (see the
 * migration). Written only by the sealer holding its lock; read by the proof endpoints.
 */
export class PostgresMerkleTree {
  constructor(private readonly pool: Pool) {}

  /** The stored tree's right edge, to go on appending from. */
  async load(): Promise<StoredTree> {
    const { rows } = await this.pool.query<LeafRow>('SELECT * FROM ledger_merkle_leaves ORDER BY leaf_index DESC LIMIT 1');
    if (rows.length === 0) return { frontier: MerkleFrontier.empty(), lastLeaf: null };
    const lastLeaf = toLeaf(rows[0]);
    const size = lastLeaf.leafIndex + 1;
    const refs = perfectSubtrees({ start: 0, end: size });
    const nodeAt = await this.nodes(refs);
    return { frontier: MerkleFrontier.fromSubtrees(size, refs.map(nodeAt)), lastLeaf };
  }

  /**
   * Appends leaves after the frontier and stores them with every node they complete, in
   * one transaction. Answers the new frontier; the one passed in is left as it was, so a
   * failed write leaves the caller's view matching the table.
   */
  async append(frontier: MerkleFrontier, leaves: TreeLeaf[]): Promise<MerkleFrontier> {
    const next = frontier.clone();
    const nodes: { ref: NodeRef; hash: Uint8Array }[] = [];
    for (const leaf of leaves) {
      next.append(leafHash(leaf.chainHash), (ref, hash) => {
        if (ref.level > 0) nodes.push({ ref, hash });
      });
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ledger_merkle_leaves (leaf_index, event_id, stream_name, revision, commit_position, prepare_position, chain_hash)
         SELECT i, e, s, r, c, p, decode(h, 'hex')
           FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[]) AS t(i, e, s, r, c, p, h)`,
        [
          leaves.map((_, i) => String(frontier.size + i)),
          leaves.map((leaf) => leaf.eventId),
          leaves.map((leaf) => leaf.streamName),
          leaves.map((leaf) => leaf.revision.toString()),
          leaves.map((leaf) => leaf.position.commit.toString()),
          leaves.map((leaf) => leaf.position.prepare.toString()),
          leaves.map((leaf) => leaf.chainHash.toString('hex')),
        ],
      );
      if (nodes.length > 0) {
        await client.query(
          `INSERT INTO ledger_merkle_nodes (level, node_index, hash)
           SELECT l, i, decode(h, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) AS t(l, i, h)`,
          [nodes.map((node) => node.ref.level), nodes.map((node) => String(node.ref.index)), nodes.map((node) => Buffer.from(node.hash).toString('hex'))],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return next;
  }

  /** Fetches these nodes in one query; the answer throws for a node the table lacks. */
  async nodes(refs: readonly NodeRef[]): Promise<NodeSource> {
    const leaves = refs.filter((ref) => ref.level === 0).map((ref) => String(ref.index));
    const inner = refs.filter((ref) => ref.level > 0);
    const { rows } = await this.pool.query<{ level: number; node_index: string; hash: Buffer }>(
      `SELECT 0::int AS level, leaf_index AS node_index, chain_hash AS hash FROM ledger_merkle_leaves WHERE leaf_index = ANY ($1::bigint[])
       UNION ALL
       SELECT n.level::int, n.node_index, n.hash FROM ledger_merkle_nodes n
         JOIN unnest($2::smallint[], $3::bigint[]) AS want(level, node_index) USING (level, node_index)`,
      [leaves, inner.map((ref) => ref.level), inner.map((ref) => String(ref.index))],
    );
    const found = new Map<string, Uint8Array>();
    for (const row of rows) {
      const ref = { level: row.level, index: Number(row.node_index) };
      found.set(nodeKey(ref), ref.level === 0 ? leafHash(row.hash) : row.hash);
    }
    return (ref) => {
      const hash = found.get(nodeKey(ref));
      if (!hash) throw new Error(`the stored Merkle tree has no node ${nodeKey(ref)}`);
      return hash;
    };
  }

  async size(): Promise<number> {
    const { rows } = await this.pool.query<{ size: string }>('SELECT coalesce(max(leaf_index) + 1, 0) AS size FROM ledger_merkle_leaves');
    return Number(rows[0].size);
  }

  async leafByEventId(eventId: string): Promise<StoredLeaf | undefined> {
    const { rows } = await this.pool.query<LeafRow>('SELECT * FROM ledger_merkle_leaves WHERE event_id = $1', [eventId]);
    return rows.length === 0 ? undefined : toLeaf(rows[0]);
  }

  async rootAt(size: number): Promise<Uint8Array> {
    return this.hashRanges([{ start: 0, end: size }]).then(([root]) => root);
  }

  async inclusionProof(leafIndex: number, size: number): Promise<Uint8Array[]> {
    return this.hashRanges(inclusionPathRanges(leafIndex, size));
  }

  async consistencyProof(from: number, to: number): Promise<Uint8Array[]> {
    return this.hashRanges(consistencyPathRanges(from, to));
  }

  private async hashRanges(ranges: LeafRange[]): Promise<Uint8Array[]> {
    const nodeAt = await this.nodes(nodesFor(ranges));
    return ranges.map((range) => rangeHash(range, nodeAt));
  }
}

function toLeaf(row: LeafRow): StoredLeaf {
  return {
    leafIndex: Number(row.leaf_index),
    eventId: row.event_id,
    streamName: row.stream_name,
    revision: BigInt(row.revision),
    position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
    chainHash: row.chain_hash,
  };
}
