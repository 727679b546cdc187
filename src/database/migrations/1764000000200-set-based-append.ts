import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ledger_append, set-based. The append lock is held mostly for CPU work inside the function,
 * not for the disk flush, so fewer statements per append is what buys throughput: one
 * duplicate-id check, the batch's stream rows read and locked in one statement, the hash
 * chain worked out in a loop, then one multi-row insert of events and one of streams. The
 * rare cases (a retry, the same stream or id twice in one batch) go to the original
 * per-append function, kept as ledger_append_loop. Same outcomes, rows and hashes; the
 * contract suite runs against this function.
 *
 * Planner notes: `count(*) ... = ANY(ids)` rather than EXISTS (which chose a sequential
 * scan), and `stream_name = ANY(streams)` rather than a join to unnest (which scans
 * ledger_streams as it grows).
 */
export class SetBasedAppend1764000000200 implements MigrationInterface {
  name = 'SetBasedAppend1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER FUNCTION ledger_append(text[], text[], int[], uuid[], text[], text[], text[]) RENAME TO ledger_append_loop');
    await queryRunner.query(`

CREATE FUNCTION ledger_append(
  p_streams text[], p_expected text[], p_counts int[],
  p_ids uuid[], p_types text[], p_data text[], p_metadata text[]
) RETURNS TABLE (outcome text, actual_revision bigint, revisions bigint[], positions bigint[], conflicting_id uuid)
LANGUAGE plpgsql
SET lock_timeout = '30s'
AS $$
DECLARE
  n_appends int := coalesce(array_length(p_streams, 1), 0);
  i int; j int; k int := 0; n int; m int := 0; s int := 0;
  f_names text[]; f_revs bigint[]; f_hashes bytea[]; f int;
  v_stream text; v_expected text; v_current bigint; v_hash bytea; v_rev bigint; v_pos bigint;
  v_now timestamptz; v_found int;
  e_pos bigint[] := '{}'; e_stream text[] := '{}'; e_rev bigint[] := '{}'; e_id uuid[] := '{}';
  e_type text[] := '{}'; e_data text[] := '{}'; e_meta text[] := '{}'; e_hash bytea[] := '{}';
  s_name text[] := '{}'; s_rev bigint[] := '{}'; s_hash bytea[] := '{}'; s_last bigint[] := '{}';
  o_outcome text[]; o_actual bigint[]; o_revs text[]; o_poss text[];
BEGIN
  PERFORM pg_advisory_xact_lock(7411000001);
  IF n_appends = 0 THEN RETURN; END IF;
  -- The slow path handles retries, an id twice in one batch and a stream twice in one batch.
  SELECT count(*) INTO v_found FROM ledger_events WHERE event_id = ANY (p_ids);
  IF v_found > 0
     OR (SELECT count(DISTINCT x) FROM unnest(p_streams) x) <> n_appends
     OR (SELECT count(DISTINCT x) FROM unnest(p_ids) x) <> array_length(p_ids, 1) THEN
    RETURN QUERY SELECT * FROM ledger_append_loop(p_streams, p_expected, p_counts, p_ids, p_types, p_data, p_metadata);
    RETURN;
  END IF;

  SELECT array_agg(t.stream_name), array_agg(t.revision), array_agg(t.last_hash) INTO f_names, f_revs, f_hashes
    FROM (SELECT st.stream_name, st.revision, st.last_hash FROM ledger_streams st
           WHERE st.stream_name = ANY (p_streams) ORDER BY st.stream_name FOR UPDATE) t;

  v_now := clock_timestamp();
  o_outcome := array_fill(NULL::text, ARRAY[n_appends]);
  o_actual := array_fill(NULL::bigint, ARRAY[n_appends]);
  o_revs := array_fill(NULL::text, ARRAY[n_appends]);
  o_poss := array_fill(NULL::text, ARRAY[n_appends]);
  FOR i IN 1 .. n_appends LOOP
    v_stream := p_streams[i]; v_expected := p_expected[i]; n := p_counts[i];
    f := array_position(f_names, v_stream);
    IF f IS NULL THEN
      v_current := -1; v_hash := '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    ELSE
      v_current := f_revs[f]; v_hash := f_hashes[f];
    END IF;
    IF NOT (v_expected = 'any'
            OR (v_expected = 'no_stream' AND v_current = -1)
            OR (v_expected = 'stream_exists' AND v_current >= 0)
            OR (v_expected ~ '^[0-9]+$' AND v_current = v_expected::bigint)) THEN
      o_outcome[i] := 'wrong_expected_revision'; o_actual[i] := v_current;
      k := k + n;
      CONTINUE;
    END IF;
    FOR j IN 1 .. n LOOP
      v_rev := v_current + j;
      v_pos := nextval('ledger_position_seq');
      v_hash := sha256(v_hash || convert_to(
        '{"data":' || p_data[k + j] || ',"id":"' || p_ids[k + j]::text || '","metadata":' || p_metadata[k + j]
        || ',"revision":' || v_rev::text || ',"stream":' || to_json(v_stream)::text
        || ',"type":' || to_json(p_types[k + j])::text || '}', 'UTF8'));
      m := m + 1;
      e_pos[m] := v_pos; e_stream[m] := v_stream; e_rev[m] := v_rev; e_id[m] := p_ids[k + j];
      e_type[m] := p_types[k + j]; e_data[m] := p_data[k + j]; e_meta[m] := p_metadata[k + j]; e_hash[m] := v_hash;
      o_revs[i] := coalesce(o_revs[i] || ',', '') || v_rev::text;
      o_poss[i] := coalesce(o_poss[i] || ',', '') || v_pos::text;
    END LOOP;
    s := s + 1;
    s_name[s] := v_stream; s_rev[s] := v_current + n; s_hash[s] := v_hash; s_last[s] := v_pos;
    o_outcome[i] := 'ok';
    k := k + n;
  END LOOP;

  IF m > 0 THEN
    INSERT INTO ledger_events (position, stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash)
      SELECT u.pos, u.stream, u.rev, u.id, u.type, u.data::jsonb, u.meta::jsonb, v_now, u.hash
        FROM unnest(e_pos, e_stream, e_rev, e_id, e_type, e_data, e_meta, e_hash)
             AS u(pos, stream, rev, id, type, data, meta, hash);
    INSERT INTO ledger_streams (stream_name, revision, last_hash, last_position)
      SELECT * FROM unnest(s_name, s_rev, s_hash, s_last)
      ON CONFLICT (stream_name) DO UPDATE
        SET revision = EXCLUDED.revision, last_hash = EXCLUDED.last_hash, last_position = EXCLUDED.last_position;
    PERFORM pg_notify('ledger_appended', '');
  END IF;

  FOR i IN 1 .. n_appends LOOP
    outcome := o_outcome[i]; actual_revision := o_actual[i];
    revisions := CASE WHEN o_revs[i] IS NULL THEN NULL ELSE ('{' || o_revs[i] || '}')::bigint[] END;
    positions := CASE WHEN o_poss[i] IS NULL THEN NULL ELSE ('{' || o_poss[i] || '}')::bigint[] END;
    conflicting_id := NULL;
    RETURN NEXT;
  END LOOP;
END $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION ledger_append(text[], text[], int[], uuid[], text[], text[], text[])');
    await queryRunner.query('ALTER FUNCTION ledger_append_loop(text[], text[], int[], uuid[], text[], text[], text[]) RENAME TO ledger_append');
  }
}
