/**
 * `npm run import` as an analyst runs it: the command's report on stdout (one JSON line per
 * refused row, then the summary) and its exit codes (docs/import.md).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase } from '../support/database';
import type { TestDatabase } from '../support/database';
import { testDataDir } from '../support/data-dir';

const ROOT = path.resolve(__dirname, '../..');
let database: TestDatabase;
let dataDir: string;
let file: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = testDataDir();
  file = path.join(dataDir, 'export.csv');
  const example = readFileSync(path.join(__dirname, 'fixtures', 'example-export.csv'), 'utf8');
  writeFileSync(file, `${example}OLD/9#1,OLD/9,RecordArrest,2021-13-01,S1,{}\n`);
});

afterAll(async () => {
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

function runImport(args: string[]): { status: number | null; lines: Record<string, Record<string, unknown>>[] } {
  const run = spawnSync('node', ['-r', 'ts-node/register/transpile-only', 'scripts/import.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url, LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const lines = run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, Record<string, unknown>>);
  return { status: run.status, lines };
}

it('reports each refused row with its rule on stdout, then the summary, and exits 1', () => {
  const run = runImport([file, '--force', 'HAMPSHIRE']);
  expect(run.lines).toEqual([
    { refused: expect.objectContaining({ row: 11, line: 12, sourceRef: 'OLD/9#1', rule: 'importLegalDateNotADay' }) as unknown },
    { summary: expect.objectContaining({ fileName: 'export.csv', dryRun: false, rowsRead: 11, appended: 10, alreadyPresent: 0, refused: 1 }) as unknown },
  ]);
  expect(run.status).toBe(1);
}, 180_000);

it('exits 2 on a wrong usage, before touching the ledger', () => {
  expect(runImport([file, '--force', 'hampshire']).status).toBe(2);
}, 120_000);
