import { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND = 'ledger_append(text[], text[], int[], uuid[], text[], text[], text[])';
const APPEND_LOOP = 'ledger_append_loop(text[], text[], int[], uuid[], text[], text[], text[])';

/** What the append functions name: qualified with the schema, they no longer depend on search_path. */
const LEDGER_OBJECTS = /([^.\w])(ledger_events|ledger_streams|ledger_position_seq|ledger_append_loop)\b/g;

/**
 * Least privilege (src/database/roles.ts): the service appends only through `ledger_append`,
 * which now runs with the rights of its owner (SECURITY DEFINER), and no one else may call
 * it or the slow path it falls back to.
 *
 * A SECURITY DEFINER function must not resolve names through a schema its callers can
 * create in (the service creates its read models in this one): a function of theirs named
 * like one the body calls, with a closer argument type, would run with the owner's rights.
 * So both functions get `search_path = pg_catalog, pg_temp` and their bodies name the
 * ledger's objects with their schema. The bodies are otherwise unchanged: they are read back
 * from the database and only those names are qualified.
 */
export class AppendAsOwner1765500000000 implements MigrationInterface {
  name = 'AppendAsOwner1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ schema }] = (await queryRunner.query('SELECT quote_ident(current_schema()) AS schema')) as { schema: string }[];
    for (const signature of [APPEND_LOOP, APPEND]) {
      const [{ definition }] = (await queryRunner.query(`SELECT pg_get_functiondef('${signature}'::regprocedure) AS definition`)) as { definition: string }[];
      // The header's name is already qualified (pg_get_functiondef always qualifies it).
      await queryRunner.query(definition.replace(LEDGER_OBJECTS, `$1${schema}.$2`));
      await queryRunner.query(`ALTER FUNCTION ${signature} SET search_path = pg_catalog, pg_temp`);
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    }
    await queryRunner.query(`ALTER FUNCTION ${APPEND} SECURITY DEFINER`);
    await queryRunner.query('ALTER FUNCTION ledger_refuse_change() SET search_path = pg_catalog, pg_temp');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER FUNCTION ${APPEND} SECURITY INVOKER`);
    for (const signature of [APPEND_LOOP, APPEND]) await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${signature} TO PUBLIC`);
  }
}
