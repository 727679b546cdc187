import { Injectable } from '@nestjs/common';
import type { CaseFactsBeforeLoading } from '../../src/access/case-read-access';
import { caseStreamName } from '../../src/cases/case.stream';
import { EventStore } from '../../src/event-store/event-store';
import { CaseStatusQueries } from './case-status.queries';

/**
 * What a read of a case's history or export knows before it loads the record
 * (CaseReadAccess.openCostly): the case-status row, and whether the stream has a first
 * event. Both lookups are made, side by side, whatever the case, so an existing case one
 * may not see and an id that is no case cost the same.
 */
@Injectable()
export class CaseFactsBeforeLoadingSource {
  constructor(
    private readonly queries: CaseStatusQueries,
    private readonly store: EventStore,
  ) {}

  async of(caseId: string): Promise<CaseFactsBeforeLoading> {
    const [row, first] = await Promise.all([this.queries.find(caseId), this.store.readStream(caseStreamName(caseId), { maxCount: 1 })]);
    if (row !== undefined) return { facts: row.facts };
    return first.length === 0 ? 'noSuchCase' : 'notInReadModelYet';
  }
}
