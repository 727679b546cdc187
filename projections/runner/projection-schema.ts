import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The runner's own bookkeeping. `projection_generations` has one row per generation of a
 * projection, with its checkpoint; `projection_state` says which generation readers see.
 */
export class ProjectionRunner1764000000100 implements MigrationInterface {
  name = 'ProjectionRunner1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_state (
        name text PRIMARY KEY,
        active_generation int,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE projection_generations (
        name text NOT NULL,
        generation int NOT NULL,
        version int NOT NULL,
        checkpoint text NOT NULL,
        status text NOT NULL CHECK (status IN ('BUILDING', 'ACTIVE', 'RETIRED')),
        events_applied bigint NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (name, generation)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE projection_generations; DROP TABLE projection_state;');
  }
}

/**
 * Dead letters of the projections (parked-events.ts): one row per event a generation of a
 * projection could not apply and went past.
 */
export class ProjectionParkedEvents1764410000000 implements MigrationInterface {
  name = 'ProjectionParkedEvents1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_parked_events (
        projection text NOT NULL,
        generation int NOT NULL,
        event_id text NOT NULL,
        position text NOT NULL,
        event_type text NOT NULL,
        error text NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, generation, event_id)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE projection_parked_events;');
  }
}
