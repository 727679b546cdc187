/**
 * decide(command, state) for the thresholds of a force and for one alert. As for the
 * registers, a command proposes one event, which decide accepts unchanged or refuses.
 */
import type { Decider } from '../common/decider';
import type { AlertEvent, AlertThresholdEvent, AlertThresholdSet } from './alert.events';
import { ensure, ensureNotBefore, refuse } from './alert.rule-book';
import { evolveAlert, evolveThresholds } from './alert.state';
import type { AlertState, AlertThresholdsState } from './alert.state';

export interface AlertThresholdCommand {
  force: string;
  event: AlertThresholdEvent;
}

export interface AlertCommand {
  alertId: string;
  event: AlertEvent;
  /** Who sends it (the token's `sub`, or the ledger's own actor). */
  sentBy: string;
}

/** The user id the ledger raises alerts as (alert.stream.ts's ALERT_REACTOR_ACTOR). */
export const ALERT_REACTOR_USER_ID = 'system:alert-reactor';

/** The parameters each kind uses; any other is refused (parameterOfAnotherKind), so a threshold reads as what it counts. */
const PARAMETERS_OF_KIND = {
  INCIDENT_TYPE: ['count', 'windowDays', 'category'],
  OVERALL: ['count', 'windowDays'],
  MONITORED_PERSON: ['personId'],
  TOP_PERCENTILE: ['count', 'windowDays', 'percentile'],
  ALLEGATION_DETAIL: ['count', 'windowDays', 'standard', 'corruptionCategory', 'flag'],
} as const;
const PARAMETERS = ['count', 'windowDays', 'category', 'standard', 'corruptionCategory', 'flag', 'percentile', 'personId'] as const;

export const MAX_PERCENTILE = 50;

function ensureThresholdMeaningful(threshold: AlertThresholdSet): void {
  const used: readonly string[] = PARAMETERS_OF_KIND[threshold.kind];
  const extra = PARAMETERS.filter((name) => threshold[name] !== undefined && !used.includes(name));
  ensure(extra.length === 0, 'parameterOfAnotherKind', extra.join(', '));
  if (threshold.kind === 'MONITORED_PERSON') {
    ensure(threshold.personId !== undefined, 'monitoredPersonNeedsPerson');
    return;
  }
  ensure((threshold.count ?? 0) >= 1 && (threshold.windowDays ?? 0) >= 1, 'thresholdNeedsCountAndWindow');
  if (threshold.kind === 'INCIDENT_TYPE') ensure(threshold.category !== undefined, 'incidentTypeNeedsCategory');
  if (threshold.kind === 'ALLEGATION_DETAIL') {
    const details = [threshold.standard, threshold.corruptionCategory, threshold.flag].filter((detail) => detail !== undefined);
    ensure(details.length === 1, 'allegationDetailNeedsOneDetail');
  }
  if (threshold.kind === 'TOP_PERCENTILE') {
    const percentile = threshold.percentile ?? 0;
    ensure(percentile >= 1 && percentile <= MAX_PERCENTILE, 'percentileOutOfRange');
  }
}

export function decideThresholds(command: AlertThresholdCommand, state: AlertThresholdsState): AlertThresholdEvent[] {
  const { event } = command;
  switch (event.type) {
    case 'AlertThresholdSet':
      ensureThresholdMeaningful(event.data);
      return [event];
    case 'AlertThresholdRemoved': {
      const threshold = state[event.data.thresholdId];
      if (threshold === undefined) return refuse('thresholdMustExist', event.data.thresholdId);
      ensureNotBefore(event.data.removedOn, threshold.setOn, 'the threshold being set');
      return [event];
    }
    default: {
      const unhandled: never = event;
      throw new Error(`unknown threshold event ${JSON.stringify(unhandled)}`);
    }
  }
}

export function decideAlert(command: AlertCommand, state: AlertState): AlertEvent[] {
  const { event } = command;
  if (event.type === 'AlertRaised') {
    ensure(command.sentBy === ALERT_REACTOR_USER_ID, 'alertsRaisedByTheLedgerOnly');
    ensure(state === null, 'alertAlreadyRaised');
    return [event];
  }
  if (state === null) return refuse('alertMustExist', command.alertId);
  ensure(state.status !== 'DISPOSITIONED', 'alertAlreadyDispositioned');
  switch (event.type) {
    case 'AlertAcknowledged':
      ensure(state.status === 'OPEN', 'alertAlreadyAcknowledged');
      ensureNotBefore(event.data.acknowledgedOn, state.raisedOn, 'the alert being raised');
      break;
    case 'AlertDispositioned':
      ensure(state.status === 'ACKNOWLEDGED', 'dispositionNeedsAcknowledgement');
      ensureNotBefore(event.data.dispositionedOn, state.acknowledgedOn ?? state.raisedOn, 'the acknowledgement');
      break;
    default: {
      const unhandled: never = event;
      throw new Error(`unknown alert event ${JSON.stringify(unhandled)}`);
    }
  }
  return [event];
}

export const alertThresholdsDecider: Decider<AlertThresholdCommand, AlertThresholdEvent, AlertThresholdsState> = {
  initialState: {},
  decide: decideThresholds,
  evolve: evolveThresholds,
};

export const alertDecider: Decider<AlertCommand, AlertEvent, AlertState> = {
  initialState: null,
  decide: decideAlert,
  evolve: evolveAlert,
};
