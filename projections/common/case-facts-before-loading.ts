import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { CaseFactsBeforeLoading } from '../../src/access/case-read-access';
import { caseStreamName } from '../../src/cases/case.stream';
import { PG_POOL } from '../../src/database/database.module';
import { EventStore } from '../../src/event-store/event-store';
import { isNotBuiltYet } from '../runner/read-model-errors';
import { accessFactsOf } from './case-status-item';
import type { CaseStatusItem } from './case-status-item';
import { CASE_STATUS_TABLE } from './case-status-views';

/**
 * What a read of a case's history or export knows before it loads the record
 * (CaseReadAccess.openCostly): the case-status row (the view projections/case-status fills),
 * and whether the stream has a first event. Both lookups are made, side by side, whatever the
 * case, so an existing case one may not see and an id that is no case cost the same.
 * Before the runner has made the first generation of case-status there is no view: no row yet.
 */
@Injectable()
export class CaseFactsBeforeLoadingSource {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  async of(caseId: string): Promise<CaseFactsBeforeLoading> {
    const [item, first] = await Promise.all([this.statusItem(caseId), this.store.readStream(caseStreamName(caseId), { maxCount: 1 })]);
    if (item !== undefined) return { facts: accessFactsOf(item) };
    return first.length === 0 ? 'noSuchCase' : 'notInReadModelYet';
  }

  private async statusItem(caseId: string): Promise<CaseStatusItem | undefined> {
    try {
      const { rows } = await this.pool.query<{ item: CaseStatusItem }>(`SELECT item FROM ${CASE_STATUS_TABLE} WHERE case_id = $1`, [caseId]);
      return rows[0]?.item;
    } catch (error) {
      if (isNotBuiltYet(error)) return undefined;
      throw error;
    }
  }
}
