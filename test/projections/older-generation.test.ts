/**
 * After an upgrade that changes a projection's tables, the runner keeps the older version's
 * generation active until the new one has caught up (blue/green). Reads whose queries need
 * the new columns must answer 503 read-models-behind (come back shortly), not 500 and not
 * zeros. Simulated here by pointing a view at tables without a column this version reads,
 * as the older generation's were.
 */
import { Client } from 'pg';
import { INSPECTION_COUNTS_TABLE } from '../../projections/inspection-metrics/inspection-metrics.projection';
import { MISCONDUCT_STATISTICS_COUNTS_TABLE } from '../../projections/misconduct-statistics/misconduct-statistics.projection';
import { TIMELINESS_TABLES } from '../../projections/common/timeliness-views';
import { PROBLEM_JSON, read, startFiguresApp } from '../metrics/support';
import type { TestApp } from '../support/app';
import { waitFor } from './case-story-support';

/** Replaces `view` by one over the same rows without `column`, as an older generation's table had. */
async function withoutColumn(client: Client, view: string, column: string): Promise<void> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND column_name <> $2 ORDER BY ordinal_position`,
    [view, column],
  );
  expect(rows.length).toBeGreaterThan(0);
  const { rows: source } = await client.query<{ definition: string }>(`SELECT pg_get_viewdef($1::regclass) AS definition`, [view]);
  const table = /FROM\s+(\S+?);?\s*$/i.exec(source[0].definition.trim())?.[1];
  if (table === undefined) throw new Error(`cannot read the table behind ${view}`);
  await client.query(`DROP VIEW ${view}`);
  await client.query(`CREATE VIEW ${view} AS SELECT ${rows.map((row) => row.column_name).join(', ')} FROM ${table}`);
}

describe('reads while an older generation is active', () => {
  let app: TestApp;
  let client: Client;

  beforeAll(async () => {
    app = await startFiguresApp();
    client = new Client({ connectionString: app.database.url });
    await client.connect();
    // The runners have made their first generations (and views) before those are swapped for older-looking ones.
    const views = [INSPECTION_COUNTS_TABLE, MISCONDUCT_STATISTICS_COUNTS_TABLE, TIMELINESS_TABLES.counts];
    await waitFor(
      async () => (await client.query<{ made: number }>(`SELECT count(to_regclass(view))::int AS made FROM unnest($1::text[]) AS view`, [views])).rows[0].made,
      (made) => made === views.length,
    );
    for (const path of ['metrics/inspection?force=HAMPSHIRE&from=2020-01-01&to=2020-12-31', 'statistics/misconduct?force=HAMPSHIRE&year=2020'])
      expect((await read(app, path)).status).toBe(200);
    expect((await read(app, 'dashboards/dcc?force=HAMPSHIRE', { role: 'DCC' })).status).toBe(200);
  });

  afterAll(async () => {
    await client.end();
    await app.close();
  });

  it('answers 503 read-models-behind with Retry-After for the figures and the DCC dashboard', async () => {
    await withoutColumn(client, INSPECTION_COUNTS_TABLE, 'sensitivity');
    await withoutColumn(client, MISCONDUCT_STATISTICS_COUNTS_TABLE, 'sensitivity');
    await withoutColumn(client, TIMELINESS_TABLES.counts, 'measure');
    for (const [path, role] of [
      ['metrics/inspection?force=HAMPSHIRE&from=2020-01-01&to=2020-12-31', 'INSPECTOR'],
      ['statistics/misconduct?force=HAMPSHIRE&year=2020', 'INSPECTOR'],
      ['dashboards/dcc?force=HAMPSHIRE', 'DCC'],
    ] as const) {
      const response = await read(app, path, { role });
      expect({ path, status: response.status, type: response.body.type }).toEqual({ path, status: 503, type: expect.stringMatching(/read-models-behind$/) });
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.headers['retry-after']).toBe('1');
    }
  });
});
