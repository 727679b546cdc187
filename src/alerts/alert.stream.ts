/**
 * The alerts' streams as the one write path (src/common/write-path.ts) decides and appends
 * on them: `alertThresholds-<force>` and `alert-<alertId>`. A writer must act for the force
 * (404 otherwise, so another force's alerts stay unseen); an alert is raised only by the
 * ledger's own actor (alert-reactor.ts), through this same path (decide: alertsRaisedByTheLedgerOnly).
 */
import { NotFoundError } from '../common/domain-error';
import type { Actor } from '../http';
import { actsForForce } from '../common/force';
import { deciderSlice } from '../common/write-path';
import { ALERT_REACTOR_USER_ID, alertDecider, alertThresholdsDecider } from './alert.decide';
import type { AlertCommand, AlertThresholdCommand } from './alert.decide';
import { ALERT_EVENT_DECLARATIONS, ALERT_STREAM_PREFIX, ALERT_THRESHOLD_EVENT_DECLARATIONS, ALERT_THRESHOLDS_STREAM_PREFIX } from './alert.events';
import type { AlertEvent, AlertThresholdEvent } from './alert.events';
import type { AlertState, AlertThresholdsState } from './alert.state';

/** The actor the ledger raises alerts as (metadata.actor of AlertRaised). */
export const ALERT_REACTOR_ACTOR: Actor = { userId: ALERT_REACTOR_USER_ID, name: 'Integrity Ledger', roles: [], force: '*' };

export const alertThresholdsStreamName = (force: string): string => `${ALERT_THRESHOLDS_STREAM_PREFIX}${force}`;
export const alertStreamName = (alertId: string): string => `${ALERT_STREAM_PREFIX}${alertId}`;

export const ALERT_THRESHOLDS = deciderSlice<AlertThresholdCommand, AlertThresholdEvent, AlertThresholdsState>({
  decider: alertThresholdsDecider,
  events: ALERT_THRESHOLD_EVENT_DECLARATIONS,
  streamName: (command) => alertThresholdsStreamName(command.force),
  admit: (_state, command, { actor }) => {
    if (!actsForForce(actor, command.force)) throw new NotFoundError(`There are no alert thresholds of force ${command.force}.`);
  },
});

export const ALERTS = deciderSlice<AlertCommand, AlertEvent, AlertState>({
  decider: alertDecider,
  events: ALERT_EVENT_DECLARATIONS,
  streamName: (command) => alertStreamName(command.alertId),
  admit: (state, command, { actor }) => {
    if (state !== null && !actsForForce(actor, state.force)) throw alertNotFound(command.alertId);
  },
  notFound: (command) => alertNotFound(command.alertId),
});

function alertNotFound(alertId: string): NotFoundError {
  return new NotFoundError(`There is no alert ${alertId}.`);
}
