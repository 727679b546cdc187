import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh LEDGER_DATA_DIR under the system's temporary folder: the seal signing key and the witness go there, never into the checkout. */
export function testDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'ledger-test-data-'));
}
