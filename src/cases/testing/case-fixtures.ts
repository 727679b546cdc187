/**
 * Events and histories for the decider specs: a referral, a subject, and the usual road
 * to each point of the process, with overridable defaults.
 */
import type { CaseToAnswerDecision, DepartureKind, ProceedingsKind, WorkforceType } from '../case.enums';
import type { CaseEvent, Finding, ProceedingsConcluded, ReferralReceived, SubjectAdded } from '../case.events';
import { event } from '../case.rules';
import { TEST_CASE_ID } from './decider-spec';

export const OFFICER = 'subject-officer';
export const STAFF = 'subject-staff';

/** After 1 February 2020: the 2020 regulations apply. */
export const RECEIVED_2020_REGS = '2021-03-01';
/** Before 1 February 2020: the 2012 regulations apply. */
export const RECEIVED_2012_REGS = '2019-06-03';

export function referralData(overrides: Partial<ReferralReceived> = {}): ReferralReceived {
  return {
    caseId: TEST_CASE_ID,
    force: 'TEST_FORCE',
    receivedOn: RECEIVED_2020_REGS,
    source: 'INTELLIGENCE',
    caseType: 'CONDUCT_MATTER',
    summary: 'intelligence that an officer disclosed information',
    anonymousSource: false,
    sensitivity: 'STANDARD',
    corruptionCategories: ['UNAUTHORISED_DISCLOSURE'],
    flags: { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false },
    ...overrides,
  };
}

export const referral = (overrides: Partial<ReferralReceived> = {}): CaseEvent => event('ReferralReceived', referralData(overrides));

export function subjectData(subjectId = OFFICER, overrides: Partial<SubjectAdded> = {}): SubjectAdded {
  const workforceType: WorkforceType = subjectId === STAFF ? 'POLICE_STAFF' : 'POLICE_OFFICER';
  return {
    subjectId,
    personId: `person-of-${subjectId}`,
    workforceType,
    rank: workforceType === 'POLICE_STAFF' ? 'STAFF' : 'CONSTABLE',
    lengthOfServiceMonths: 60,
    unit: 'Response',
    ...overrides,
  };
}

export const subjectAdded = (subjectId = OFFICER, overrides: Partial<SubjectAdded> = {}): CaseEvent => event('SubjectAdded', subjectData(subjectId, overrides));

export const investigationStarted = (startedOn = '2021-03-10'): CaseEvent =>
  event('InvestigationStarted', { investigatorId: 'investigator-1', startedOn, termsOfReference: 'terms' });

export const reportSubmitted = (on = '2021-09-01'): CaseEvent => event('InvestigationReportSubmitted', { on });

export const severityAssessed = (
  subjectId: string,
  level: 'MISCONDUCT' | 'GROSS_MISCONDUCT' | 'PRACTICE_REQUIRING_IMPROVEMENT' | 'NO_CASE_TO_ANSWER',
): CaseEvent => event('SeverityAssessed', { subjectId, level, assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'rationale' });

export const caseToAnswer = (subjectId: string, decision: CaseToAnswerDecision, on = '2021-09-15'): CaseEvent =>
  event('CaseToAnswerDecided', { subjectId, decision, decidedBy: 'APPROPRIATE_AUTHORITY', on });

export const proceedingsScheduled = (subjectId: string, kind: ProceedingsKind): CaseEvent =>
  event('ProceedingsScheduled', { subjectId, kind, noticeServedOn: '2021-10-01', scheduledFor: '2021-11-01' });

export const leftService = (
  subjectId: string,
  how: DepartureKind = 'RESIGNED',
  stageAtDeparture: 'ASSESSMENT' | 'INVESTIGATION' | 'DECISION' | 'PROCEEDINGS' | 'CONCLUDED' = 'PROCEEDINGS',
  approvedByDcc = true,
  on = '2021-10-15',
): CaseEvent => event('SubjectLeftService', { subjectId, how, on, approvedByDcc, stageAtDeparture });

export const proven = (level: 'MISCONDUCT' | 'GROSS_MISCONDUCT', standard: Finding['standard'] = 'CONFIDENTIALITY'): Finding => ({
  standard,
  proven: true,
  level,
});

export const notProven = (level: 'MISCONDUCT' | 'GROSS_MISCONDUCT'): Finding => ({
  standard: 'CONFIDENTIALITY',
  proven: false,
  level,
});

export function conclusion(overrides: Partial<ProceedingsConcluded> = {}): ProceedingsConcluded {
  return {
    subjectId: OFFICER,
    on: '2021-11-01',
    findings: [proven('GROSS_MISCONDUCT')],
    outcome: 'DISMISSAL_WITHOUT_NOTICE',
    formerOfficer: false,
    chair: 'LEGALLY_QUALIFIED_CHAIR',
    ...overrides,
  };
}

export const concluded = (overrides: Partial<ProceedingsConcluded> = {}): CaseEvent => event('ProceedingsConcluded', conclusion(overrides));

/** A case with one subject whose investigation has reported. */
export function investigatedCase(subjectId = OFFICER, receivedOn = RECEIVED_2020_REGS): CaseEvent[] {
  return [referral({ receivedOn }), subjectAdded(subjectId), investigationStarted(), reportSubmitted()];
}

/** ...with proceedings of `kind` scheduled on the case-to-answer decision that fits them. */
export function caseAtProceedings(kind: ProceedingsKind = 'MISCONDUCT_HEARING', options: { subjectId?: string; receivedOn?: string } = {}): CaseEvent[] {
  const subjectId = options.subjectId ?? OFFICER;
  const decision = kind === 'MISCONDUCT_MEETING' ? 'CASE_TO_ANSWER_MISCONDUCT' : 'CASE_TO_ANSWER_GROSS_MISCONDUCT';
  return [...investigatedCase(subjectId, options.receivedOn), caseToAnswer(subjectId, decision), proceedingsScheduled(subjectId, kind)];
}

/** A serving officer dismissed without notice at a hearing. */
export function dismissedOfficer(): CaseEvent[] {
  return [...caseAtProceedings('MISCONDUCT_HEARING'), concluded()];
}

/** An officer who resigned during a gross-misconduct hearing and would have been dismissed. */
export function formerOfficerWouldHaveBeenDismissed(): CaseEvent[] {
  return [...caseAtProceedings('MISCONDUCT_HEARING'), leftService(OFFICER), concluded({ formerOfficer: true })];
}

/** An officer who resigned under investigation of a matter assessed as practice requiring improvement. */
export function resignedInPracticeMatter(): CaseEvent[] {
  return [
    referral(),
    subjectAdded(),
    severityAssessed(OFFICER, 'PRACTICE_REQUIRING_IMPROVEMENT'),
    investigationStarted(),
    leftService(OFFICER, 'RESIGNED', 'INVESTIGATION'),
  ];
}
