import { Injectable } from '@nestjs/common';
import type { LoadedCase } from '../../src/access/case-read-access';
import { caseStreamName } from '../../src/cases/case.stream';
import { EventStore } from '../../src/event-store/event-store';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition, isAfter, parsePosition } from '../../src/event-store/position';
import { CASE_EXPORT_FORMAT, CaseExport } from '../../src/ledger/case-export';
import type { ExportedDocument } from '../../src/ledger/case-export';
import { documentReferenceOf } from '../../src/documents/document-reference';
import { DocumentStorage } from '../../src/documents/document-storage';
import { LedgerService } from '../../src/ledger/ledger.service';
import { NotFoundError } from '../../src/common/domain-error';
import { accessFactsOf, statusFrom } from '../common/case-status-item';

/**
 * Builds a case export from the case's own stream and the ledger's latest seal, with an
 * inclusion proof per sealed event. Every proof is checked by the ledger before it is
 * handed out, and `npm run ledger -- verify-export` checks the whole export offline.
 */
@Injectable()
export class CaseExportBuilder {
  constructor(
    private readonly store: EventStore,
    private readonly ledger: LedgerService,
    private readonly documents: DocumentStorage,
  ) {}

  /** The facts to judge the read by, and the export to build once it is granted. */
  async load(caseId: string): Promise<LoadedCase<() => Promise<CaseExport>> | undefined> {
    const streamName = caseStreamName(caseId);
    const stream = await this.store.readStream(streamName);
    const status = statusFrom(stream);
    if (status === null) return undefined;
    return { facts: accessFactsOf(status), value: () => this.build(caseId, streamName, stream) };
  }

  private async build(caseId: string, streamName: string, stream: readonly RecordedEvent[]): Promise<CaseExport> {
    const seal = await this.ledger.latestSeal().catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    const sealedThrough = seal === null ? undefined : parsePosition(seal.sealedThroughPosition);
    const sealed = sealedThrough === undefined ? [] : stream.filter((event) => !isAfter(event.position, sealedThrough));
    const inclusionProofs = seal === null ? [] : await Promise.all(sealed.map((event) => this.ledger.inclusionProof(event.eventId, seal.treeSize)));
    return {
      format: CASE_EXPORT_FORMAT,
      caseId,
      streamName,
      exportedAt: new Date().toISOString(),
      events: stream.map((event) => ({
        eventId: event.eventId,
        type: event.type,
        revision: Number(event.revision),
        position: formatPosition(event.position),
        recordedAt: event.recordedAt,
        data: event.data,
        metadata: event.metadata,
        hash: event.hash,
      })),
      seal,
      inclusionProofs,
      unsealedEvents: stream.length - sealed.length,
      documents: await this.documentsOf(stream),
    };
  }

  /** Each document's bytes as stored (sealed under the case's key): the export carries no clear content. */
  private async documentsOf(stream: readonly RecordedEvent[]): Promise<ExportedDocument[]> {
    const exported: ExportedDocument[] = [];
    for (const event of stream) {
      const reference = documentReferenceOf(event);
      if (reference === undefined) continue;
      const sealed = await this.documents.get(reference.storedSha256);
      // A missing object is left out: verify-export then names the document (DOCUMENT_MISSING).
      if (sealed !== undefined) exported.push({ ...reference, sealed: sealed.toString('base64') });
    }
    return exported;
  }
}
