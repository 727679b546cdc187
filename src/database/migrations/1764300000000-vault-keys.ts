import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal-data vault's keys (src/vault): one AES-256-GCM data key per person, wrapped
 * by the master key. Erasure sets wrapped_key NULL and erased_at: the row stays as a
 * tombstone, so the person's data cannot be written again under a new key and readers can
 * tell "erased" from "never had data".
 */
export class VaultKeys1764300000000 implements MigrationInterface {
  name = 'VaultKeys1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE vault_keys (
        person_id text PRIMARY KEY,
        wrapped_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        CONSTRAINT vault_keys_erased_has_no_key CHECK (erased_at IS NULL OR wrapped_key IS NULL),
        CONSTRAINT vault_keys_live_has_key CHECK (erased_at IS NOT NULL OR wrapped_key IS NOT NULL)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS vault_keys');
  }
}
