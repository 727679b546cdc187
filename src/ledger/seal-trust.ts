/**
 * What makes a seal trustworthy beyond the database: the key that signs it and the witness
 * that keeps a copy (seal-signing.ts, witness.ts), as configured (LEDGER_SEAL_SIGNING_KEY_FILE,
 * LEDGER_WITNESS_DIR, LEDGER_SEAL_PUBLIC_KEYS_DIR). The service, the CLI and the tests build it
 * the same way.
 */
import type { AppConfig } from '../config/configuration';
import { existsSync, readFileSync } from 'node:fs';
import { keyIdOf, loadOrCreateSigningKey, publicKeyPem, publicKeysIn, SEAL_SIGNATURE_ALGORITHM, SealSigner, signingKeyFile, trustedKeys } from './seal-signing';
import type { TrustedKeys } from './seal-signing';
import { FolderWitness } from './witness';

/** The public keys a reader needs to check seals, as `GET /ledger/public-key` serves them. */
export interface SealPublicKeys {
  algorithm: typeof SEAL_SIGNATURE_ALGORITHM;
  /** The key that signs new seals. */
  keyId: string;
  publicKeyPem: string;
  /** Every key seals of this ledger may be signed with (earlier keys after a rotation). */
  keys: { keyId: string; publicKeyPem: string }[];
}

export class SealTrust {
  constructor(
    readonly signer: SealSigner,
    readonly witness: FolderWitness,
    private readonly publicKeysDir?: string,
  ) {}

  /** `announce` is told when a signing key is generated, and where. */
  static fromConfig(config: Pick<AppConfig, 'dataDir' | 'ledger'>, announce: (line: string) => void = () => undefined): SealTrust {
    const { signer, file, generated } = loadOrCreateSigningKey({ keyFile: config.ledger.signingKeyFile, dataDir: config.dataDir });
    if (generated) announce(`generated the seal signing key ${file} (key id ${signer.keyId}): keep it safe, and publish its public key`);
    return new SealTrust(signer, new FolderWitness(config.ledger.witnessDir), config.ledger.publicKeysDir);
  }

  /** The signing key's public half, the witness's keys and the extra configured ones. */
  trustedKeys(): TrustedKeys {
    const extra = this.publicKeysDir ? publicKeysIn(this.publicKeysDir) : [];
    return trustedKeys(...publicKeysIn(this.witness.keysFolder), ...extra, this.signer.publicKey);
  }

  publicKeys(): SealPublicKeys {
    return {
      algorithm: SEAL_SIGNATURE_ALGORITHM,
      keyId: this.signer.keyId,
      publicKeyPem: publicKeyPem(this.signer.publicKey),
      keys: [...this.trustedKeys().values()].map((key) => ({ keyId: keyIdOf(key), publicKeyPem: publicKeyPem(key) })),
    };
  }
}

/**
 * What a verifier needs, read and never written: the witness, and the public keys it trusts
 * (the witness's, the configured folder's, and the signing key's public half when the key
 * exists). `npm run ledger -- verify` is a read-only command: unlike `SealTrust.fromConfig`,
 * this never generates a signing key.
 */
export function verifyingTrust(config: Pick<AppConfig, 'dataDir' | 'ledger'>): { witness: FolderWitness; trustedKeys: TrustedKeys } {
  const witness = new FolderWitness(config.ledger.witnessDir);
  const keyFile = signingKeyFile({ keyFile: config.ledger.signingKeyFile, dataDir: config.dataDir });
  const own = existsSync(keyFile) ? [SealSigner.fromPem(readFileSync(keyFile, 'utf8')).publicKey] : [];
  const extra = config.ledger.publicKeysDir ? publicKeysIn(config.ledger.publicKeysDir) : [];
  return { witness, trustedKeys: trustedKeys(...publicKeysIn(witness.keysFolder), ...extra, ...own) };
}
