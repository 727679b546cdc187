import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL event store.
 *
 * Global order: appends are serialised store-wide by a transaction-scoped advisory lock
 * taken first thing in `ledger_append`, and positions come from a sequence under that lock.
 * PostgreSQL releases transaction locks only after the commit is visible, so a position
 * becomes visible only after every lower position has committed or rolled back: a reader
 * of `position > checkpoint` can never skip an event that commits late. (This is the
 * "serialised appends" technique of the event-store notes; throughput comes back through
 * group commit in the engine, which folds concurrent appends into one call.)
 *
 * Lost appends: the stream row is locked FOR UPDATE, and (stream, revision) and event_id are
 * unique; nothing uses ON CONFLICT DO NOTHING on events.
 *
 * Immutability: statement-level triggers refuse UPDATE, DELETE and TRUNCATE on
 * ledger_events for every role, the service's own included.
 */
export class EventStore1764000000000 implements MigrationInterface {
  name = 'EventStore1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE SEQUENCE ledger_position_seq AS bigint MINVALUE 0 START WITH 0 NO CYCLE;

      CREATE TABLE ledger_streams (
        stream_name text PRIMARY KEY,
        revision bigint NOT NULL,
        last_hash bytea NOT NULL,
        last_position bigint NOT NULL
      );

      CREATE TABLE ledger_events (
        position bigint PRIMARY KEY,
        stream_name text NOT NULL,
        revision bigint NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        hash bytea NOT NULL,
        CONSTRAINT ledger_events_stream_revision UNIQUE (stream_name, revision),
        CONSTRAINT ledger_events_event_id UNIQUE (event_id),
        CONSTRAINT ledger_events_revision_non_negative CHECK (revision >= 0)
      );
      CREATE INDEX ledger_events_type_position ON ledger_events (event_type, position);

      CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'recorded events are immutable: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'correct a record by appending RecordCorrected';
      END $$;

      CREATE TRIGGER ledger_events_immutable
        BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_events
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
    `);

    await queryRunner.query(`
      -- Appends a batch of appends in one transaction (group commit). Each append is judged
      -- on its own: a wrong expected revision or a reused event id is reported for that
      -- append and does not disturb the others. Event arrays are flattened; p_counts says
      -- how many events belong to each append. p_data and p_metadata are RFC 8785 JSON texts,
      -- so the hash input below is the exact canonical form the verifier recomputes.
      CREATE FUNCTION ledger_append(
        p_streams text[], p_expected text[], p_counts int[],
        p_ids uuid[], p_types text[], p_data text[], p_metadata text[]
      ) RETURNS TABLE (outcome text, actual_revision bigint, revisions bigint[], positions bigint[], conflicting_id uuid)
      LANGUAGE plpgsql
      SET lock_timeout = '30s'
      AS $$
      DECLARE
        i int; j int; k int := 0; n int;
        v_stream text; v_expected text; v_current bigint; v_hash bytea; v_last bigint;
        v_now timestamptz; v_pos bigint; v_rev bigint; v_found int; v_bad uuid;
        v_appended boolean := false;
      BEGIN
        PERFORM pg_advisory_xact_lock(7411000001);
        v_now := clock_timestamp();
        FOR i IN 1 .. coalesce(array_length(p_streams, 1), 0) LOOP
          v_stream := p_streams[i]; v_expected := p_expected[i]; n := p_counts[i];
          outcome := NULL; actual_revision := NULL; revisions := NULL; positions := NULL; conflicting_id := NULL;

          -- A retry: the same ids, same stream, same order and content, appended before.
          SELECT count(*) INTO v_found FROM ledger_events WHERE event_id = ANY (p_ids[k + 1 : k + n]);
          IF v_found > 0 THEN
            SELECT array_agg(e.revision ORDER BY x.ord), array_agg(e.position ORDER BY x.ord),
                   (array_agg(x.id ORDER BY x.ord) FILTER (
                      WHERE e.event_id IS NULL OR e.stream_name <> v_stream
                         OR e.event_type <> x.type OR e.data <> x.data::jsonb))[1]
              INTO revisions, positions, v_bad
              FROM unnest(p_ids[k + 1 : k + n], p_types[k + 1 : k + n], p_data[k + 1 : k + n])
                   WITH ORDINALITY AS x(id, type, data, ord)
              LEFT JOIN ledger_events e ON e.event_id = x.id;
            IF v_bad IS NULL THEN
              FOR j IN 2 .. n LOOP
                IF revisions[j] <> revisions[1] + j - 1 THEN v_bad := p_ids[k + j]; END IF;
              END LOOP;
            END IF;
            IF v_bad IS NULL THEN
              outcome := 'ok';
            ELSE
              outcome := 'duplicate_event_id'; conflicting_id := v_bad; revisions := NULL; positions := NULL;
            END IF;
            RETURN NEXT;
            k := k + n;
            CONTINUE;
          END IF;

          SELECT s.revision, s.last_hash INTO v_current, v_hash
            FROM ledger_streams s WHERE s.stream_name = v_stream FOR UPDATE;
          IF NOT FOUND THEN
            v_current := -1; v_hash := '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
          END IF;

          IF NOT (v_expected = 'any'
                  OR (v_expected = 'no_stream' AND v_current = -1)
                  OR (v_expected = 'stream_exists' AND v_current >= 0)
                  OR (v_expected ~ '^[0-9]+$' AND v_current = v_expected::bigint)) THEN
            outcome := 'wrong_expected_revision'; actual_revision := v_current;
            RETURN NEXT;
            k := k + n;
            CONTINUE;
          END IF;

          revisions := '{}'; positions := '{}';
          FOR j IN 1 .. n LOOP
            v_rev := v_current + j;
            v_pos := nextval('ledger_position_seq');
            v_hash := sha256(v_hash || convert_to(
              '{"data":' || p_data[k + j] || ',"id":"' || p_ids[k + j]::text || '","metadata":' || p_metadata[k + j]
              || ',"revision":' || v_rev::text || ',"stream":' || to_json(v_stream)::text
              || ',"type":' || to_json(p_types[k + j])::text || '}', 'UTF8'));
            INSERT INTO ledger_events (position, stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash)
              VALUES (v_pos, v_stream, v_rev, p_ids[k + j], p_types[k + j], p_data[k + j]::jsonb, p_metadata[k + j]::jsonb, v_now, v_hash);
            revisions := revisions || v_rev; positions := positions || v_pos;
          END LOOP;
          v_last := v_pos;

          INSERT INTO ledger_streams (stream_name, revision, last_hash, last_position)
            VALUES (v_stream, v_current + n, v_hash, v_last)
            ON CONFLICT (stream_name) DO UPDATE
              SET revision = EXCLUDED.revision, last_hash = EXCLUDED.last_hash, last_position = EXCLUDED.last_position;
          v_appended := true;
          outcome := 'ok';
          RETURN NEXT;
          k := k + n;
        END LOOP;
        IF v_appended THEN
          PERFORM pg_notify('ledger_appended', '');
        END IF;
      END $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping the ledger is never a migration step: history is not ours to throw away.
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_append(text[], text[], int[], uuid[], text[], text[], text[])`);
  }
}
