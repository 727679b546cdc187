import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sessions of the pages (src/web/web-sessions.ts), kept in PostgreSQL so that every
 * instance of the service shares them. The cookie holds a random token; the table holds only
 * its SHA-256, so a copy of the table signs nobody in. `actor` is the same actor a bearer
 * token gives (user id, name, roles, force); `purposes` the purpose of access stated per case
 * in this session (docs/api.md "Purpose of access"). A session idle for 30 minutes is over.
 */
export class WebSessions1766000000000 implements MigrationInterface {
  name = 'WebSessions1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE web_sessions (
        token_hash text PRIMARY KEY,
        actor jsonb NOT NULL,
        csrf_token text NOT NULL,
        purposes jsonb NOT NULL DEFAULT '{}'::jsonb,
        last_position text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX web_sessions_last_seen_at ON web_sessions (last_seen_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS web_sessions');
  }
}
