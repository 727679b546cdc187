/** The vault's keys on a real database: wrapping, tamper detection, erasure, the master key's forms. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { developmentMasterKey, MasterKeyError, parseMasterKey, resolveMasterKey } from '../../src/vault/master-key';
import { PersonErasedError, Vault } from '../../src/vault/vault';
import { ERASED } from '../../src/vault/vault-envelope';
import { createTestDatabase, TestDatabase } from '../support/database';

describe('the vault keys', () => {
  let database: TestDatabase;
  let pool: Pool;
  const masterKey = randomBytes(32);

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('seals and opens values of any JSON kind, per person', async () => {
    const vault = new Vault(pool, masterKey);
    const sealed = await vault.seal('person-a', 'Lives at 1 Acacia Avenue');
    const nested = { list: [await vault.seal('person-b', { name: 'B' })], plain: 3 };
    expect(JSON.stringify(sealed)).not.toContain('Acacia');
    expect(await vault.open(sealed)).toBe('Lives at 1 Acacia Avenue');
    expect(await vault.open(nested)).toEqual({ list: [{ name: 'B' }], plain: 3 });
    // Another process with the same master key opens it too (keys come from the table).
    expect(await new Vault(pool, masterKey).open(sealed)).toBe('Lives at 1 Acacia Avenue');
  });

  it('seals the same value in the same event field the same way (a retried command appends the same bytes), anything else differently', async () => {
    const vault = new Vault(pool, masterKey);
    const first = await vault.seal('person-g', 'a summary', 'event-1/summary');
    expect(await vault.seal('person-g', 'a summary', 'event-1/summary')).toEqual(first);
    expect((await vault.seal('person-g', 'a summary', 'event-2/summary')).iv).not.toBe(first.iv);
    expect((await vault.seal('person-g', 'another summary', 'event-1/summary')).iv).not.toBe(first.iv);
    expect((await vault.seal('person-g', 'a summary')).iv).not.toBe(first.iv);
    expect(await vault.open(first)).toBe('a summary');
  });

  it('stores only wrapped keys; the wrong master key cannot open them', async () => {
    const vault = new Vault(pool, masterKey);
    const sealed = await vault.seal('person-c', 'secret');
    const { rows } = await pool.query<{ wrapped_key: string }>('SELECT wrapped_key FROM vault_keys WHERE person_id = $1', ['person-c']);
    expect(rows[0].wrapped_key).toMatch(/^v1\./);
    await expect(new Vault(pool, randomBytes(32)).open(sealed)).rejects.toThrow(/master key does not open/);
  });

  it('refuses a ciphertext moved to another person or altered (GCM tag, person as associated data)', async () => {
    const vault = new Vault(pool, masterKey);
    const sealed = await vault.seal('person-d', 'secret');
    await vault.seal('person-e', 'other');
    await expect(vault.open({ ...sealed, personId: 'person-e' })).rejects.toThrow();
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] ^= 1;
    await expect(vault.open({ ...sealed, ciphertext: flipped.toString('base64') })).rejects.toThrow();
  });

  it('erases: the key is deleted, a tombstone stays, values open as erased, new data is refused', async () => {
    const vault = new Vault(pool, masterKey);
    const other = new Vault(pool, masterKey);
    const sealed = await vault.seal('person-f', 'to be forgotten');
    expect(await other.open(sealed)).toBe('to be forgotten');
    expect(await vault.erase('person-f')).toBe(true);
    expect(await vault.erase('person-f')).toBe(false);
    expect(await vault.open(sealed)).toEqual(ERASED);
    const { rows } = await pool.query('SELECT wrapped_key, erased_at FROM vault_keys WHERE person_id = $1', ['person-f']);
    expect(rows).toEqual([{ wrapped_key: null, erased_at: expect.any(Date) }]);
    await expect(vault.seal('person-f', 'again')).rejects.toBeInstanceOf(PersonErasedError);
  });

  it('opens many people’s values at once, each with its own key or as erased, reading the keys in one query', async () => {
    const writer = new Vault(pool, masterKey);
    const list = await Promise.all(['g1', 'g2', 'g3'].map(async (id) => ({ id, text: await writer.seal(`person-${id}`, `about ${id}`) })));
    await writer.erase('person-g2');
    const reader = new Vault(pool, masterKey);
    const queries = jest.spyOn(pool, 'query');
    try {
      expect(await reader.open(list)).toEqual([
        { id: 'g1', text: 'about g1' },
        { id: 'g2', text: ERASED },
        { id: 'g3', text: 'about g3' },
      ]);
      expect(queries).toHaveBeenCalledTimes(1);
    } finally {
      queries.mockRestore();
    }
  });
});

describe('the master key', () => {
  it('reads 32 bytes as hex or base64 and refuses anything else', () => {
    const key = randomBytes(32);
    expect(parseMasterKey(key.toString('hex'))).toEqual(key);
    expect(parseMasterKey(key.toString('base64'))).toEqual(key);
    expect(() => parseMasterKey('too-short')).toThrow(MasterKeyError);
    expect(() => parseMasterKey(randomBytes(16).toString('base64'))).toThrow(MasterKeyError);
  });

  it('without LEDGER_MASTER_KEY: on an external database, the fixed development key; embedded, a key generated once under the data dir', () => {
    expect(resolveMasterKey({ dataDir: '/nonexistent', embedded: false })).toEqual({ key: developmentMasterKey(), source: 'development-derived' });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vault-'));
    const first = resolveMasterKey({ dataDir, embedded: true });
    const again = resolveMasterKey({ dataDir, embedded: true });
    expect(first.source).toBe('generated-file');
    expect(again.key).toEqual(first.key);
    expect(statSync(first.file ?? '').mode & 0o777).toBe(0o600);
    expect(readFileSync(first.file ?? '', 'utf8').trim()).toBe(first.key.toString('base64'));
  });
});
