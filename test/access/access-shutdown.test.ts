/** Reads still in the recorder's buffer when the service stops are written before the event store closes. */
import { AccessRecorder } from '../../src/access-log/access-recorder';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { startTestApp } from '../support/app';
import { poolFor } from '../support/database';
import { openCase, PURPOSE } from './access-support';

describe('recording reads at shutdown', () => {
  it('flushes the buffered reads on app.close()', async () => {
    const service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
    try {
      const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'RESTRICTED');
      const recorder = service.app.get(AccessRecorder);
      // Nothing would be written for a minute but for the shutdown.
      recorder.configure({ flushIntervalMs: 60_000 });
      const token = bearer(service.config, { roles: ['INSPECTOR'], force: 'HAMPSHIRE' });
      for (const path of [`/api/v1/cases/${caseId}`, `/api/v1/cases/${caseId}/history`]) {
        await service.http().get(path).set('Authorization', token).set('X-Access-Purpose', PURPOSE).set('X-Wait-For-Position', position).expect(403);
      }
      expect(recorder.pending).toBe(2);
      await service.app.close();

      const pool = poolFor(service.database, 1);
      try {
        const { rows } = await pool.query<{ stream_name: string; data: { caseId: string; granted: boolean; reasonIfRefused: string } }>(
          `SELECT stream_name, data FROM ledger_events WHERE event_type = 'CaseAccessed' AND data->>'caseId' = $1 ORDER BY position`,
          [caseId],
        );
        expect(rows.map((row) => [row.stream_name.slice(0, 7), row.data.granted, row.data.reasonIfRefused])).toEqual([
          ['access-', false, 'restrictedFromInspectors'],
          ['access-', false, 'restrictedFromInspectors'],
        ]);
      } finally {
        await pool.end();
      }
    } finally {
      await service.database.drop();
    }
  });
});
