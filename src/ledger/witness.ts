/**
 * The witness: every seal, as made, also written outside the database, append-only. A folder
 * by default (LEDGER_WITNESS_DIR, `<LEDGER_DATA_DIR>/witness`); point it at storage the
 * database's administrators cannot write (another host's mount, a WORM bucket's sync folder).
 * Someone who rewrites the events, the seals and the Merkle tables together leaves the witness
 * behind: `verify` compares each witnessed seal with the one in `$ledger` of the same id.
 *
 *     <dir>/seals/<treeSize, 12 digits>-<eventId>.json   one file per seal, never rewritten
 *     <dir>/keys/<keyId>.pem                            every public key that signed a seal
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { keyIdOf, publicKeyPem } from './seal-signing';
import type { RecordedSeal } from './seal';

/** What the witness keeps of a seal: what it says and where it sits in `$ledger`. */
export interface WitnessedSeal {
  eventId: string;
  position: string;
  hash: string;
  sealedThroughPosition: string;
  treeSize: number;
  rootHash: string;
  previousSealHash: string | null;
  sealedAt: string;
  keyId: string | null;
  signature: string | null;
}

export function witnessedSeal(seal: RecordedSeal): WitnessedSeal {
  const { eventId, position, hash, sealedThroughPosition, treeSize, rootHash, previousSealHash, sealedAt } = seal;
  const keyId = typeof seal.keyId === 'string' ? seal.keyId : null;
  const signature = typeof seal.signature === 'string' ? seal.signature : null;
  return { eventId, position, hash, sealedThroughPosition, treeSize, rootHash, previousSealHash, sealedAt, keyId, signature };
}

/** What differs between the witnessed seal and the one in `$ledger`; empty when nothing does. */
export function witnessDifferences(witnessed: WitnessedSeal, inLedger: WitnessedSeal): string[] {
  return (Object.keys(witnessed) as (keyof WitnessedSeal)[])
    .filter((field) => witnessed[field] !== inLedger[field])
    .map((field) => `${field}: witnessed ${String(witnessed[field])}, in the ledger ${String(inLedger[field])}`);
}

export class WitnessConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WitnessConflictError';
  }
}

export class FolderWitness {
  constructor(readonly folder: string) {}

  /** Writes the seal once; writing the same seal again is a no-op, a different one under its name an error. */
  async record(seal: RecordedSeal): Promise<void> {
    const entry = witnessedSeal(seal);
    const file = path.join(this.folder, 'seals', `${String(entry.treeSize).padStart(12, '0')}-${entry.eventId}.json`);
    const written = await writeOnce(file, `${JSON.stringify(entry, null, 2)}\n`);
    if (written) return;
    const kept = JSON.parse(await readFile(file, 'utf8')) as WitnessedSeal;
    const differences = witnessDifferences(kept, entry);
    if (differences.length > 0) throw new WitnessConflictError(`the witness already holds seal ${entry.eventId} with ${differences.join('; ')}`);
  }

  /** Keeps the public key that signs seals, so its seals stay verifiable after a rotation. */
  async recordKey(publicKey: KeyObject): Promise<void> {
    await writeOnce(path.join(this.folder, 'keys', `${keyIdOf(publicKey)}.pem`), publicKeyPem(publicKey));
  }

  /** Every witnessed seal, smallest tree first. */
  async seals(): Promise<WitnessedSeal[]> {
    const folder = path.join(this.folder, 'seals');
    const files = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    const seals: WitnessedSeal[] = [];
    for (const file of files.filter((name) => name.endsWith('.json')).sort()) {
      seals.push(JSON.parse(await readFile(path.join(folder, file), 'utf8')) as WitnessedSeal);
    }
    return seals;
  }

  get keysFolder(): string {
    return path.join(this.folder, 'keys');
  }
}

/**
 * Creates the file with the content, flushed, or answers false when it already exists. The
 * content goes to a temporary file first and is linked into place, so a crash never leaves a
 * half-written seal under its name.
 */
async function writeOnce(file: string, content: string): Promise<boolean> {
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(temporary, 'wx', 0o444);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A full or read-only folder: named as the witness's (health, logs), never half a file left.
    throw new WitnessWriteError(file, error);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** The witness folder could not be written (full, read-only, gone): the seal stays in the ledger and is witnessed once it can be. */
export class WitnessWriteError extends Error {
  constructor(file: string, cause: unknown) {
    super(`the witness could not write ${path.basename(file)}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, { cause });
    this.name = 'WitnessWriteError';
  }
}
