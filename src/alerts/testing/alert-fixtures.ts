/** One alert and one threshold of Hampshire, shared by the slice's specs and the read model's. */
import type { AlertRaised, AlertThresholdSet } from '../alert.events';

export const FORCE = 'HAMPSHIRE';
export const THRESHOLD_ID = '7a1e6f30-0000-4000-8000-000000000009';
export const ALERT_ID = '3f0c2a11-0000-4000-8000-000000000002';
export const PERSON = '1c9d2b4e-0000-4000-8000-000000000001';

/** An OVERALL threshold of 3 in a year, crossed by the person on 1 March 2024. */
export const raisedData: AlertRaised = {
  alertId: ALERT_ID,
  force: FORCE,
  thresholdId: THRESHOLD_ID,
  kind: 'OVERALL',
  personId: PERSON,
  threshold: 3,
  measure: 3,
  windowFrom: '2023-03-02',
  windowTo: '2024-03-01',
  raisedOn: '2024-03-01',
};

export const thresholdData = (fields: Partial<AlertThresholdSet> = {}): AlertThresholdSet => ({
  thresholdId: THRESHOLD_ID,
  force: FORCE,
  kind: 'OVERALL',
  count: 3,
  windowDays: 365,
  setOn: '2024-01-01',
  ...fields,
});
