import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who holds an in-progress Idempotency-Key (src/http/idempotency-store.ts): the owner id of
 * the process that reserved it. Each process holds a session advisory lock on its owner id
 * for as long as it lives, so a retry can tell at once that a reservation's process has died
 * (its lock is gone) and take the key over instead of waiting for the reservation to go stale.
 * NULL for a reservation made before this column: those still wait for the stale period.
 */
export class IdempotencyKeyOwner1765000000000 implements MigrationInterface {
  name = 'IdempotencyKeyOwner1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE idempotency_keys ADD COLUMN owner integer');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE idempotency_keys DROP COLUMN IF EXISTS owner');
  }
}
