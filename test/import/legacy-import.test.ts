/**
 * The legacy import (docs/import.md) on a real PostgreSQL, through the service's own write
 * path: a file of a few thousand rows imported twice appends once; a file with bad rows
 * imports the good ones and reports each bad one with the rule that refused it; a dry run
 * appends nothing; every imported event says where it came from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { EventStore } from '../../src/event-store/event-store';
import { caseStreamName } from '../../src/cases/case.stream';
import { LegacyImport } from '../../src/import/legacy-import';
import type { ImportReport } from '../../src/import/legacy-import';
import { importIds } from '../../src/import/legacy-rows';
import { CommandForms } from '../../src/web/command-forms';
import { poolFor } from '../support/database';
import { startTestApp } from '../support/app';
import type { TestApp } from '../support/app';
import { caseRows, legacyExport, toCsv } from './legacy-export';
import type { ExportRow } from './legacy-export';

let app: TestApp;
let pool: Pool;

beforeAll(async () => {
  app = await startTestApp();
  pool = poolFor(app.database, 2);
});

afterAll(async () => {
  await pool.end();
  await app.close();
});

function importFile(csv: string, options: { dryRun?: boolean; fileName?: string } = {}): Promise<ImportReport> {
  const legacyImport = new LegacyImport(app.app.get(CommandForms), app.app.get(EventStore));
  return legacyImport.run(Buffer.from(csv), { force: 'HAMPSHIRE', fileName: options.fileName ?? 'export.csv', dryRun: options.dryRun });
}

/** The cases' events (the sealer and the access log write streams of their own meanwhile). */
async function eventCount(): Promise<number> {
  const { rows } = await pool.query<{ count: string }>("SELECT count(*) FROM ledger_events WHERE stream_name LIKE 'case-%'");
  return Number(rows[0].count);
}

it('says in each event where it came from, back-dated to its legal date', async () => {
  // The example of docs/import.md.
  const csv = readFileSync(join(__dirname, 'fixtures', 'example-export.csv'), 'utf8');
  const report = await importFile(csv, { fileName: 'old-system.csv' });
  expect(report).toMatchObject({ appended: 10, refused: 0 });
  const stream = await app.app.get(EventStore).readStream(caseStreamName(importIds.caseId('HAMPSHIRE', 'PSD/2021/00001')));

  expect(stream.map((event) => event.type)).toHaveLength(10);
  expect(stream[0].metadata).toMatchObject({
    occurredAt: '2021-03-01T00:00:00.000Z',
    actor: { force: 'HAMPSHIRE', roles: expect.arrayContaining(['APPROPRIATE_AUTHORITY']) as unknown },
    import: { fileName: 'old-system.csv', fileSha256: report.fileSha256, row: 1, sourceRef: 'PSD/2021/00001#1', legalDate: '2021-03-01' },
  });
  const investigation = stream.find((event) => event.type === 'InvestigationStarted');
  expect(investigation?.metadata).toMatchObject({ occurredAt: '2021-03-22T00:00:00.000Z', import: { sourceRef: 'PSD/2021/00001#5' } });
  expect(investigation?.data).toMatchObject({ startedOn: '2021-03-22' });
});

it('imports a file of 2,000 rows once: a second run appends nothing', async () => {
  const csv = legacyExport(200, 101);
  const before = await eventCount();

  const first = await importFile(csv);
  expect(first).toMatchObject({ rowsRead: 2000, appended: 2000, eventsAppended: 2000, alreadyPresent: 0, refused: 0, refusals: [] });
  expect(await eventCount()).toBe(before + 2000);

  const second = await importFile(csv);
  expect(second).toMatchObject({ rowsRead: 2000, appended: 0, eventsAppended: 0, alreadyPresent: 2000, refused: 0 });
  expect(await eventCount()).toBe(before + 2000);
}, 240_000);

it('refuses the rows of a case of another force with the rule of the write path', async () => {
  const csv = readFileSync(join(__dirname, 'fixtures', 'example-export.csv'), 'utf8');
  const legacyImport = new LegacyImport(app.app.get(CommandForms), app.app.get(EventStore));

  const report = await legacyImport.run(Buffer.from(csv), { force: 'KENT', fileName: 'example-export.csv' });

  expect(report).toMatchObject({ appended: 0, refused: 10 });
  expect(report.refusals[0]).toMatchObject({ row: 1, step: 'ReceiveReferral', rule: 'forbidden', message: expect.stringContaining('HAMPSHIRE') as unknown });
  expect(new Set(report.refusals.slice(1).map((refusal) => refusal.rule))).toEqual(new Set(['caseNotFound']));
});

it('imports the good rows of a file with bad rows and reports each bad one with its rule', async () => {
  const good = [...caseRows(601), ...caseRows(602)];
  const bad = caseRows(603);
  const rows: ExportRow[] = [
    ...good.slice(0, 10),
    { ...bad[0], source_ref: 'BAD-1', step: 'TeleportSubject' },
    { ...bad[0], source_ref: 'BAD-2', legal_date: '01/03/2021' },
    { ...bad[0], source_ref: 'BAD-3', legal_date: '2021-02-30' },
    // An outcome before any investigation: the case is opened, then a case to answer is decided on it at once.
    bad[0],
    bad[1],
    { ...bad[8], source_ref: 'BAD-4' },
    { ...bad[3], source_ref: 'BAD-5', body: '{"level": "MISCONDUCT"' },
    { ...bad[3], source_ref: 'BAD-6', body: JSON.stringify({ ...JSON.parse(bad[3].body), colour: 'red' }) },
    { ...bad[3], source_ref: good[0].source_ref },
    { ...bad[5], source_ref: 'BAD-7', subject_ref: '' },
    ...good.slice(10),
  ];
  const before = await eventCount();

  const report = await importFile(toCsv(rows));

  expect(report).toMatchObject({ rowsRead: rows.length, appended: 22, alreadyPresent: 0, refused: 8 });
  expect(await eventCount()).toBe(before + 22);
  expect(report.refusals.map(({ row, sourceRef, rule }) => ({ row, sourceRef, rule }))).toEqual([
    { row: 11, sourceRef: 'BAD-1', rule: 'importUnknownStep' },
    { row: 12, sourceRef: 'BAD-2', rule: 'importLegalDateNotADay' },
    { row: 13, sourceRef: 'BAD-3', rule: 'importLegalDateNotADay' },
    { row: 16, sourceRef: 'BAD-4', rule: 'caseToAnswerNeedsInvestigationReport' },
    { row: 17, sourceRef: 'BAD-5', rule: 'importBodyNotAnObject' },
    { row: 18, sourceRef: 'BAD-6', rule: 'validation-failed' },
    { row: 19, sourceRef: good[0].source_ref, rule: 'importSourceRefRepeated' },
    { row: 20, sourceRef: 'BAD-7', rule: 'importSubjectRefMissing' },
  ]);
  expect(report.refusals.find((refusal) => refusal.sourceRef === 'BAD-4')).toMatchObject({
    line: 17,
    step: 'DecideCaseToAnswer',
    message: expect.stringContaining('investigation report') as unknown,
  });
  for (const refusal of report.refusals) expect(refusal.message).not.toBe('');
});

it('decides every row of a dry run and appends nothing', async () => {
  const csv = toCsv([...caseRows(700), ...caseRows(701), { ...caseRows(702)[8], source_ref: 'EARLY' }]);
  const before = await eventCount();

  const report = await importFile(csv, { dryRun: true });

  expect(report).toMatchObject({ dryRun: true, rowsRead: 21, appended: 20, eventsAppended: 20, refused: 1 });
  // Decided on the state the dry run built: a case of its own that was never opened.
  expect(report.refusals).toEqual([expect.objectContaining({ sourceRef: 'EARLY', rule: 'caseNotFound' })]);
  expect(await eventCount()).toBe(before);
  expect(await app.app.get(EventStore).readStream(caseStreamName(importIds.caseId('HAMPSHIRE', 'PSD/2021/00700')))).toEqual([]);
});
