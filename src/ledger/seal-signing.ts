/**
 * Signed seals: each seal's content is signed with the ledger's Ed25519 key, so that whoever
 * holds the public key can tell a seal the sealer made from one written into the database by
 * someone who rewrote the events, the seals and the Merkle tables together.
 *
 * The key comes from LEDGER_SEAL_SIGNING_KEY_FILE (a PKCS#8 PEM), or is generated once as
 * `<LEDGER_DATA_DIR>/seal-signing-key.pem` and announced at start-up. A seal names its key
 * by `keyId` (the first 16 hex digits of the SHA-256 of the public key's DER): a rotated key
 * leaves the old seals verifiable as long as the old public key is known (the witness keeps
 * every public key the sealer has used; LEDGER_SEAL_PUBLIC_KEYS_DIR adds others).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SealData } from './seal';

export const SEAL_SIGNATURE_ALGORITHM = 'Ed25519';

/** The fields a signature covers, in a fixed order: the seal's content. */
export function sealSigningBytes(seal: Pick<SealData, 'sealedThroughPosition' | 'treeSize' | 'rootHash' | 'previousSealHash' | 'sealedAt'>): Buffer {
  const { sealedThroughPosition, treeSize, rootHash, previousSealHash, sealedAt } = seal;
  return Buffer.from(JSON.stringify(['LedgerSealed/v1', sealedThroughPosition, treeSize, rootHash, previousSealHash, sealedAt]), 'utf8');
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export class SealSigner {
  readonly publicKey: KeyObject;
  readonly keyId: string;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error(`the seal signing key must be an Ed25519 key, not ${privateKey.asymmetricKeyType ?? 'a secret key'}`);
    this.publicKey = createPublicKey(privateKey);
    this.keyId = keyIdOf(this.publicKey);
  }

  static generate(): SealSigner {
    return new SealSigner(generateKeyPairSync('ed25519').privateKey);
  }

  static fromPem(pem: string): SealSigner {
    return new SealSigner(createPrivateKey(pem));
  }

  /** The seal with its signature and key id. */
  sign<T extends SealData>(seal: T): T {
    return { ...seal, keyId: this.keyId, signature: sign(null, sealSigningBytes(seal), this.privateKey).toString('base64') };
  }
}

/** The public keys a verifier trusts, by key id. */
export type TrustedKeys = ReadonlyMap<string, KeyObject>;

export function trustedKeys(...keys: KeyObject[]): TrustedKeys {
  return new Map(keys.map((key) => [keyIdOf(key), key]));
}

/** Every `*.pem` public key in a folder (a missing folder holds none). */
export function publicKeysIn(folder: string): KeyObject[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.pem'))
    .sort()
    .map((file) => createPublicKey(readFileSync(path.join(folder, file), 'utf8')));
}

/** Why the seal's signature does not hold, or null when it does. */
export function sealSignatureProblem(seal: SealData, keys: TrustedKeys): string | null {
  const { keyId, signature } = seal;
  if (typeof keyId !== 'string' || typeof signature !== 'string') return 'the seal is not signed';
  const key = keys.get(keyId);
  if (!key) return `the seal is signed with key ${keyId}, which is not a trusted key`;
  const valid = verify(null, sealSigningBytes(seal), key, Buffer.from(signature, 'base64'));
  return valid ? null : `the signature does not match the seal's content under key ${keyId}`;
}

/** Where the signing key is: the configured file, or `seal-signing-key.pem` under the data folder. */
export function signingKeyFile(options: { keyFile?: string; dataDir: string }): string {
  return options.keyFile ?? path.join(options.dataDir, 'seal-signing-key.pem');
}

/**
 * The signing key of this installation: the configured file, or the one generated under the
 * data folder (created on first use, readable by its owner only). `generated` says whether
 * this call made it, so the service can announce it.
 */
export function loadOrCreateSigningKey(options: { keyFile?: string; dataDir: string }): { signer: SealSigner; file: string; generated: boolean } {
  const file = signingKeyFile(options);
  if (existsSync(file)) return { signer: SealSigner.fromPem(readFileSync(file, 'utf8')), file, generated: false };
  if (options.keyFile !== undefined) throw new Error(`LEDGER_SEAL_SIGNING_KEY_FILE names ${file}, which does not exist`);
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process starting at the same moment made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { signer: SealSigner.fromPem(readFileSync(file, 'utf8')), file, generated: false };
  }
  return { signer: new SealSigner(privateKey), file, generated: true };
}
