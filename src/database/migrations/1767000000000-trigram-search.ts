import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `pg_trgm` for the search read model's fuzzy matching of names and references
 * (projections/search). A trusted extension since PostgreSQL 13: the owner of the database,
 * which runs the migrations, may create it. Where the server does not ship it the migration
 * still passes, with a warning: the search then matches words only (full-text search), says
 * so in its answers (`fuzzy: false`), and /health is unaffected.
 */
export class TrigramSearch1767000000000 implements MigrationInterface {
  name = 'TrigramSearch1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'pg_trgm is not available (%): search will match whole words only, without fuzzy matching', SQLERRM;
      END
      $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
