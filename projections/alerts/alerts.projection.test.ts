/**
 * The alerts read model, given / when / then: an alert folded from its events with who
 * handled it, and every change to a force's thresholds kept with who made it.
 */
import type { JsonObject } from '../../src/event-store/event-store';
import { projectionSpec, SpecLedger } from '../runner/testing/projection-spec';
import { alertsProjection } from './alerts.projection';

const ALERT_ID = '3f0c2a11-0000-4000-8000-000000000002';
const THRESHOLD_ID = '7a1e6f30-0000-4000-8000-000000000009';
const PERSON = '1c9d2b4e-0000-4000-8000-000000000001';
const by = (userId: string): JsonObject => ({ actor: { userId, roles: [], force: 'HAMPSHIRE' } });

const raised = {
  alertId: ALERT_ID,
  force: 'HAMPSHIRE',
  thresholdId: THRESHOLD_ID,
  kind: 'OVERALL',
  personId: PERSON,
  threshold: 3,
  measure: 3,
  windowFrom: '2023-03-02',
  windowTo: '2024-03-01',
  raisedOn: '2024-03-01',
};
const threshold = (count: number, setOn: string) => ({ thresholdId: THRESHOLD_ID, force: 'HAMPSHIRE', kind: 'OVERALL', count, windowDays: 365, setOn });

describe('the alerts projection', () => {
  const spec = projectionSpec(alertsProjection);

  it('lists an alert raised, then acknowledged and dispositioned, with who did each', async () => {
    const ledger = new SpecLedger();
    await spec
      .given([ledger.record(`alert-${ALERT_ID}`, 'AlertRaised', raised, by('system:alert-reactor'))])
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
