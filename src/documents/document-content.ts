/**
 * A document's content, sealed under the vault key of whom it is about and kept in the document
 * storage at the SHA-256 of the sealed bytes: a case's document under the case's key
 * (`case-<caseId>`, src/vault/case-person.ts), a register entry's under the person's own (their
 * person id, as the entry's free text). Erasing that vault person destroys the key: the stored
 * object stays, still checked by `verify`, and can no longer be opened by anyone.
 */
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { problem } from '../http/problem';
import { PersonErasedError, Vault } from '../vault/vault';
import { addressOf, DocumentStorage } from './document-storage';

/** What opening a stored document gives: its content, or why there is none. */
export type OpenedDocument =
  | { kind: 'content'; content: Buffer }
  /** The case's key is destroyed: the content is unreadable for good. */
  | { kind: 'erased' }
  /** No object at its address, or one that is not what the event recorded. */
  | { kind: 'missing' | 'altered' };

export function sha256Of(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

@Injectable()
export class DocumentContent {
  constructor(
    private readonly vault: Vault,
    private readonly storage: DocumentStorage,
  ) {}

  /**
   * Seals the content under `vaultPersonId`'s key and stores it; answers the stored object's
   * address (its hash). The same content stored again for the same vault person gives the same
   * object. New content for one whose personal data was erased is refused (409): it would undo
   * the erasure.
   */
  async store(vaultPersonId: string, content: Uint8Array, sha256: string): Promise<string> {
    let sealed: Buffer;
    try {
      sealed = await this.vault.sealBytes(vaultPersonId, content, sha256);
    } catch (error) {
      if (error instanceof PersonErasedError) throw problem(409, 'personal-data-erased', error.message);
      throw error;
    }
    const address = addressOf(sealed);
    await this.storage.put(address, sealed);
    return address;
  }

  /** The content a DocumentAttached recorded, checked against both its hashes. */
  async open(vaultPersonId: string, recorded: { storedSha256: string; sha256: string }): Promise<OpenedDocument> {
    const sealed = await this.storage.get(recorded.storedSha256);
    if (sealed === undefined) return { kind: 'missing' };
    if (addressOf(sealed) !== recorded.storedSha256) return { kind: 'altered' };
    const content = await this.vault.openBytes(vaultPersonId, sealed, recorded.sha256);
    if (content === null) return { kind: 'erased' };
    return sha256Of(content) === recorded.sha256 ? { kind: 'content', content } : { kind: 'altered' };
  }

  /** The sealed object as stored (an export carries it: no clear content leaves the service). */
  sealed(storedSha256: string): Promise<Buffer | undefined> {
    return this.storage.get(storedSha256);
  }
}
