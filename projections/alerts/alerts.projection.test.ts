/**
 * The alerts read model, given / when / then: an alert folded from its events with who
 * handled it, and every change to a force's thresholds kept with who made it.
 */
import type { JsonObject } from '../../src/event-store/event-store';
import { toJsonObject } from '../../src/common/write-path';
import { projectionSpec, SpecLedger } from '../runner/testing/projection-spec';
import { ALERT_ID, PERSON, raisedData, THRESHOLD_ID, thresholdData } from '../../src/alerts/testing/alert-fixtures';
import { alertsProjection } from './alerts.projection';

const by = (userId: string): JsonObject => ({ actor: { userId, roles: [], force: 'HAMPSHIRE' } });

const threshold = (count: number, setOn: string): JsonObject => toJsonObject(thresholdData({ count, setOn }));

describe('the alerts projection', () => {
  const spec = projectionSpec(alertsProjection);

  it('lists an alert raised, then acknowledged and dispositioned, with who did each', async () => {
    const ledger = new SpecLedger();
    await spec
      .given([ledger.record(`alert-${ALERT_ID}`, 'AlertRaised', toJsonObject(raisedData), by('system:alert-reactor'))])
      .when([
        ledger.record(`alert-${ALERT_ID}`, 'AlertAcknowledged', { acknowledgedOn: '2024-03-04' }, by('psd-1')),
        ledger.record(`alert-${ALERT_ID}`, 'AlertDispositioned', { disposition: 'REFERRAL', dispositionedOn: '2024-03-05' }, by('psd-2')),
      ])
      .then(async (tables) => {
        const rows = await tables.rows<{ status: string; person_id: string; item: Record<string, unknown> }>('SELECT status, person_id, item FROM alerts');
        expect(rows).toEqual([
          {
            status: 'DISPOSITIONED',
            person_id: PERSON,
            item: expect.objectContaining({
              measure: 3,
              disposition: 'REFERRAL',
              acknowledgedBy: 'psd-1',
              dispositionedBy: 'psd-2',
              dispositionedOn: '2024-03-05',
            }),
          },
        ]);
      });
  });

  it("keeps every change to a force's thresholds, oldest first, with who made it", async () => {
    const ledger = new SpecLedger();
    const stream = 'alertThresholds-HAMPSHIRE';
    await spec
      .given([ledger.record(stream, 'AlertThresholdSet', threshold(3, '2024-01-01'), by('psd-1'))])
      .when([
        ledger.record(stream, 'AlertThresholdSet', threshold(4, '2024-06-01'), by('dcc-1')),
        ledger.record(stream, 'AlertThresholdRemoved', { thresholdId: THRESHOLD_ID, removedOn: '2024-07-01' }, by('dcc-1')),
      ])
      .then(async (tables) => {
        const rows = await tables.rows<{ change: string; changed_by: string; count: number | null }>(
          `SELECT change, changed_by, (data->>'count')::int AS count FROM alert_threshold_changes WHERE force = 'HAMPSHIRE' ORDER BY position`,
        );
        expect(rows).toEqual([
          { change: 'SET', changed_by: 'psd-1', count: 3 },
          { change: 'SET', changed_by: 'dcc-1', count: 4 },
          { change: 'REMOVED', changed_by: 'dcc-1', count: null },
        ]);
      });
  });
});
