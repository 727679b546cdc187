/**
 * A restore whose first statement is slow (a loaded machine): the backup file is read to its
 * end before the restore starts reading lines. It must still see every line and finish; it
 * used to lose the lines read meanwhile and, once the file was read to its end, wait forever
 * (readline's async iterator taken after its lines were emitted). See src/database/backup.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { backupLedger, restoreLedger } from '../../src/database/backup';
import { createTestDatabase, TestDatabase } from '../support/database';
import { within } from '../support/within';

describe('restore of a backup on a slow database', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    folder = mkdtempSync(path.join(tmpdir(), 'ledger-backup-race-'));
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await Promise.all([source.drop(), target.drop()]);
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads every line of the file even when BEGIN answers after the file was read to its end', async () => {
    const file = path.join(folder, 'ledger.backup.gz');
    const header = await backupLedger(source.url, file);
    const query = Client.prototype.query as (this: Client, ...args: unknown[]) => Promise<unknown>;
    jest.spyOn(Client.prototype, 'query').mockImplementation(async function (this: Client, ...args: unknown[]) {
      if (args[0] === 'BEGIN') await new Promise((resolve) => setTimeout(resolve, 500));
      return query.apply(this, args);
    } as typeof Client.prototype.query);
    expect(await within(restoreLedger(target.url, file), 20_000, 'the restore')).toEqual(header);
  });
});
