/**
 * Where documents' sealed content is kept: a port, so that an S3-compatible object store can
 * replace the data folder without the rest of the service knowing. Objects are
 * content-addressed (the hex SHA-256 of the sealed bytes is their address), written once and
 * never changed: putting the same address again is harmless, and nothing here deletes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export abstract class DocumentStorage {
  /** Stores `bytes` at `address` (their SHA-256) unless an object is there already. */
  abstract put(address: string, bytes: Uint8Array): Promise<void>;
  /** The object at `address`, or undefined when none is stored there. */
  abstract get(address: string): Promise<Buffer | undefined>;
}

const ADDRESS = /^[0-9a-f]{64}$/;

export function addressOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The default: one file per object under `<LEDGER_DATA_DIR>/documents/<first two hex>/<address>`
 * (mode 0600), written to a temporary name and renamed, so a reader never sees half an object.
 */
export class FileSystemDocumentStorage extends DocumentStorage {
  constructor(private readonly dir: string) {
    super();
  }

  async put(address: string, bytes: Uint8Array): Promise<void> {
    const file = this.fileOf(address);
    if (await exists(file)) return;
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, bytes, { mode: 0o600, flush: true });
      await rename(temporary, file);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async get(address: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.fileOf(address));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private fileOf(address: string): string {
    // The address comes from an event the service wrote, but a path is never built from anything unchecked.
    if (!ADDRESS.test(address)) throw new Error('a document address is a hex SHA-256');
    return path.join(this.dir, address.slice(0, 2), address);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
