import { Injectable } from '@nestjs/common';
import type { LoadedCase } from '../../src/access/case-read-access';
import { EventStore } from '../../src/event-store/event-store';
import { Vault } from '../../src/vault/vault';
import { caseStreamName } from '../../src/cases/case.stream';
import { accessFactsOf, statusFrom } from '../common/case-status-item';
import { recordedByMs } from './as-of';
import { CaseHistory, caseHistory } from './case-history';

/**
 * Reads the case's own stream rather than a table: exact, never behind, and one short
 * stream per case. Need-to-know is judged on the case as it stands now, whatever `asOf`
 * asks for: a case made covert later must not show through an older view of it.
 */
@Injectable()
export class CaseHistoryReader {
  constructor(
    private readonly store: EventStore,
    private readonly vault: Vault,
  ) {}

  /** The facts to judge the read by, and the history to make once it is granted. */
  async load(caseId: string, asOf: string | undefined): Promise<LoadedCase<() => Promise<CaseHistory>> | undefined> {
    const stream = await this.store.readStream(caseStreamName(caseId));
    const now = statusFrom(stream);
    if (now === null) return undefined;
    // Personal data opens only here, for a reader already let in: erased people's fields read `{ erased: true }`.
    const open = (): Promise<CaseHistory> => this.vault.open(caseHistory(caseId, stream, asOf === undefined ? undefined : recordedByMs(asOf)));
    return { facts: accessFactsOf(now), value: open };
  }
}
