/**
 * Early-intervention alerts (issue 18, point 3). Two kinds of stream:
 *
 * - `alertThresholds-<force>`: the force's thresholds, each set, changed (set again under its
 *   id) and removed as an event, so who changed a threshold and when is in the history (the
 *   actor and instant are the events' metadata);
 * - `alert-<alertId>`: one alert, raised by the ledger when a threshold is crossed
 *   (src/alerts/alert-reactor.ts), acknowledged and dispositioned by PSD.
 *
 * The five kinds are those IA systems offer (IAPro's early intervention: by incident type,
 * overall, monitored person, top percentile, by allegation detail); their parameters are
 * ours. A threshold counts over cases, complaints and registers together
 * (src/alerts/alert.facts.ts).
 */
import { eventOf } from '../common/decider';
import type { EventOf } from '../common/decider';
import { count, day, declaredEvents, event, id, oneOf, optional, text } from '../common/event-declaration';
import type { DataMapOf } from '../common/event-declaration';
import { CASE_FLAGS, CORRUPTION_CATEGORIES, STANDARDS } from '../cases/case.enums';
import { COMPLAINT_CATEGORIES } from '../cases/complaint.enums';

export const ALERT_KINDS = ['INCIDENT_TYPE', 'OVERALL', 'MONITORED_PERSON', 'TOP_PERCENTILE', 'ALLEGATION_DETAIL'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_DISPOSITIONS = ['NO_ACTION', 'MANAGEMENT_ADVICE', 'REFERRAL'] as const;
export type AlertDisposition = (typeof ALERT_DISPOSITIONS)[number];

const thresholdFields = {
  thresholdId: id,
  force: text,
  kind: oneOf(ALERT_KINDS),
  /** N: how many facts within the window cross it (INCIDENT_TYPE, OVERALL, ALLEGATION_DETAIL); the least measure for TOP_PERCENTILE. */
  count: optional(count),
  /** The window in days, ending on the day of the fact that crosses the threshold. */
  windowDays: optional(count),
  /** INCIDENT_TYPE: the complaint category (IOPC) the allegations are of. */
  category: optional(oneOf(COMPLAINT_CATEGORIES)),
  /** ALLEGATION_DETAIL: one of a standard of professional behaviour, a corruption category or a flag. */
  standard: optional(oneOf(STANDARDS)),
  corruptionCategory: optional(oneOf(CORRUPTION_CATEGORIES)),
  flag: optional(oneOf(CASE_FLAGS)),
  /** TOP_PERCENTILE: X, the top X% of the force's people by the OVERALL measure. */
  percentile: optional(count),
  /** MONITORED_PERSON: whose every new event raises an alert. */
  personId: optional(id),
  setOn: day,
};

export const ALERT_THRESHOLD_EVENTS = {
  AlertThresholdSet: event({ version: 1, legalDate: 'setOn', fields: thresholdFields }),
  AlertThresholdRemoved: event({ version: 1, legalDate: 'removedOn', fields: { thresholdId: id, removedOn: day } }),
};

export const ALERT_EVENTS = {
  /** Appended by the ledger itself (the alert reactor) when a fact about the person crosses the threshold. */
  AlertRaised: event({
    version: 1,
    legalDate: 'raisedOn',
    fields: {
      alertId: id,
      force: text,
      thresholdId: id,
      kind: oneOf(ALERT_KINDS),
      personId: id,
      /** The threshold's N (1 for a monitored person). */
      threshold: count,
      /** What the person had within the window when it was crossed. */
      measure: count,
      windowFrom: day,
      windowTo: day,
      raisedOn: day,
    },
  }),
  AlertAcknowledged: event({ version: 1, legalDate: 'acknowledgedOn', fields: { acknowledgedOn: day } }),
  AlertDispositioned: event({ version: 1, legalDate: 'dispositionedOn', fields: { disposition: oneOf(ALERT_DISPOSITIONS), dispositionedOn: day } }),
};

export const ALERT_THRESHOLD_EVENT_DECLARATIONS = declaredEvents(ALERT_THRESHOLD_EVENTS);
export const ALERT_EVENT_DECLARATIONS = declaredEvents(ALERT_EVENTS);

export type AlertThresholdEventDataMap = DataMapOf<typeof ALERT_THRESHOLD_EVENTS>;
export type AlertThresholdEvent = EventOf<AlertThresholdEventDataMap>;
export const alertThresholdEvent = eventOf<AlertThresholdEventDataMap>();
export type AlertThresholdSet = AlertThresholdEventDataMap['AlertThresholdSet'];

export type AlertEventDataMap = DataMapOf<typeof ALERT_EVENTS>;
export type AlertEventType = keyof AlertEventDataMap;
export type AlertEvent = EventOf<AlertEventDataMap>;
export const alertEvent = eventOf<AlertEventDataMap>();
export type AlertRaised = AlertEventDataMap['AlertRaised'];

export const isAlertThresholdEventType = ALERT_THRESHOLD_EVENT_DECLARATIONS.isType;
export const isAlertEventType = ALERT_EVENT_DECLARATIONS.isType;

export const ALERT_STREAM_PREFIX = 'alert-';
export const ALERT_THRESHOLDS_STREAM_PREFIX = 'alertThresholds-';
