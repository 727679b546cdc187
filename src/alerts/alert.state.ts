/**
 * A force's thresholds and an alert, as decide and the read model need them, and their
 * `evolve` (pure, never throws).
 */
import type { AlertDisposition, AlertEvent, AlertKind, AlertThresholdEvent, AlertThresholdSet } from './alert.events';

/** The thresholds in force, by id. */
export type AlertThresholdsState = Readonly<Record<string, AlertThresholdSet>>;

export function evolveThresholds(state: AlertThresholdsState, event: AlertThresholdEvent): AlertThresholdsState {
  switch (event.type) {
    case 'AlertThresholdSet':
      return { ...state, [event.data.thresholdId]: event.data };
    case 'AlertThresholdRemoved': {
      const { [event.data.thresholdId]: _removed, ...rest } = state;
      return rest;
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** OPEN when raised, ACKNOWLEDGED by PSD, then DISPOSITIONED. */
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'DISPOSITIONED';

export interface Alert {
  alertId: string;
  force: string;
  thresholdId: string;
  kind: AlertKind;
  personId: string;
  threshold: number;
  measure: number;
  windowFrom: string;
  windowTo: string;
  raisedOn: string;
  status: AlertStatus;
  acknowledgedOn: string | null;
  disposition: AlertDisposition | null;
  dispositionedOn: string | null;
}

export type AlertState = Alert | null;

export function evolveAlert(state: AlertState, event: AlertEvent): AlertState {
  if (event.type === 'AlertRaised') {
    return { ...event.data, status: 'OPEN', acknowledgedOn: null, disposition: null, dispositionedOn: null };
  }
  if (state === null) return null;
  switch (event.type) {
    case 'AlertAcknowledged':
      return { ...state, status: 'ACKNOWLEDGED', acknowledgedOn: event.data.acknowledgedOn };
    case 'AlertDispositioned':
      return { ...state, status: 'DISPOSITIONED', disposition: event.data.disposition, dispositionedOn: event.data.dispositionedOn };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
