import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import { INTEGRITY_RECORD_TABLE } from './integrity-record.projection';
import type { RecordedEntry } from './integrity-record.view';
import { isNotBuiltYet } from '../runner/read-model-errors';

export interface StoredIntegrityRecord {
  force: string;
  events: RecordedEntry[];
}

/** Reads the integrity_record view (whichever generation the runner has swapped in). */
@Injectable()
export class IntegrityRecordQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async find(personId: string): Promise<StoredIntegrityRecord | undefined> {
    try {
      const { rows } = await this.pool.query<StoredIntegrityRecord>(`SELECT force, events FROM ${INTEGRITY_RECORD_TABLE} WHERE person_id = $1`, [personId]);
      return rows[0];
    } catch (error) {
      // Before the runner has made the first generation there is no view: no records yet.
      if (isNotBuiltYet(error)) return undefined;
      throw error;
    }
  }
}
