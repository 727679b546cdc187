/**
 * The alert rules: a force's thresholds (each kind with the parameters it needs), and an
 * alert's handling (raised once, by the ledger; acknowledged, then dispositioned).
 */
import { join } from 'node:path';
import { deciderSpec, ruleTitles } from '../common/testing/decider-spec';
import { expectEveryRuleSpecified } from '../common/testing/rule-coverage';
import { ALERT_REACTOR_USER_ID, alertDecider, alertThresholdsDecider } from './alert.decide';
import type { AlertCommand, AlertThresholdCommand } from './alert.decide';
import { alertEvent, alertThresholdEvent } from './alert.events';
import type { AlertEvent, AlertThresholdEvent, AlertThresholdSet } from './alert.events';
import { ALERT_RULES } from './alert.rule-book';
import { ALERT_ID, FORCE, PERSON, raisedData, THRESHOLD_ID, thresholdData } from './testing/alert-fixtures';
import type { AlertRuleName } from './alert.rule-book';
import type { AlertState, AlertThresholdsState } from './alert.state';

const thresholds = deciderSpec<AlertThresholdCommand, AlertThresholdEvent, AlertThresholdsState, AlertRuleName>(alertThresholdsDecider);
const alerts = deciderSpec<AlertCommand, AlertEvent, AlertState, AlertRuleName>(alertDecider);
const ruleTitle = ruleTitles(ALERT_RULES);

const set = (fields: Partial<AlertThresholdSet>) => alertThresholdEvent('AlertThresholdSet', thresholdData(fields));
const removed = (removedOn = '2024-02-01') => alertThresholdEvent('AlertThresholdRemoved', { thresholdId: THRESHOLD_ID, removedOn });
const onForce = (event: AlertThresholdEvent): AlertThresholdCommand => ({ force: FORCE, event });

const raised = alertEvent('AlertRaised', raisedData);
const acknowledged = (acknowledgedOn = '2024-03-04') => alertEvent('AlertAcknowledged', { acknowledgedOn });
const dispositioned = (dispositionedOn = '2024-03-11') => alertEvent('AlertDispositioned', { disposition: 'MANAGEMENT_ADVICE', dispositionedOn });
const onAlert = (event: AlertEvent, sentBy = event.type === 'AlertRaised' ? ALERT_REACTOR_USER_ID : 'psd-1'): AlertCommand => ({
  alertId: ALERT_ID,
  event,
  sentBy,
});

describe('alert thresholds', () => {
  it('sets a threshold of each kind with its parameters, changes it, and removes it', () => {
    thresholds
      .given([])
      .when(onForce(set({})))
      .then([set({})]);
    const byCategory = set({ kind: 'INCIDENT_TYPE', category: 'DISCRIMINATORY_BEHAVIOURS' });
    thresholds
      .given([set({})])
      .when(onForce(byCategory))
      .then([byCategory]);
    const monitored = set({ kind: 'MONITORED_PERSON', count: undefined, windowDays: undefined, personId: PERSON });
    thresholds.given([]).when(onForce(monitored)).then([monitored]);
    const top = set({ kind: 'TOP_PERCENTILE', percentile: 5 });
    thresholds.given([]).when(onForce(top)).then([top]);
    const apsp = set({ kind: 'ALLEGATION_DETAIL', flag: 'APSP' });
    thresholds.given([]).when(onForce(apsp)).then([apsp]);
    thresholds
      .given([set({})])
      .when(onForce(removed()))
      .then([removed()]);
  });

  it(ruleTitle('thresholdNeedsCountAndWindow', 'refuses a threshold without a count or a window'), () => {
    thresholds
      .given([])
      .when(onForce(set({ count: 0 })))
      .thenThrows('thresholdNeedsCountAndWindow');
    thresholds
      .given([])
      .when(onForce(set({ windowDays: undefined })))
      .thenThrows('thresholdNeedsCountAndWindow');
  });

  it(ruleTitle('incidentTypeNeedsCategory', 'refuses an incident-type threshold without its category'), () => {
    thresholds
      .given([])
      .when(onForce(set({ kind: 'INCIDENT_TYPE' })))
      .thenThrows('incidentTypeNeedsCategory');
  });

  it(ruleTitle('allegationDetailNeedsOneDetail', 'refuses an allegation-detail threshold with no detail, or two'), () => {
    thresholds
      .given([])
      .when(onForce(set({ kind: 'ALLEGATION_DETAIL' })))
      .thenThrows('allegationDetailNeedsOneDetail');
    thresholds
      .given([])
      .when(onForce(set({ kind: 'ALLEGATION_DETAIL', flag: 'APSP', standard: 'HONESTY_AND_INTEGRITY' })))
      .thenThrows('allegationDetailNeedsOneDetail');
  });

  it(ruleTitle('percentileOutOfRange', 'refuses a top percentile of 0 or over 50'), () => {
    thresholds
      .given([])
      .when(onForce(set({ kind: 'TOP_PERCENTILE', percentile: 0 })))
      .thenThrows('percentileOutOfRange');
    thresholds
      .given([])
      .when(onForce(set({ kind: 'TOP_PERCENTILE', percentile: 51 })))
      .thenThrows('percentileOutOfRange');
  });

  it(ruleTitle('monitoredPersonNeedsPerson', 'refuses a monitored-person threshold naming no one'), () => {
    thresholds
      .given([])
      .when(onForce(set({ kind: 'MONITORED_PERSON', count: undefined, windowDays: undefined })))
      .thenThrows('monitoredPersonNeedsPerson');
  });

  it(ruleTitle('parameterOfAnotherKind', 'refuses a parameter the kind does not use'), () => {
    thresholds
      .given([])
      .when(onForce(set({ percentile: 10 })))
      .thenThrows('parameterOfAnotherKind');
  });

  it(ruleTitle('thresholdMustExist', 'refuses to remove a threshold never set, or already removed'), () => {
    thresholds.given([]).when(onForce(removed())).thenThrows('thresholdMustExist');
    thresholds
      .given([set({}), removed()])
      .when(onForce(removed('2024-03-01')))
      .thenThrows('thresholdMustExist');
  });

  it(ruleTitle('datedBeforeWhatItFollows', 'refuses a removal before the threshold was set, and an acknowledgement before the alert'), () => {
    thresholds
      .given([set({})])
      .when(onForce(removed('2023-12-31')))
      .thenThrows('datedBeforeWhatItFollows');
    alerts
      .given([raised])
      .when(onAlert(acknowledged('2024-02-29')))
      .thenThrows('datedBeforeWhatItFollows');
  });
});

describe('alerts', () => {
  it('is raised, acknowledged and dispositioned', () => {
    alerts.given([]).when(onAlert(raised)).then([raised]);
    alerts.given([raised]).when(onAlert(acknowledged())).then([acknowledged()]);
    alerts.given([raised, acknowledged()]).when(onAlert(dispositioned())).then([dispositioned()]);
  });

  it(ruleTitle('alertAlreadyRaised', 'refuses the same crossing raised twice (a replay, a second process)'), () => {
    alerts.given([raised]).when(onAlert(raised)).thenThrows('alertAlreadyRaised');
  });

  it(ruleTitle('alertsRaisedByTheLedgerOnly', 'refuses an alert raised by a user'), () => {
    alerts.given([]).when(onAlert(raised, 'psd-1')).thenThrows('alertsRaisedByTheLedgerOnly');
  });

  it(ruleTitle('alertMustExist', 'refuses to acknowledge an alert never raised'), () => {
    alerts.given([]).when(onAlert(acknowledged())).thenThrows('alertMustExist');
  });

  it(ruleTitle('alertAlreadyAcknowledged', 'refuses a second acknowledgement'), () => {
    alerts.given([raised, acknowledged()]).when(onAlert(acknowledged())).thenThrows('alertAlreadyAcknowledged');
  });

  it(ruleTitle('dispositionNeedsAcknowledgement', 'refuses a disposition before the acknowledgement'), () => {
    alerts.given([raised]).when(onAlert(dispositioned())).thenThrows('dispositionNeedsAcknowledgement');
  });

  it(ruleTitle('alertAlreadyDispositioned', 'refuses anything after the disposition'), () => {
    alerts
      .given([raised, acknowledged(), dispositioned()])
      .when(onAlert(dispositioned('2024-03-12')))
      .thenThrows('alertAlreadyDispositioned');
  });

  it('has a spec naming each rule', () => {
    expectEveryRuleSpecified(Object.keys(ALERT_RULES), [join(__dirname, 'alert.spec.ts')]);
  });
});
