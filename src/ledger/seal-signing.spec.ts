import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateSigningKey, SealSigner, sealSignatureProblem, trustedKeys } from './seal-signing';
import { parseSealData } from './seal';
import type { SealData } from './seal';

const content: SealData = {
  sealedThroughPosition: '41',
  treeSize: 40,
  rootHash: 'ab'.repeat(32),
  previousSealHash: null,
  sealedAt: '2026-12-05T18:00:00.000Z',
};

describe('seal signatures (Ed25519)', () => {
  const signer = SealSigner.generate();
  const keys = trustedKeys(signer.publicKey);

  it('given a signed seal, when checked with its key, then it holds and parses as a seal', () => {
    const signed = signer.sign(content);
    expect(sealSignatureProblem(signed, keys)).toBeNull();
    expect(parseSealData(signed)).toEqual(signed);
  });

  it('given any field of the seal changed after signing, then the signature no longer holds', () => {
    const signed = signer.sign(content);
    for (const change of [{ rootHash: 'cd'.repeat(32) }, { treeSize: 41 }, { previousSealHash: 'ef'.repeat(32) }, { sealedAt: '2026-12-05T18:00:01.000Z' }]) {
      expect(sealSignatureProblem({ ...signed, ...change }, keys)).toMatch(/does not match the seal's content/);
    }
  });

  it('given a key nobody trusts, or no signature, then it says so', () => {
    const other = SealSigner.generate().sign(content);
    expect(sealSignatureProblem(other, keys)).toMatch(/not a trusted key/);
    expect(sealSignatureProblem(content, keys)).toBe('the seal is not signed');
  });

  it('refuses a seal with half a signature, or a malformed one', () => {
    const signed = signer.sign(content);
    expect(parseSealData({ ...content, keyId: signed.keyId })).toBe('keyId and signature come together');
    expect(parseSealData({ ...signed, signature: 'not base64!' })).toBe('signature is not a base64 Ed25519 signature');
  });

  it('generates the key once, readable by its owner only, and reads it back after', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'seal-key-'));
    const first = loadOrCreateSigningKey({ dataDir });
    expect(first.generated).toBe(true);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const second = loadOrCreateSigningKey({ dataDir });
    expect(second).toMatchObject({ generated: false, file: first.file });
    expect(second.signer.keyId).toBe(first.signer.keyId);
    expect(() => loadOrCreateSigningKey({ dataDir, keyFile: path.join(dataDir, 'missing.pem') })).toThrow(/does not exist/);
  });
});
