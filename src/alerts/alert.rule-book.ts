/**
 * Every rule of the alerts' decide, by name, with its message and source. No regulation
 * sets early-intervention thresholds: they are the force's policy (✖ force practice), and
 * the rules below keep a threshold meaningful and an alert's handling in order.
 */
import { ALREADY_EXISTS, KEEPS_RECORD_COHERENT as RECORD, NOT_FOUND, ruleBook } from '../common/rule-book';
import type { Ensure, Refuse } from '../common/rule-book';

const FORCE_POLICY = "the force's early-intervention policy (issue 18: thresholds configurable per force)";
const PSD_HANDLING = 'issue 18: an alert is acknowledged, then dispositioned (no action, management advice, referral) by the PSD';

export const ALERT_RULES = {
  thresholdNeedsCountAndWindow: {
    message: 'a threshold of this kind needs a count of at least 1 and a window of at least 1 day',
    source: FORCE_POLICY,
  },
  incidentTypeNeedsCategory: { message: 'an incident-type threshold names the complaint category it counts', source: FORCE_POLICY },
  allegationDetailNeedsOneDetail: {
    message: 'an allegation-detail threshold names exactly one of a standard, a corruption category or a flag',
    source: FORCE_POLICY,
  },
  percentileOutOfRange: { message: 'a top-percentile threshold names a percentile from 1 to 50', source: FORCE_POLICY },
  monitoredPersonNeedsPerson: { message: 'a monitored-person threshold names the person monitored', source: FORCE_POLICY },
  parameterOfAnotherKind: { message: 'the threshold carries a parameter its kind does not use', source: FORCE_POLICY },
  thresholdMustExist: { message: 'the force has no threshold with this id', source: RECORD, status: NOT_FOUND },
  alertAlreadyRaised: { message: 'this alert has already been raised', source: RECORD, status: ALREADY_EXISTS },
  alertsRaisedByTheLedgerOnly: {
    message: 'an alert is raised by the ledger when a threshold is crossed, not by a user',
    source: 'issue 18: "an AlertRaised event when a threshold is crossed"',
    status: 403,
  },
  alertMustExist: { message: 'there is no alert with this id', source: RECORD, status: NOT_FOUND },
  alertAlreadyAcknowledged: { message: 'the alert has already been acknowledged', source: PSD_HANDLING },
  dispositionNeedsAcknowledgement: { message: 'an alert is acknowledged before it is dispositioned', source: PSD_HANDLING },
  alertAlreadyDispositioned: { message: 'the alert has been dispositioned: nothing more can be recorded on it', source: PSD_HANDLING },
  datedBeforeWhatItFollows: { message: 'a step cannot be dated before the step it follows', source: RECORD },
} as const;

export type AlertRuleName = keyof typeof ALERT_RULES;

const book = ruleBook<AlertRuleName>(ALERT_RULES);
export const ensure: Ensure<AlertRuleName> = book.ensure;
export const refuse: Refuse<AlertRuleName> = book.refuse;

export const ensureNotBefore = (day: string, earliest: string, what: string): void => book.ensureNotBefore('datedBeforeWhatItFollows', day, earliest, what);
