/**
 * `npm run demo` (scripts/demo.ts) on a fresh database, at a reduced size (one month, two
 * cases a month per force): the cases, registers and recommendations of both forces are
 * there in the API and on the pages, and a second run appends nothing (every command's
 * Idempotency-Key is derived from what it does, so the service replays its first answer).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import type { Role } from '../../src/http/roles';
import { DEMO_FORCES, demoStories } from '../../scripts/demo/demo-data';
import type { DemoOptions } from '../../scripts/demo/demo-data';
import { sendDemo } from '../../scripts/demo/send-demo';
import type { DemoTally } from '../../scripts/demo/send-demo';
import { bearer } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { signInAs } from '../web/page-support';

const run = promisify(execFile);
const SIZE = { months: 1, casesPerMonth: 2, seed: 14 };
const PURPOSE = 'Checking the demo data loaded';

describe('npm run demo', () => {
  let database: TestDatabase;
  let service: TestApp;
  let first: DemoTally & { today: string; stories: Record<string, number> };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'demo-data-'));

  async function eventCount(): Promise<number> {
    const pool = new Pool({ connectionString: database.url, max: 1 });
    try {
      const { rows } = await pool.query<{ count: string }>('SELECT count(*) FROM ledger_events');
      return Number(rows[0].count);
    } finally {
      await pool.end();
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    const { stdout } = await run(
      'npx',
      ['ts-node', '--transpile-only', 'scripts/demo.ts', '--months', String(SIZE.months), '--cases-per-month', String(SIZE.casesPerMonth)],
      {
        cwd: path.resolve(__dirname, '../..'),
        env: { ...process.env, DATABASE_URL: database.url, LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
        timeout: 150_000,
      },
    );
    first = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    service = await startTestApp({ LEDGER_DATA_DIR: dataDir }, { database });
  }, 180_000);

  afterAll(async () => {
    await service?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const read = (url: string, role: Role, force: string) =>
    service
      .http()
      .get(url)
      .set('Authorization', bearer(service.config, { userId: `${role.toLowerCase()}-demo`, roles: [role], force }))
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', String(first.lastPosition));

  it('loads the seed stories, cases, registers and recommendations through the commands', () => {
    expect(first.stories).toEqual({
      'seed story': 10,
      case: SIZE.months * SIZE.casesPerMonth * DEMO_FORCES.length,
      register: expect.any(Number),
      recommendation: 4,
    });
    // A moved story may meet a rule of its new dates (a panel chair of another era): it stops there, named by its rule.
    for (const reason of Object.keys(first.refused)) expect(reason).toMatch(/^[a-z][A-Za-z]+$/);
    expect(first.appended).toBeGreaterThan(100);
  });

  it.each(DEMO_FORCES)('shows %s cases, recommendations and integrity records in the API', async (force) => {
    const cases = await read('/api/v1/cases', 'ACU_INVESTIGATOR', force).expect(200);
    expect(cases.body.items.length).toBeGreaterThan(SIZE.casesPerMonth);
    expect(cases.body.items.every((item: { force: string }) => item.force === force)).toBe(true);
    const recommendations = await read(`/api/v1/recommendations?force=${force}`, 'INSPECTOR', force).expect(200);
    expect(recommendations.body.total).toBeGreaterThan(0);
    const options: DemoOptions = { ...SIZE, today: first.today };
    const register = demoStories(options).find((story) => story.kind === 'register' && story.force === force);
    const personId = register?.requests[0].path.split('/')[1];
    const record = await read(`/api/v1/people/${personId}/integrity-record`, 'PSD_INVESTIGATOR', force).expect(200);
    expect(record.body.vetting).toEqual(expect.objectContaining({ level: expect.any(String) }));
  });

  it.each(DEMO_FORCES)('shows %s cases on the case list and the DCC oversight page', async (force) => {
    const investigator = await signInAs(service, { userId: `psd-${force.toLowerCase()}`, role: 'PSD_INVESTIGATOR', force });
    const list = await investigator.get('/casework').expect(200);
    expect(list.text.match(/href="\/casework\/[0-9a-f-]{36}/g)?.length ?? 0).toBeGreaterThan(0);
    const dcc = await signInAs(service, { userId: `dcc-${force.toLowerCase()}`, role: 'DCC', force });
    const oversight = await dcc.get('/oversight').expect(200);
    expect(oversight.text).toContain(`Oversight: ${force}`);
  });

  it('appends nothing when run again', async () => {
    const before = await eventCount();
    const again = await sendDemo({
      baseUrl: (await service.app.getUrl()).replace('[::1]', '127.0.0.1'),
      jwt: service.config.jwt,
      stories: demoStories({ ...SIZE, today: first.today }),
    });
    expect(again).toEqual(expect.objectContaining({ appended: 0, alreadyThere: first.appended, refused: first.refused }));
    expect(await eventCount()).toBe(before);
  }, 120_000);
});
