import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Merkle tree the sealer builds over the ledger (src/ledger): one row per leaf (an
 * event outside `$ledger`, in global order) and one per complete inner node, so a seal
 * costs only the new events and a proof costs O(log n) lookups instead of a pass over
 * every event.
 *
 * Nothing here is trusted: `verify` recomputes everything from ledger_events, and every
 * proof is checked against its seal's root before it is handed out, so a damaged row can
 * make a proof unavailable but never make a false one pass. The tables can be emptied and
 * the sealer rebuilds them from the events.
 *
 * Positions are kept as commit and prepare numbers so the tree works with every engine.
 */
export class LedgerMerkleTree1764250000000 implements MigrationInterface {
  name = 'LedgerMerkleTree1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ledger_merkle_leaves (
        leaf_index bigint PRIMARY KEY,
        event_id uuid NOT NULL,
        stream_name text NOT NULL,
        revision bigint NOT NULL,
        commit_position bigint NOT NULL,
        prepare_position bigint NOT NULL,
        chain_hash bytea NOT NULL,
        CONSTRAINT ledger_merkle_leaves_event_id UNIQUE (event_id),
        CONSTRAINT ledger_merkle_leaves_index_non_negative CHECK (leaf_index >= 0),
        CONSTRAINT ledger_merkle_leaves_chain_hash_size CHECK (octet_length(chain_hash) = 32)
      );

      -- Level 1 and up; a level-0 node is the leaf hash of ledger_merkle_leaves.chain_hash.
      CREATE TABLE ledger_merkle_nodes (
        level smallint NOT NULL,
        node_index bigint NOT NULL,
        hash bytea NOT NULL,
        PRIMARY KEY (level, node_index),
        CONSTRAINT ledger_merkle_nodes_level CHECK (level BETWEEN 1 AND 62),
        CONSTRAINT ledger_merkle_nodes_hash_size CHECK (octet_length(hash) = 32)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Derived data only: the sealer rebuilds it from the events.
    await queryRunner.query('DROP TABLE IF EXISTS ledger_merkle_nodes; DROP TABLE IF EXISTS ledger_merkle_leaves;');
  }
}
