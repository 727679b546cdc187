import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index of the ledger's SubjectAdded events and corrections by their data, so that a
 * person's cases are found by the person (`readAll` with `dataContains`, PostgreSQL's `@>`),
 * not by reading every subject ever added: a decision that weighs the person's sanction
 * history (src/cases/sanction-history.reader.ts) did that on every command, a scan that
 * grows with the ledger. Partial (those two types only) and without a pending list, so an
 * append of any other event costs nothing more and a search never scans unsorted entries.
 */
export class SubjectPersonIndex1768000000000 implements MigrationInterface {
  name = 'SubjectPersonIndex1768000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ledger_events_subject_data ON ledger_events USING gin (data jsonb_path_ops) WITH (fastupdate = off)
       WHERE event_type IN ('SubjectAdded', 'RecordCorrected')
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS ledger_events_subject_data');
  }
}
