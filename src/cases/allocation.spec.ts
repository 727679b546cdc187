/**
 * The chain of command around an investigation (allocation.rules.ts), given / when / then, one
 * spec per rule: appointments and their independence (Conduct Regs 2020 reg 15(3)), the review of
 * the investigator's report (reg 21), the form of proceedings and the sign-offs (reg 23).
 */
import { event } from './case.rules';
import type { CaseEvent } from './case.events';
import { caseToAnswer, investigationStarted, OFFICER, referral, reportSubmitted, subjectAdded } from './testing/case-fixtures';
import { command, given, ruleTitle, withEventIds } from './testing/decider-spec';
import { foldCase } from './case.state';
import { caseInvestigatorOf } from './allocation.facts';

const SECOND = 'subject-second';
const INVESTIGATOR = 'person-investigator';
const SUPERVISOR = 'person-supervisor';
const AUTHORITY = 'person-authority';
const opened = [referral(), subjectAdded(OFFICER), subjectAdded(SECOND), investigationStarted()];

const appointment = (
  overrides: Partial<{ appointmentId: string; investigatorId: string; role: 'INVESTIGATOR' | 'SUPERVISING_OFFICER'; subjectId: string }> = {},
) => ({
  appointmentId: 'appointment-1',
  investigatorId: INVESTIGATOR,
  role: 'INVESTIGATOR' as const,
  on: '2021-03-11',
  ...overrides,
});
const appoint = (overrides: Parameters<typeof appointment>[0] = {}, facts: { appointeeDeclaredConflict?: boolean } = {}) =>
  command('AppointInvestigator', { ...appointment(overrides), ...facts });
const appointed = (overrides: Parameters<typeof appointment>[0] = {}): CaseEvent => event('InvestigatorAppointed', appointment(overrides));
const reassign = (investigatorId: string, facts: { appointeeDeclaredConflict?: boolean } = {}) =>
  command('ReassignInvestigator', { appointmentId: 'appointment-1', investigatorId, on: '2021-04-01', reason: 'Long-term absence.', ...facts });
const lineManager = (subjectId: string, lineManagerId: string): CaseEvent =>
  event('SubjectLineManagerRecorded', { subjectId, lineManagerId, on: '2021-03-10' });

const submitted = (on = '2021-08-01'): CaseEvent => event('InvestigationReportSubmittedForReview', { on, submittedBy: INVESTIGATOR });
const reviewed = (result: 'APPROVED' | 'RETURNED', on = '2021-08-05'): CaseEvent =>
  event(
    'InvestigationReportReviewed',
    result === 'RETURNED' ? { on, reviewedBy: SUPERVISOR, result, reasons: 'Interview B is missing.' } : { on, reviewedBy: SUPERVISOR, result },
  );
const review = (result: 'APPROVED' | 'RETURNED', reviewedBy = SUPERVISOR, reasons?: string, on = '2021-08-05') =>
  command('ReviewInvestigationReport', { on, reviewedBy, result, ...(reasons === undefined ? {} : { reasons }) });

const allocated = [...opened, appointed()];
const reported = [...allocated, submitted(), reviewed('APPROVED'), reportSubmitted('2021-08-10')];
const grossMisconduct = [...reported, caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT')];
const signOff = (
  decision: 'CASE_TO_ANSWER' | 'FORM_OF_PROCEEDINGS',
  signerRank: 'SUPERINTENDENT' | 'CHIEF_INSPECTOR' | 'INSPECTOR' | 'STAFF' = 'SUPERINTENDENT',
  signedOffBy = AUTHORITY,
) => command('SignOffDecision', { subjectId: OFFICER, decision, on: '2021-09-20', signedOffBy, signerRank });
const signedOff = (decision: 'CASE_TO_ANSWER' | 'FORM_OF_PROCEEDINGS'): CaseEvent =>
  event('DecisionSignedOff', { subjectId: OFFICER, decision, on: '2021-09-20', signedOffBy: AUTHORITY, signerRank: 'SUPERINTENDENT' });
const formDecided = (form: 'MISCONDUCT_MEETING' | 'MISCONDUCT_HEARING' = 'MISCONDUCT_HEARING'): CaseEvent =>
  event('FormOfProceedingsDecided', { subjectId: OFFICER, form, on: '2021-09-16' });
const schedule = (kind: 'MISCONDUCT_MEETING' | 'MISCONDUCT_HEARING' | 'ACCELERATED_HEARING' = 'MISCONDUCT_HEARING') =>
  command('ScheduleProceedings', { subjectId: OFFICER, kind, noticeServedOn: '2021-10-01', scheduledFor: '2021-11-01' });

describe('appointing investigators (reg 15)', () => {
  it('appoints an investigator to the whole case and a supervising officer to one subject', () => {
    given(opened).when(appoint()).then([appointed()]);
    given([...opened, appointed()])
      .when(appoint({ appointmentId: 'appointment-2', investigatorId: SUPERVISOR, role: 'SUPERVISING_OFFICER', subjectId: OFFICER }))
      .thenState((after) => expect(Object.keys(after.allocation.appointments)).toEqual(['appointment-1', 'appointment-2']));
  });

  it(ruleTitle('appointmentAlreadyMade', 'refuses an appointment id used before'), () => {
    given(allocated)
      .when(appoint({ role: 'SUPERVISING_OFFICER', investigatorId: SUPERVISOR }))
      .thenThrows('appointmentAlreadyMade');
  });

  it(ruleTitle('roleAlreadyFilled', 'refuses a second investigator for the same case: a reassignment replaces one'), () => {
    given(allocated)
      .when(appoint({ appointmentId: 'appointment-2', investigatorId: 'person-other' }))
      .thenThrows('roleAlreadyFilled');
  });

  it(ruleTitle('investigatorIsSubject', 'refuses to appoint a subject of the case'), () => {
    given(opened)
      .when(appoint({ investigatorId: `person-of-${SECOND}`, subjectId: OFFICER }))
      .thenThrows('investigatorIsSubject');
  });

  it(ruleTitle('investigatorHasDeclaredConflict', 'refuses someone who declared a conflict of interest on the case'), () => {
    given(opened)
      .when(appoint({}, { appointeeDeclaredConflict: true }))
      .thenThrows('investigatorHasDeclaredConflict', { confidence: 'PARTLY_CONFIRMED' });
    given(allocated)
      .when(reassign('person-other', { appointeeDeclaredConflict: true }))
      .thenThrows('investigatorHasDeclaredConflict');
  });

  it(ruleTitle('investigatorIsSubjectsLineManager', 'refuses the recorded line manager of a subject the appointment covers (✖)'), () => {
    given([...opened, lineManager(OFFICER, INVESTIGATOR)])
      .when(appoint())
      .thenThrows('investigatorIsSubjectsLineManager', { confidence: 'UNCONFIRMED' });
    // One subject's appointment is not refused for another subject's line manager.
    given([...opened, lineManager(SECOND, INVESTIGATOR)])
      .when(appoint({ subjectId: OFFICER }))
      .then([appointed({ subjectId: OFFICER })]);
  });

  it(ruleTitle('investigatorManagedBySubject', 'refuses someone whose line manager is a subject (reg 15(3)(c))'), () => {
    given(opened)
      .when(command('AppointInvestigator', { ...appointment(), investigatorLineManagerId: `person-of-${SECOND}` }))
      .thenThrows('investigatorManagedBySubject');
  });

  it(ruleTitle('supervisorIsInvestigator', 'refuses the investigator as the supervising officer of the same case'), () => {
    given(allocated)
      .when(appoint({ appointmentId: 'appointment-2', role: 'SUPERVISING_OFFICER' }))
      .thenThrows('supervisorIsInvestigator', { confidence: 'UNCONFIRMED' });
  });
});

describe('reassigning an appointment', () => {
  it('passes the appointment to another person with the reason, keeping who held it', () => {
    given(allocated)
      .when(reassign('person-other'))
      .thenState((after) =>
        expect(after.allocation.appointments['appointment-1'].holders).toEqual([
          { investigatorId: INVESTIGATOR, from: '2021-03-11', until: '2021-04-01' },
          { investigatorId: 'person-other', from: '2021-04-01', until: null },
        ]),
      );
  });

  it(ruleTitle('appointmentMustExist', 'refuses to reassign an appointment the case does not have'), () => {
    given(opened).when(reassign('person-other')).thenThrows('appointmentMustExist');
  });

  it(ruleTitle('reassignmentToSameInvestigator', 'refuses to reassign to the person who holds it'), () => {
    given(allocated).when(reassign(INVESTIGATOR)).thenThrows('reassignmentToSameInvestigator');
  });

  it('checks the new holder as an appointee: not a subject', () => {
    given(allocated)
      .when(reassign(`person-of-${OFFICER}`))
      .thenThrows('investigatorIsSubject');
  });
});

describe("a subject's line manager", () => {
  it(ruleTitle('lineManagerIsSubject', 'refuses a subject as their own line manager'), () => {
    given(opened)
      .when(command('RecordSubjectLineManager', { subjectId: OFFICER, lineManagerId: `person-of-${OFFICER}`, on: '2021-03-10' }))
      .thenThrows('lineManagerIsSubject');
  });

  it(ruleTitle('lineManagerIsAppointedInvestigator', 'refuses a line manager who is appointed to investigate the subject (✖)'), () => {
    given(allocated)
      .when(command('RecordSubjectLineManager', { subjectId: OFFICER, lineManagerId: INVESTIGATOR, on: '2021-03-10' }))
      .thenThrows('lineManagerIsAppointedInvestigator', { confidence: 'UNCONFIRMED' });
  });
});

describe("reviewing the investigator's report", () => {
  it('keeps each return and resubmission, then the approval', () => {
    given([...allocated, submitted(), reviewed('RETURNED'), submitted('2021-08-06')])
      .when(review('APPROVED', SUPERVISOR, undefined, '2021-08-09'))
      .thenState((after) =>
        expect(after.allocation.reportSubmissions.map((submission) => [submission.submittedOn, submission.result])).toEqual([
          ['2021-08-01', 'RETURNED'],
          ['2021-08-06', 'APPROVED'],
        ]),
      );
  });

  it(ruleTitle('reportReviewPending', 'refuses a second submission while one awaits review'), () => {
    given([...allocated, submitted()])
      .when(command('SubmitReportForReview', { on: '2021-08-02', submittedBy: INVESTIGATOR }))
      .thenThrows('reportReviewPending');
  });

  it(ruleTitle('reportAlreadyWithAuthority', 'refuses a review once the report went to the appropriate authority'), () => {
    given([...opened, reportSubmitted('2021-08-10')])
      .when(command('SubmitReportForReview', { on: '2021-08-11', submittedBy: INVESTIGATOR }))
      .thenThrows('reportAlreadyWithAuthority');
  });

  it(ruleTitle('reportReviewNeedsSubmission', 'refuses a review of nothing submitted'), () => {
    given(allocated).when(review('APPROVED')).thenThrows('reportReviewNeedsSubmission');
    given([...allocated, submitted(), reviewed('APPROVED')])
      .when(review('APPROVED'))
      .thenThrows('reportReviewNeedsSubmission');
  });

  it(ruleTitle('reviewerIsAuthor', 'refuses a review by its author or the appointed investigator (✖)'), () => {
    given([...allocated, submitted()])
      .when(review('APPROVED', INVESTIGATOR))
      .thenThrows('reviewerIsAuthor', { confidence: 'UNCONFIRMED' });
    given([...allocated, submitted()])
      .when(review('APPROVED', 'investigator-1'))
      .thenThrows('reviewerIsAuthor');
  });

  it(ruleTitle('returnNeedsReasons', 'refuses a return without reasons, and reasons on an approval'), () => {
    given([...allocated, submitted()])
      .when(review('RETURNED'))
      .thenThrows('returnNeedsReasons');
    given([...allocated, submitted()])
      .when(review('APPROVED', SUPERVISOR, 'Fine.'))
      .thenThrows('returnNeedsReasons');
  });

  it(ruleTitle('reportNeedsApproval', 'refuses the reg 21 report before its review approved it, once the chain of command is recorded (✖)'), () => {
    given(allocated)
      .when(command('SubmitInvestigationReport', { on: '2021-08-10' }))
      .thenThrows('reportNeedsApproval', { confidence: 'UNCONFIRMED' });
    given([...allocated, submitted(), reviewed('RETURNED')])
      .when(command('SubmitInvestigationReport', { on: '2021-08-10' }))
      .thenThrows('reportNeedsApproval');
    given([...allocated, submitted(), reviewed('APPROVED')])
      .when(command('SubmitInvestigationReport', { on: '2021-08-10' }))
      .then([reportSubmitted('2021-08-10')]);
    // A case recorded without allocation keeps its earlier path.
    given(opened)
      .when(command('SubmitInvestigationReport', { on: '2021-08-10' }))
      .then([reportSubmitted('2021-08-10')]);
  });
});

describe('the form of proceedings and the sign-offs (reg 23)', () => {
  it(ruleTitle('formNeedsCaseToAnswer', 'refuses a form without a case to answer'), () => {
    given(reported)
      .when(command('DecideFormOfProceedings', { subjectId: OFFICER, form: 'MISCONDUCT_HEARING', on: '2021-09-16' }))
      .thenThrows('formNeedsCaseToAnswer');
  });

  it('refuses a meeting for gross misconduct', () => {
    given(grossMisconduct)
      .when(command('DecideFormOfProceedings', { subjectId: OFFICER, form: 'MISCONDUCT_MEETING', on: '2021-09-16' }))
      .thenThrows('meetingOnlyForMisconduct');
  });

  it('signs off the case-to-answer decision and the form', () => {
    given(grossMisconduct)
      .when(signOff('CASE_TO_ANSWER'))
      .then([signedOff('CASE_TO_ANSWER')]);
    given([...grossMisconduct, formDecided()])
      .when(signOff('FORM_OF_PROCEEDINGS'))
      .then([signedOff('FORM_OF_PROCEEDINGS')]);
  });

  it(ruleTitle('signOffNeedsDecision', 'refuses to sign off a decision not made'), () => {
    given(reported).when(signOff('CASE_TO_ANSWER')).thenThrows('signOffNeedsDecision');
    given(grossMisconduct).when(signOff('FORM_OF_PROCEEDINGS')).thenThrows('signOffNeedsDecision');
  });

  it(ruleTitle('decisionAlreadySignedOff', 'refuses to sign off the same decision twice; a new decision is signed off again'), () => {
    given([...grossMisconduct, signedOff('CASE_TO_ANSWER')])
      .when(signOff('CASE_TO_ANSWER'))
      .thenThrows('decisionAlreadySignedOff');
    given([...grossMisconduct, signedOff('CASE_TO_ANSWER'), caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT', '2021-09-25')])
      .when(signOff('CASE_TO_ANSWER'))
      .then([signedOff('CASE_TO_ANSWER')]);
  });

  it(ruleTitle('signOffByInvestigator', 'refuses a sign-off by anyone who investigated the case (◐)'), () => {
    given(grossMisconduct)
      .when(signOff('CASE_TO_ANSWER', 'SUPERINTENDENT', INVESTIGATOR))
      .thenThrows('signOffByInvestigator', { confidence: 'PARTLY_CONFIRMED' });
    given(grossMisconduct)
      .when(signOff('CASE_TO_ANSWER', 'SUPERINTENDENT', 'investigator-1'))
      .thenThrows('signOffByInvestigator');
  });

  it(ruleTitle('signOffRankTooJunior', 'refuses a chief inspector for gross misconduct, an inspector for misconduct (✖ unconfirmed ranks)'), () => {
    given(grossMisconduct).when(signOff('CASE_TO_ANSWER', 'CHIEF_INSPECTOR')).thenThrows('signOffRankTooJunior', { confidence: 'UNCONFIRMED' });
    const misconduct = [...reported, caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT')];
    given(misconduct).when(signOff('CASE_TO_ANSWER', 'INSPECTOR')).thenThrows('signOffRankTooJunior');
    given(misconduct)
      .when(signOff('CASE_TO_ANSWER', 'CHIEF_INSPECTOR'))
      .thenState((after) => expect(after.allocation.subjects[OFFICER].caseToAnswerSignOff?.signerRank).toBe('CHIEF_INSPECTOR'));
    given(grossMisconduct)
      .when(signOff('CASE_TO_ANSWER', 'STAFF'))
      .thenState((after) => expect(after.allocation.subjects[OFFICER].caseToAnswerSignOff?.signed).toBe('CASE_TO_ANSWER_GROSS_MISCONDUCT'));
  });

  it(ruleTitle('proceedingsAwaitSignOff', 'refuses to schedule a meeting or hearing before both decisions are signed off (✖)'), () => {
    given(grossMisconduct).when(schedule()).thenThrows('proceedingsAwaitSignOff', { confidence: 'UNCONFIRMED' });
    given([...grossMisconduct, signedOff('CASE_TO_ANSWER'), formDecided()])
      .when(schedule())
      .thenThrows('proceedingsAwaitSignOff');
    const ready = [...grossMisconduct, signedOff('CASE_TO_ANSWER'), formDecided(), signedOff('FORM_OF_PROCEEDINGS')];
    given(ready)
      .when(schedule())
      .thenState((after) => expect(after.subjects[OFFICER].proceedings?.kind).toBe('MISCONDUCT_HEARING'));
    // A decision made again after its sign-off needs signing off again.
    given([...ready, caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT', '2021-09-30'), formDecided()])
      .when(schedule())
      .thenThrows('proceedingsAwaitSignOff');
    // A case recorded without allocation keeps its earlier path; an accelerated hearing follows its certificate.
    given([...opened, reportSubmitted(), caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT')])
      .when(schedule())
      .thenState((after) => expect(after.subjects[OFFICER].proceedings).not.toBeNull());
    given(grossMisconduct)
      .when(schedule('ACCELERATED_HEARING'))
      .thenState((after) => expect(after.subjects[OFFICER].proceedings?.kind).toBe('ACCELERATED_HEARING'));
  });

  it(ruleTitle('proceedingsKindDiffersFromForm', 'refuses proceedings of another form than the one decided'), () => {
    const misconduct = [...reported, caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT'), signedOff('CASE_TO_ANSWER'), formDecided('MISCONDUCT_HEARING')];
    given([...misconduct, signedOff('FORM_OF_PROCEEDINGS')])
      .when(schedule('MISCONDUCT_MEETING'))
      .thenThrows('proceedingsKindDiffersFromForm');
  });
});

describe('who investigates the case now (one notion for every read model)', () => {
  const investigatorOf = (events: readonly CaseEvent[]) => {
    const state = foldCase(withEventIds(events));
    if (state === null) throw new Error('expected a case');
    return caseInvestigatorOf(state);
  };
  const startedBy = (investigatorId: string): CaseEvent =>
    event('InvestigationStarted', { investigatorId, startedOn: '2021-03-10', termsOfReference: 'terms' });
  const reassigned = (investigatorId: string): CaseEvent =>
    event('InvestigatorReassigned', { appointmentId: 'appointment-1', investigatorId, on: '2021-04-01', reason: 'Long-term absence.' });

  it('is no one before the investigation starts or anyone is appointed', () => {
    expect(investigatorOf([referral(), subjectAdded(OFFICER)])).toBeNull();
  });

  it('is the investigator named when the investigation started, as corrected', () => {
    expect(investigatorOf([referral(), subjectAdded(OFFICER), startedBy('person-starting')])).toBe('person-starting');
    const corrected = event('RecordCorrected', {
      correctsEventId: 'event-3',
      reason: 'typed in error',
      replacement: { investigatorId: 'person-corrected', startedOn: '2021-03-10', termsOfReference: 'terms' },
    });
    expect(investigatorOf([referral(), subjectAdded(OFFICER), startedBy('person-starting'), corrected])).toBe('person-corrected');
  });

  it('is the holder of the whole case’s investigator appointment, once made, and follows its reassignment', () => {
    expect(investigatorOf([...opened, appointed()])).toBe(INVESTIGATOR);
    expect(investigatorOf([...opened, appointed(), reassigned('person-next')])).toBe('person-next');
  });

  it('is not a supervising officer, and a subject’s investigator only when no one investigates the whole case', () => {
    const supervised = appointed({ appointmentId: 'appointment-2', investigatorId: SUPERVISOR, role: 'SUPERVISING_OFFICER' });
    expect(investigatorOf([...opened, supervised])).toBe('investigator-1');
    const forSubject = appointed({ appointmentId: 'appointment-3', investigatorId: 'person-subject', subjectId: OFFICER });
    expect(investigatorOf([referral(), subjectAdded(OFFICER), supervised, forSubject])).toBe('person-subject');
    expect(investigatorOf([...opened, forSubject])).toBe('investigator-1');
    expect(investigatorOf([referral(), subjectAdded(OFFICER), forSubject, appointed()])).toBe(INVESTIGATOR);
  });
});
