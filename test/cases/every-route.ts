/**
 * One case walked through every command route, each with a body it accepts at that point,
 * written from docs/api.md (paths, event names) and docs/events.md (fields) rather than from the
 * route table, so the tests check the table against the contract.
 *
 * Subject A is dismissed, appeals and is barred; B goes through reflective practice to its
 * performance and development review, and is later dismissed under the Vetting Regulations and
 * barred; C, a member of staff, resigns without approval and goes on and off the advisory list;
 * D fails to engage with reflective practice, goes back to the misconduct route, joins A in
 * joint proceedings, is paused under reg 10 and has the proceedings withdrawn; E is dismissed for
 * gross incompetence under the Performance Regulations and barred. The case is a
 * complaint (made more than 12 months after its incident), recorded under Schedule 3 and
 * referred; its outcome is reviewed by the IOPC, the review upheld, and the complaint then
 * withdrawn.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/http/roles';

export interface WalkIds {
  caseId: string;
  subjectA: string;
  subjectB: string;
  subjectC: string;
  /** Back to the misconduct route from reflective practice; joint proceedings, pause, withdrawal. */
  subjectD: string;
  /** Dismissed under the Performance Regulations. */
  subjectE: string;
  /** The second case (legacyRoute): a matter under the 2012 regulations. */
  legacyCaseId: string;
  /** Dismissed with notice in the legacy case. */
  subjectL: string;
  /** Retired more than 12 months before the legacy matter came to attention (condition C). */
  subjectF: string;
}

export interface WalkStep {
  /** The docs/api.md row, as a path under /api/v1 with {caseId} and {subjectId} to fill in. */
  route: string;
  /** Which subject {subjectId} is. */
  subject?: 'subjectA' | 'subjectB' | 'subjectC' | 'subjectD' | 'subjectE' | 'subjectL' | 'subjectF';
  /** The legacy case's step (legacyRoute); the first case's otherwise. */
  legacy?: boolean;
  /** The body; a function where it needs an earlier step's event id. */
  body: Record<string, unknown> | ((eventIdOf: (eventType: string) => string) => Record<string, unknown>);
  /** The event docs/api.md names for this row (and action). */
  event: string;
  role?: Role;
  /** A multipart form's file (documentRoutes): `body` then holds the form's text fields. */
  file?: { content: Buffer; filename: string };
}

export function walkIds(): WalkIds {
  return {
    caseId: randomUUID(),
    subjectA: randomUUID(),
    subjectB: randomUUID(),
    subjectC: randomUUID(),
    subjectD: randomUUID(),
    subjectE: randomUUID(),
    legacyCaseId: randomUUID(),
    subjectL: randomUUID(),
    subjectF: randomUUID(),
  };
}

/** A referral to HAMPSHIRE after 1 February 2020 (the 2020 regulations apply). */
export function referralBody(caseId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseId,
    force: 'HAMPSHIRE',
    receivedOn: '2021-03-01',
    source: 'INTELLIGENCE',
    caseType: 'CONDUCT_MATTER',
    summary: 'Intelligence that officers disclosed information from police systems.',
    anonymousSource: false,
    sensitivity: 'STANDARD',
    corruptionCategories: ['UNAUTHORISED_DISCLOSURE'],
    flags: { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false },
    ...overrides,
  };
}

/** A constable, unless `overrides` say otherwise. */
export function subjectBody(subjectId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subjectId,
    personId: randomUUID(),
    workforceType: 'POLICE_OFFICER',
    rank: 'CONSTABLE',
    lengthOfServiceMonths: 60,
    unit: 'Response',
    ...overrides,
  };
}

const A = 'subjectA';
const B = 'subjectB';
const C = 'subjectC';
const D = 'subjectD';
const E = 'subjectE';
const SUBJECT = 'cases/{caseId}/subjects/{subjectId}';

export function everyRoute(ids: WalkIds): WalkStep[] {
  const appointmentId = randomUUID();
  return [
    { route: 'cases', event: 'ReferralReceived', body: referralBody(ids.caseId, { caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT' }) },
    { route: 'cases/{caseId}/subjects', event: 'SubjectAdded', body: subjectBody(ids.subjectA) },
    { route: 'cases/{caseId}/subjects', event: 'SubjectAdded', body: subjectBody(ids.subjectB, { rank: 'SERGEANT' }) },
    {
      route: 'cases/{caseId}/subjects',
      event: 'SubjectAdded',
      body: subjectBody(ids.subjectC, { workforceType: 'POLICE_STAFF', rank: 'STAFF', grade: 'Band C', unit: 'Control room' }),
    },
    { route: 'cases/{caseId}/subjects', event: 'SubjectAdded', body: subjectBody(ids.subjectD) },
    { route: 'cases/{caseId}/subjects', event: 'SubjectAdded', body: subjectBody(ids.subjectE) },
    {
      route: 'cases/{caseId}/allegations',
      event: 'AllegationRecorded',
      body: {
        allegationId: randomUUID(),
        subjectId: ids.subjectA,
        summary: 'Looked up and disclosed incident logs.',
        standards: ['CONFIDENTIALITY', 'HONESTY_AND_INTEGRITY'],
        corruptionCategory: 'UNAUTHORISED_DISCLOSURE',
      },
    },
    ...complaintOpening(),
    {
      route: `${SUBJECT}/severity-assessments`,
      subject: A,
      event: 'SeverityAssessed',
      role: 'APPROPRIATE_AUTHORITY',
      body: { level: 'GROSS_MISCONDUCT', assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'Repeated disclosure.' },
    },
    {
      route: `${SUBJECT}/severity-assessments`,
      subject: B,
      event: 'SeverityAssessed',
      role: 'APPROPRIATE_AUTHORITY',
      body: { level: 'PRACTICE_REQUIRING_IMPROVEMENT', assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'One lapse.' },
    },
    {
      route: `${SUBJECT}/severity-assessments`,
      subject: D,
      event: 'SeverityAssessed',
      role: 'APPROPRIATE_AUTHORITY',
      body: { level: 'PRACTICE_REQUIRING_IMPROVEMENT', assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'A late report.' },
    },
    {
      route: 'cases/{caseId}/iopc-referral',
      event: 'ReferredToIopc',
      body: { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn: '2021-03-05' },
    },
    { route: 'cases/{caseId}/iopc-decision', event: 'IopcDecisionRecorded', body: { mode: 'LOCAL', decidedOn: '2021-03-19' } },
    {
      route: 'cases/{caseId}/investigation',
      event: 'InvestigationStarted',
      body: { investigatorId: randomUUID(), startedOn: '2021-03-22', termsOfReference: 'Audit and interviews.' },
    },
    ...allocation(appointmentId),
    { route: `${SUBJECT}/notices`, subject: A, event: 'NoticeOfInvestigationServed', body: { servedOn: '2021-03-25' } },
    ...(
      [
        ['SUSPEND', 'SubjectSuspended', '2021-03-26'],
        ['REVIEW', 'SuspensionReviewed', '2021-04-26'],
        ['RESTRICT', 'SubjectRestricted', '2021-05-10'],
        ['LIFT', 'SuspensionLifted', '2021-06-01'],
      ] as const
    ).map(([action, event, on]): WalkStep => ({
      route: `${SUBJECT}/suspension`,
      subject: A,
      event,
      body: { action, on, reason: 'Risk to the investigation.' },
    })),
    {
      route: `${SUBJECT}/arrests`,
      subject: A,
      event: 'SubjectArrested',
      body: { arrestedOn: '2021-04-01', suspectedOffences: ['MISCONDUCT_IN_PUBLIC_OFFICE', 'COMPUTER_MISUSE'] },
    },
    {
      route: `${SUBJECT}/investigative-actions`,
      subject: A,
      event: 'InvestigativeActionRecorded',
      body: { action: 'SYSTEMS_AUDIT', on: '2021-04-02', result: 'Forty unexplained look-ups.' },
    },
    {
      route: `${SUBJECT}/cps-referrals`,
      subject: A,
      event: 'ReferredToCps',
      body: { referredOn: '2021-05-01', offences: ['MISCONDUCT_IN_PUBLIC_OFFICE'] },
    },
    {
      route: `${SUBJECT}/criminal-outcomes`,
      subject: A,
      event: 'CriminalOutcomeRecorded',
      body: { outcome: 'NOT_CHARGED', sentence: 'NONE', on: '2021-07-01' },
    },
    {
      route: `${SUBJECT}/departure`,
      subject: C,
      event: 'SubjectLeftService',
      body: { how: 'RESIGNED', on: '2021-07-05', approvedByDcc: false },
    },
    {
      route: `${SUBJECT}/departure/decision`,
      subject: C,
      event: 'DepartureDecisionRecorded',
      role: 'DCC',
      body: { approved: true, on: '2021-07-06' },
    },
    { route: `${SUBJECT}/advisory-list`, subject: C, event: 'AdvisoryListEntryMade', body: { action: 'ADD', on: '2021-07-07' } },
    { route: `${SUBJECT}/advisory-list`, subject: C, event: 'AdvisoryListEntryRemoved', body: { action: 'REMOVE', on: '2021-07-08' } },
    {
      route: 'cases/{caseId}/progress-reports',
      event: 'ProgressReportSent',
      body: { to: 'LOCAL_POLICING_BODY', on: '2021-07-15', kind: 'UPDATE' },
    },
    { route: 'cases/{caseId}/progress-reports/withheld', event: 'ProgressReportWithheld', body: { on: '2021-07-16', kind: 'TWELVE_MONTH' } },
    { route: 'cases/{caseId}/investigation-report/review-submission', event: 'InvestigationReportSubmittedForReview', body: { on: '2021-07-20' } },
    {
      route: 'cases/{caseId}/investigation-report/review',
      event: 'InvestigationReportReviewed',
      role: 'APPROPRIATE_AUTHORITY',
      body: { on: '2021-07-26', result: 'APPROVED' },
    },
    { route: 'cases/{caseId}/investigation-report', event: 'InvestigationReportSubmitted', body: { on: '2021-08-01' } },
    {
      route: `${SUBJECT}/case-to-answer`,
      subject: A,
      event: 'CaseToAnswerDecided',
      role: 'APPROPRIATE_AUTHORITY',
      body: { decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT', decidedBy: 'APPROPRIATE_AUTHORITY', on: '2021-08-10' },
    },
    ...signedOffHearing(),
    { route: `${SUBJECT}/reflective-practice`, subject: B, event: 'ReflectivePracticeReviewStarted', body: { action: 'START', on: '2021-08-11' } },
    ...reflectivePracticeStages(),
    { route: `${SUBJECT}/reflective-practice`, subject: B, event: 'ReflectivePracticeReviewCompleted', body: { action: 'COMPLETE', on: '2021-09-01' } },
    {
      route: `${SUBJECT}/reflective-practice/actions-review`,
      subject: B,
      event: 'ReflectiveActionsReviewed',
      body: { on: '2021-11-22', actionsCompleted: true },
    },
    { route: `${SUBJECT}/reflective-practice/pdr-follow-up`, subject: B, event: 'ReflectivePdrFollowUpHeld', body: { on: '2022-01-04' } },
    ...aroundTheProceedings(ids),
    { route: `${SUBJECT}/management-action`, subject: C, event: 'ManagementActionTaken', body: { on: '2021-09-02' } },
    { route: `${SUBJECT}/special-conditions`, subject: A, event: 'SpecialConditionsCertified', body: { on: '2021-08-11' } },
    {
      route: `${SUBJECT}/proceedings`,
      subject: A,
      event: 'ProceedingsScheduled',
      body: { kind: 'ACCELERATED_HEARING', noticeServedOn: '2021-08-11', scheduledFor: '2021-08-25' },
    },
    { route: `${SUBJECT}/accelerated-response`, subject: A, event: 'AcceleratedResponseGiven', body: { on: '2021-08-13', acceptsGrossMisconduct: false } },
    { route: `${SUBJECT}/proceedings/return`, subject: A, event: 'ReturnedToAppropriateAuthority', body: { on: '2021-08-18' } },
    {
      route: `${SUBJECT}/proceedings`,
      subject: A,
      event: 'ProceedingsScheduled',
      body: { kind: 'MISCONDUCT_HEARING', noticeServedOn: '2021-08-20', scheduledFor: '2021-10-04' },
    },
    ...preHearingSteps(),
    {
      route: `${SUBJECT}/outcome`,
      subject: A,
      event: 'ProceedingsConcluded',
      body: {
        on: '2021-10-06',
        findings: [{ standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' }],
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        formerOfficer: false,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      },
    },
    ...hearingRecordSteps(),
    { route: `${SUBJECT}/written-outcome`, subject: A, event: 'WrittenOutcomeReceived', body: { on: '2021-10-08' } },
    {
      route: `${SUBJECT}/appeals`,
      subject: A,
      event: 'AppealLodged',
      body: { action: 'LODGE', forum: 'POLICE_APPEALS_TRIBUNAL', on: '2021-10-20' },
    },
    {
      route: `${SUBJECT}/appeals`,
      subject: A,
      event: 'AppealDetermined',
      body: { action: 'DETERMINE', forum: 'POLICE_APPEALS_TRIBUNAL', on: '2022-01-10', result: 'DISMISSED' },
    },
    { route: `${SUBJECT}/barred-list`, subject: A, event: 'BarredListEntryMade', body: { on: '2022-01-12', basis: 'DISMISSED' } },
    ...otherRoutesToDismissal(),
    ...complaintEnding(),
    {
      route: 'cases/{caseId}/learning',
      event: 'LearningRecorded',
      body: { on: '2022-01-20', kind: 'FORCE_ACTION', text: 'Audit look-ups monthly.' },
    },
    {
      route: 'cases/{caseId}/corrections',
      event: 'RecordCorrected',
      body: (eventIdOf) => ({
        correctsEventId: eventIdOf('LearningRecorded'),
        reason: 'It was a recommendation to the force.',
        replacement: { on: '2022-01-20', kind: 'LEARNING_RECOMMENDATION', text: 'Audit look-ups monthly.' },
      }),
    },
    { route: 'cases/{caseId}/close', event: 'CaseClosed', body: { on: '2022-02-01', reason: 'Concluded.' } },
    { route: 'cases/{caseId}/reopen', event: 'CaseReopened', body: { on: '2022-02-03', reason: 'New information.' } },
  ];
}

/**
 * Issue 16: the investigator appointed to the case (the investigation's chain of command is
 * then recorded), subject A's line manager recorded, and the appointment passed to another.
 */
function allocation(appointmentId: string): WalkStep[] {
  return [
    {
      route: 'cases/{caseId}/appointments',
      event: 'InvestigatorAppointed',
      role: 'APPROPRIATE_AUTHORITY',
      body: { appointmentId, investigatorId: randomUUID(), role: 'INVESTIGATOR', on: '2021-03-22' },
    },
    { route: `${SUBJECT}/line-manager`, subject: A, event: 'SubjectLineManagerRecorded', body: { lineManagerId: randomUUID(), on: '2021-03-23' } },
    {
      route: 'cases/{caseId}/appointments/reassignment',
      event: 'InvestigatorReassigned',
      role: 'APPROPRIATE_AUTHORITY',
      body: { appointmentId, investigatorId: randomUUID(), on: '2021-03-24', reason: 'Moved to another command.' },
    },
  ];
}

/** A's case-to-answer decision signed off, a hearing decided on and signed off (reg 23). */
function signedOffHearing(): WalkStep[] {
  const signOff = (decision: string): WalkStep => ({
    route: `${SUBJECT}/sign-off`,
    subject: A,
    event: 'DecisionSignedOff',
    role: 'APPROPRIATE_AUTHORITY',
    body: { decision, on: '2021-08-10', signerRank: 'SUPERINTENDENT' },
  });
  return [
    signOff('CASE_TO_ANSWER'),
    {
      route: `${SUBJECT}/form-of-proceedings`,
      subject: A,
      event: 'FormOfProceedingsDecided',
      role: 'APPROPRIATE_AUTHORITY',
      body: { form: 'MISCONDUCT_HEARING', on: '2021-08-10' },
    },
    signOff('FORM_OF_PROCEEDINGS'),
  ];
}

/**
 * A second case, for the steps only a matter under the 2012 regulations allows: L is dismissed
 * with notice, which takes effect when the notice ends (2012 reg 35); F retired more than 12
 * months before the matter came to attention, so only a Condition C determination would bring
 * proceedings (reg 4A).
 */
export function legacyRoute(ids: WalkIds): WalkStep[] {
  const L = 'subjectL';
  const F = 'subjectF';
  return [
    { route: 'cases', legacy: true, event: 'ReferralReceived', body: referralBody(ids.legacyCaseId, { receivedOn: '2019-06-03' }) },
    { route: 'cases/{caseId}/subjects', legacy: true, event: 'SubjectAdded', body: subjectBody(ids.subjectL) },
    { route: 'cases/{caseId}/subjects', legacy: true, event: 'SubjectAdded', body: subjectBody(ids.subjectF) },
    { route: 'cases/{caseId}/conduct-matter/recording', legacy: true, event: 'ConductMatterRecorded', body: { on: '2019-06-04', grounds: [] } },
    {
      route: 'cases/{caseId}/investigation',
      legacy: true,
      event: 'InvestigationStarted',
      body: { investigatorId: randomUUID(), startedOn: '2019-06-10', termsOfReference: 'Audit and interviews.' },
    },
    {
      route: `${SUBJECT}/departure`,
      legacy: true,
      subject: F,
      event: 'SubjectLeftService',
      body: { how: 'RETIRED', on: '2018-01-15', approvedByDcc: true },
    },
    { route: `${SUBJECT}/condition-c-determination`, legacy: true, subject: F, event: 'ConditionCDeterminationMade', body: { on: '2019-07-01' } },
    { route: 'cases/{caseId}/investigation-report', legacy: true, event: 'InvestigationReportSubmitted', body: { on: '2019-12-01' } },
    {
      route: `${SUBJECT}/case-to-answer`,
      legacy: true,
      subject: L,
      event: 'CaseToAnswerDecided',
      role: 'APPROPRIATE_AUTHORITY',
      body: { decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT', decidedBy: 'APPROPRIATE_AUTHORITY', on: '2019-12-05' },
    },
    {
      route: `${SUBJECT}/proceedings`,
      legacy: true,
      subject: L,
      event: 'ProceedingsScheduled',
      body: { kind: 'MISCONDUCT_HEARING', noticeServedOn: '2019-12-10', scheduledFor: '2020-01-20' },
    },
    {
      route: `${SUBJECT}/outcome`,
      legacy: true,
      subject: L,
      event: 'ProceedingsConcluded',
      body: {
        on: '2020-01-24',
        findings: [{ standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' }],
        outcome: 'DISMISSAL_WITH_NOTICE',
        formerOfficer: false,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      },
    },
    { route: `${SUBJECT}/dismissal-effective`, legacy: true, subject: L, event: 'DismissalTookEffect', body: { on: '2020-02-21' } },
  ];
}

/** B's reflective practice stages between the referral and its completion (Part 6; reg 70). */
function reflectivePracticeStages(): WalkStep[] {
  return [
    {
      route: `${SUBJECT}/reflective-practice/notice`,
      subject: B,
      event: 'ReflectivePracticeNoticeGiven',
      body: { on: '2021-08-12', reasons: 'One late disclosure.' },
    },
    { route: `${SUBJECT}/reflective-practice/account`, subject: B, event: 'ReflectiveAccountGiven', body: { on: '2021-08-16' } },
    { route: `${SUBJECT}/reflective-practice/fact-finding`, subject: B, event: 'ReflectiveFactFindingCompleted', body: { on: '2021-08-18' } },
    { route: `${SUBJECT}/reflective-practice/discussion`, subject: B, event: 'ReflectiveReviewDiscussionHeld', body: { on: '2021-08-20', joint: false } },
    {
      route: `${SUBJECT}/reflective-practice/report`,
      subject: B,
      event: 'ReflectiveReviewReportAgreed',
      body: {
        on: '2021-08-24',
        summary: 'A disclosure made late; discussed openly.',
        keyActions: 'Complete the disclosure course.',
        actionsDueOn: '2021-10-24',
        lessonsForOfficer: 'Disclose on the day.',
        lessonsForForce: 'Remind teams of the disclosure duty.',
        reviewPeriodEndsOn: '2021-11-24',
      },
    },
  ];
}

/**
 * D fails to engage and goes back to the misconduct route, is found a case to answer and joined
 * with A (reg 25), paused under reg 10 and resumed, and the proceedings withdrawn (reg 27).
 */
function aroundTheProceedings(ids: WalkIds): WalkStep[] {
  return [
    { route: `${SUBJECT}/reflective-practice`, subject: D, event: 'ReflectivePracticeReviewStarted', body: { action: 'START', on: '2021-08-12' } },
    {
      route: `${SUBJECT}/reflective-practice/notice`,
      subject: D,
      event: 'ReflectivePracticeNoticeGiven',
      body: { on: '2021-08-13', reasons: 'A late report.' },
    },
    {
      route: `${SUBJECT}/reflective-practice/engagement-failure`,
      subject: D,
      event: 'ReflectivePracticeEngagementFailed',
      body: { on: '2021-08-27', referredTo: 'MISCONDUCT' },
    },
    {
      route: `${SUBJECT}/case-to-answer`,
      subject: D,
      event: 'CaseToAnswerDecided',
      role: 'APPROPRIATE_AUTHORITY',
      body: { decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT', decidedBy: 'APPROPRIATE_AUTHORITY', on: '2021-08-30' },
    },
    {
      route: 'cases/{caseId}/joint-proceedings',
      event: 'JointProceedingsDirected',
      body: { on: '2021-08-31', subjects: [{ subjectId: ids.subjectA }, { subjectId: ids.subjectD }] },
    },
    { route: `${SUBJECT}/proceedings/pause`, subject: D, event: 'ProceedingsPaused', body: { on: '2021-09-01', reason: 'Criminal trial pending.' } },
    { route: `${SUBJECT}/proceedings/resumption`, subject: D, event: 'ProceedingsResumed', body: { on: '2021-09-14' } },
    { route: `${SUBJECT}/proceedings/withdrawal`, subject: D, event: 'ProceedingsWithdrawn', body: { on: '2021-09-15', reason: 'The witness withdrew.' } },
  ];
}

/** E dismissed for gross incompetence (Performance Regulations 2020), B under the Vetting Regulations 2025; both barred. */
function otherRoutesToDismissal(): WalkStep[] {
  return [
    { route: `${SUBJECT}/performance-referral`, subject: E, event: 'ReferredToPerformanceRegulations', body: { on: '2021-12-01', grossIncompetence: true } },
    {
      route: `${SUBJECT}/performance-outcome`,
      subject: E,
      event: 'PerformanceOutcomeRecorded',
      body: { on: '2022-01-13', outcome: 'DISMISSAL_WITHOUT_NOTICE' },
    },
    { route: `${SUBJECT}/barred-list`, subject: E, event: 'BarredListEntryMade', body: { on: '2022-01-14', basis: 'DISMISSED_PERFORMANCE' } },
    { route: `${SUBJECT}/vetting-referral`, subject: B, event: 'ReferredToVettingRegulations', body: { on: '2025-06-02' } },
    { route: `${SUBJECT}/vetting-outcome`, subject: B, event: 'VettingOutcomeRecorded', body: { on: '2025-07-01', outcome: 'DISMISSAL_WITHOUT_NOTICE' } },
    { route: `${SUBJECT}/barred-list`, subject: B, event: 'BarredListEntryMade', body: { on: '2025-07-02', basis: 'DISMISSED_VETTING' } },
  ];
}

/** The complaint logged, the complainant contacted, the handling decided (recorded), handled, excepted; the criteria met. */
function complaintOpening(): WalkStep[] {
  return [
    {
      route: 'cases/{caseId}/complaint',
      event: 'ComplaintLogged',
      body: {
        loggedOn: '2021-03-01',
        anonymous: false,
        complainantDetails: 'A. Complainant, 1 High Street, Winchester.',
        protectedCharacteristics: JSON.stringify({ gender: 'FEMALE', ageBand: '35_44', ethnicity: 'WHITE' }),
        allegations: [{ allegationId: randomUUID(), category: 'ABUSE_OF_POSITION_CORRUPTION', incidentOn: '2020-02-01' }],
      },
    },
    { route: 'cases/{caseId}/complaint/contact', event: 'ComplainantContacted', body: { on: '2021-03-02' } },
    {
      route: 'cases/{caseId}/complaint/handling',
      event: 'ComplaintHandlingDecided',
      body: {
        on: '2021-03-03',
        handling: 'RECORDED_UNDER_SCHEDULE_3',
        complainantWantsRecorded: true,
        schedule3Grounds: ['CRIMINAL_OFFENCE_OR_DISCIPLINARY_PROCEEDINGS'],
      },
    },
    { route: 'cases/{caseId}/complaint/handled-otherwise', event: 'ComplaintHandledOtherwise', body: { on: '2021-03-03', outcome: 'EXPLANATION_OR_APOLOGY' } },
    { route: 'cases/{caseId}/complaint/exception', event: 'ComplaintExceptionApplied', body: { on: '2021-03-04' } },
    { route: 'cases/{caseId}/referral-criteria', event: 'ReferralCriteriaAssessed', body: { on: '2021-03-04', criteria: ['SERIOUS_CORRUPTION'] } },
    { route: 'cases/{caseId}/complaint/record-copies', event: 'ComplaintRecordCopied', body: { on: '2021-03-04', to: 'COMPLAINANT' } },
    { route: 'cases/{caseId}/complaint/revealed-conduct-matters', event: 'ConductMatterRevealed', body: { on: '2021-03-04' } },
    { route: 'cases/{caseId}/complaint/suspension', event: 'ComplaintSuspended', body: { on: '2021-03-05' } },
    { route: 'cases/{caseId}/complaint/resumption', event: 'ComplaintResumed', body: { on: '2021-03-20' } },
  ];
}

/** The outcome given with the IOPC as review body, the review upheld, the complaint withdrawn. */
function complaintEnding(): WalkStep[] {
  return [
    { route: 'cases/{caseId}/complaint/outcome', event: 'ComplaintOutcomeNotified', body: { on: '2022-01-13', reviewBody: 'IOPC' } },
    { route: 'cases/{caseId}/complaint/review', event: 'ComplaintReviewApplied', body: { on: '2022-01-14' } },
    {
      route: 'cases/{caseId}/complaint/review/decision',
      event: 'ComplaintReviewDecided',
      body: { on: '2022-01-18', result: 'UPHELD', recommendationsMade: true },
    },
    { route: 'cases/{caseId}/complaint/withdrawal', event: 'ComplaintWithdrawn', body: { on: '2022-01-19', directorGeneralNotified: true } },
    { route: 'cases/{caseId}/complaint/withdrawal/decision', event: 'WithdrawalDecisionRecorded', body: { on: '2022-01-20', treatAsConductMatter: false } },
  ];
}

/** The step's path with the ids filled in. */
/**
 * The document routes (src/documents), on the first case after everyRoute: two documents
 * attached (a multipart form: send a step with `file` as test/documents/support.ts's upload
 * does), the first superseded by the second. Its own list, since the other walks send JSON.
 */
export function documentRoutes(ids: WalkIds, documentIds = { first: randomUUID(), second: randomUUID() }): WalkStep[] {
  const text = (words: string) => Buffer.from(`${words}\n`, 'utf8');
  return [
    {
      route: 'cases/{caseId}/documents',
      event: 'DocumentAttached',
      body: { documentId: documentIds.first, attachedOn: '2022-02-04', kind: 'STATEMENT' },
      file: { content: text('Statement of witness W1 (draft).'), filename: 'w1-draft.txt' },
    },
    {
      route: 'cases/{caseId}/documents',
      event: 'DocumentAttached',
      body: { documentId: documentIds.second, subjectId: ids.subjectA, attachedOn: '2022-02-04', kind: 'STATEMENT' },
      file: { content: text('Statement of witness W1, signed.'), filename: 'w1-signed.txt' },
    },
    {
      route: `cases/{caseId}/documents/${documentIds.first}/supersession`,
      event: 'DocumentSuperseded',
      body: { supersededBy: documentIds.second, on: '2022-02-05', reason: 'The signed statement replaces the draft.' },
    },
  ];
}

export function pathOf(step: WalkStep, ids: WalkIds): string {
  const subjectId = step.subject === undefined ? '' : ids[step.subject];
  return step.route.replace('{caseId}', step.legacy === true ? ids.legacyCaseId : ids.caseId).replace('{subjectId}', subjectId);
}

/**
 * Subject A's steps before the proceedings and at the hearing in public (pre-hearing.events.ts),
 * after the case-to-answer decision and the scheduling of the misconduct hearing.
 */
function preHearingSteps(): WalkStep[] {
  const on = (route: string, event: string, body: Record<string, unknown>): WalkStep => ({ route: `${SUBJECT}/${route}`, subject: A, event, body });
  return [
    on('referral-notice', 'ReferralNoticeServed', {
      on: '2021-08-20',
      documentsSuppliedOn: '2021-08-20',
      documents: ['NOTICE_OF_CONDUCT', 'INVESTIGATION_REPORT'],
    }),
    on('periods', 'PeriodChanged', {
      on: '2021-08-25',
      period: 'OFFICER_RESPONSE',
      change: 'EXTENDED_EXCEPTIONAL_CIRCUMSTANCES',
      dueOn: '2021-09-17',
      reason: 'Federation representative on leave.',
    }),
    on('response', 'OfficerResponseGiven', { on: '2021-09-10', position: 'DISPUTED' }),
    on('witness-lists', 'WitnessListsExchanged', { on: '2021-09-13', officerWitnesses: 2, authorityWitnesses: 3 }),
    on('documents-to-chair', 'DocumentsSuppliedToChair', { on: '2021-09-14' }),
    on('pre-hearing/date', 'PreHearingDateSet', { on: '2021-09-15', setFor: '2021-09-22' }),
    on('pre-hearing/alternative-date', 'AlternativePreHearingDateProposed', { on: '2021-09-16', proposedFor: '2021-09-24' }),
    on('pre-hearing', 'PreHearingHeld', { on: '2021-09-24' }),
    on('panel-objections', 'PanelObjectionMade', { on: '2021-09-24', member: 'INDEPENDENT_MEMBER' }),
    on('panel-objections/determination', 'PanelObjectionDetermined', { on: '2021-09-27', member: 'INDEPENDENT_MEMBER', upheld: true }),
    on('panel-objections/replacement', 'PanelMemberReplaced', { on: '2021-09-28', member: 'INDEPENDENT_MEMBER' }),
    on('hearing/notice', 'HearingNoticePublished', { on: '2021-09-24', hearingOn: '2021-10-04' }),
    on('hearing/privacy', 'HearingPrivacyDecided', { on: '2021-09-24', inPublic: true }),
    on('hearing/directions', 'HearingDirectionGiven', { on: '2021-10-04', direction: 'WITNESS_ANONYMITY', reason: 'Witness at risk.' }),
    on('hearing/attendance', 'HearingAttendanceRecorded', { on: '2021-10-04', attendee: 'MEMBER_OF_PUBLIC', attendees: 4 }),
    on('proceedings/adjournments', 'ProceedingsAdjourned', { on: '2021-10-04', adjournedTo: '2021-10-05', reason: 'Witness unwell.' }),
  ];
}

/** Subject A's hearing outcome published and its verbatim record kept (regs 43, 44). */
function hearingRecordSteps(): WalkStep[] {
  return [
    { route: `${SUBJECT}/hearing/outcome-publication`, subject: A, event: 'HearingOutcomePublished', body: { on: '2021-10-07' } },
    {
      route: `${SUBJECT}/hearing/verbatim-record`,
      subject: A,
      event: 'VerbatimRecordKept',
      body: { on: '2021-10-07', documentReference: 'TRANSCRIPT-2021-0142' },
    },
  ];
}
