import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import { parseProtectedCharacteristics } from '../../src/cases/complaint.enums';
import type { ProtectedCharacteristics } from '../../src/cases/complaint.enums';
import { caseStreamName } from '../../src/cases/case.stream';
import { EventStore } from '../../src/event-store/event-store';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { Vault } from '../../src/vault/vault';
import { FactScope, NOT_A_CASE, readCounts, viewReader } from '../common/dated-facts';
import type { CountsReader } from '../common/dated-facts';
import { complainantDemographics } from './complaint-demographics';
import { COMPLAINT_METRIC } from './complaint-facts';
import { complaintStatistics, ComplaintStatistics } from './complaint-figures';
import { COMPLAINT_STATISTICS_CASE_LOG_TABLE, COMPLAINT_STATISTICS_COUNTS_TABLE } from './complaint-statistics.projection';

@Injectable()
export class ComplaintStatisticsQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly vault: Vault,
  ) {}

  /** The force's complaint figures over `[from, to]`, of the cases the reader may count (`scope`). */
  async statistics(force: string, from: string, to: string, scope: FactScope): Promise<ComplaintStatistics> {
    const reader = viewReader(this.pool, 'complaint statistics');
    const views = { counts: COMPLAINT_STATISTICS_COUNTS_TABLE, caseLog: COMPLAINT_STATISTICS_CASE_LOG_TABLE };
    const counts = await readCounts(reader, views, force, from, to, scope);
    const { complainants, subjects } = await this.characteristicsOf(await loggedCases(reader, force, from, to, scope));
    return {
      ...complaintStatistics(force, from, to, counts),
      complainants: complainantDemographics(complainants),
      subjects: complainantDemographics(subjects),
    };
  }

  /**
   * Each case's complainant characteristics, opened from the vault (a correction of the logging
   * replaces them). One stream read per complaint: cost grows with the complaints in the period.
   */
  private async characteristicsOf(caseIds: readonly string[]): Promise<{ complainants: Characteristics[]; subjects: Characteristics[] }> {
    const complainants: unknown[] = [];
    const subjects: unknown[] = [];
    for (const caseId of caseIds) {
      const stream = await this.store.readStream(caseStreamName(caseId));
      const logged = stream.find((event) => event.type === 'ComplaintLogged');
      complainants.push(logged === undefined ? undefined : sealedCharacteristics(stream, logged));
      for (const added of stream.filter((event) => event.type === 'SubjectAdded')) subjects.push(sealedCharacteristics(stream, added));
    }
    const opened = await this.vault.open([...complainants, ...subjects]);
    const parsed = opened.map(parseProtectedCharacteristics);
    return { complainants: parsed.slice(0, complainants.length), subjects: parsed.slice(complainants.length) };
  }
}

type Characteristics = ProtectedCharacteristics | null;

/** An event's `protectedCharacteristics` as stored (sealed), as last corrected. */
function sealedCharacteristics(stream: readonly RecordedEvent[], recorded: RecordedEvent): unknown {
  let data = recorded.data as { protectedCharacteristics?: unknown };
  for (const event of stream) {
    const correction = event.data as { correctsEventId?: string; replacement?: { protectedCharacteristics?: unknown } };
    if (event.type === 'RecordCorrected' && correction.correctsEventId === recorded.eventId && correction.replacement) data = correction.replacement;
  }
  return data.protectedCharacteristics;
}

/** The complaints of the force logged in `[from, to]` that the reader may count (as readCounts judges them). */
async function loggedCases(reader: CountsReader, force: string, from: string, to: string, scope: FactScope): Promise<string[]> {
  const { rows } = await reader.query<{ case_id: string }>(
    `SELECT DISTINCT l.case_id FROM ${COMPLAINT_STATISTICS_CASE_LOG_TABLE} AS l CROSS JOIN LATERAL jsonb_array_elements(l.facts) AS fact
      WHERE fact->>0 = $1 AND fact->>2 = $4 AND (fact->>1)::date BETWEEN $2::date AND $3::date
        AND fact->>4 = ANY($5::text[])
        AND NOT coalesce(l.subject_person_ids @> ARRAY[$6::text], false) AND NOT l.case_id = ANY($7::text[])
      ORDER BY l.case_id`,
    [force, from, to, COMPLAINT_METRIC.casesLogged, [NOT_A_CASE, ...scope.sensitivities], scope.excludeSubjectPersonId, scope.excludeCaseIds],
  );
  return rows.map((row) => row.case_id);
}
