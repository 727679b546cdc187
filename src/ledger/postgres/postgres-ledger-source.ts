import { Pool } from 'pg';
import type { RecordedEvent } from '../../event-store/event-store';
import { GlobalPosition, positionOf, START } from '../../event-store/position';
import { EventRow, toRecordedEvent } from '../../event-store/postgres/postgres-event-store';
import { LedgerSource, StreamHead } from '../ledger-source';
import { LEDGER_STREAM } from '../seal';

const EVENT_COLUMNS = 'position, stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash';

/**
 * The PostgreSQL engine's tables read directly: never upcast, keyset pages on the primary
 * key, and the stream heads of ledger_streams for the truncation check.
 */
export class PostgresLedgerSource implements LedgerSource {
  constructor(private readonly pool: Pool) {}

  async headPosition(): Promise<GlobalPosition> {
    const { rows } = await this.pool.query<{ head: string | null }>('SELECT max(position) AS head FROM ledger_events');
    return rows[0].head === null ? START : positionOf(BigInt(rows[0].head));
  }

  async readStored(after: GlobalPosition, through: GlobalPosition, maxCount: number): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ledger_events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
      [after.commit.toString(), through.commit.toString(), maxCount],
    );
    return rows.map(toRecordedEvent);
  }

  async readLedgerStream(through: GlobalPosition): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM ledger_events WHERE stream_name = $1 AND position <= $2 ORDER BY revision`, [
      LEDGER_STREAM,
      through.commit.toString(),
    ]);
    return rows.map(toRecordedEvent);
  }

  async positionOf(streamName: string, revision: bigint): Promise<GlobalPosition | undefined> {
    const { rows } = await this.pool.query<{ position: string }>(
      'SELECT position FROM ledger_events WHERE stream_name = $1 AND revision = $2 ORDER BY position LIMIT 1',
      [streamName, revision.toString()],
    );
    return rows.length === 0 ? undefined : positionOf(BigInt(rows[0].position));
  }

  async *streamHeads(): AsyncIterable<StreamHead> {
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ stream_name: string; revision: string; last_hash: Buffer; last_position: string }>(
        `SELECT stream_name, revision, last_hash, last_position FROM ledger_streams
          WHERE stream_name > $1 ORDER BY stream_name LIMIT 1000`,
        [after],
      );
      for (const row of rows) {
        yield {
          streamName: row.stream_name,
          revision: BigInt(row.revision),
          hash: row.last_hash.toString('hex'),
          position: positionOf(BigInt(row.last_position)),
        };
      }
      if (rows.length < 1000) return;
      after = rows[rows.length - 1].stream_name;
    }
  }
}
