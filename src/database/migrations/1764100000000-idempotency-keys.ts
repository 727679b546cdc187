import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replays of commands sent with an Idempotency-Key (see src/http/idempotency-store.ts).
 *
 * A row is written before the command runs (status_code NULL: in progress) so a second
 * request with the same key waits for the first instead of running beside it, and is
 * completed with the response that is replayed to later retries. The key is per user:
 * one user's key says nothing about another's. Only command responses are kept (ids,
 * revision, position), never request bodies: request_hash is a SHA-256 of the request.
 */
export class IdempotencyKeys1764100000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        user_id text NOT NULL,
        idempotency_key uuid NOT NULL,
        request_hash text NOT NULL,
        status_code int,
        response_headers jsonb,
        response_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        locked_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (user_id, idempotency_key),
        CONSTRAINT idempotency_keys_completed CHECK ((status_code IS NULL) = (completed_at IS NULL))
      );
      CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS idempotency_keys');
  }
}
