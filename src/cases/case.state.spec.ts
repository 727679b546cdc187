import type { CaseEvent, CaseEventEnvelope, CorrectableEventData } from './case.events';
import { event } from './case.rules';
import { caseStage } from './case.stage';
import type { Case, CaseState } from './case.state';
import { evolve, foldCase } from './case.state';
import {
  caseAtProceedings,
  conclusion,
  concluded,
  dismissedOfficer,
  investigatedCase,
  investigationStarted,
  leftService,
  OFFICER,
  proven,
  RECEIVED_2012_REGS,
  referral,
  referralData,
  STAFF,
  subjectAdded,
} from './testing/case-fixtures';
import { withEventIds } from './testing/decider-spec';

function fold(events: readonly (CaseEvent | CaseEventEnvelope)[]): Case {
  const state = foldCase(withEventIds(events));
  if (state === null) throw new Error('expected a case');
  return state;
}

const barred = event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-05', basis: 'DISMISSED' });
const lodged = event('AppealLodged', { subjectId: OFFICER, forum: 'POLICE_APPEALS_TRIBUNAL', on: '2021-11-10' });
const determined = (result: 'ALLOWED' | 'DISMISSED' | 'OUTCOME_VARIED', variedOutcome?: 'FINAL_WRITTEN_WARNING' | 'DISMISSAL_WITH_NOTICE') =>
  event('AppealDetermined', {
    subjectId: OFFICER,
    forum: 'POLICE_APPEALS_TRIBUNAL',
    on: '2022-02-10',
    result,
    ...(variedOutcome ? { variedOutcome } : {}),
  });
const correction = (correctsEventId: string, replacement: CorrectableEventData, eventId: string): CaseEventEnvelope => ({
  ...event('RecordCorrected', { correctsEventId, reason: 'typed in error', replacement }),
  eventId,
});

describe('evolve: appeals and the barred list', () => {
  it('an appeal that varies a dismissal to a final written warning changes the outcome and lifts the barred list', () => {
    const subject = fold([...dismissedOfficer(), barred, lodged, determined('OUTCOME_VARIED', 'FINAL_WRITTEN_WARNING')]).subjects[OFFICER];
    expect(subject).toMatchObject({ outcome: 'FINAL_WRITTEN_WARNING', barredList: false, barredListBasis: null });
    expect(subject.conclusion?.outcome).toBe('DISMISSAL_WITHOUT_NOTICE');
  });

  it('an allowed appeal overturns the outcome and lifts the barred list', () => {
    const subject = fold([...dismissedOfficer(), barred, lodged, determined('ALLOWED')]).subjects[OFFICER];
    expect(subject).toMatchObject({ outcome: null, barredList: false });
  });

  it('a dismissed appeal, or one varied to another dismissal, leaves the entry standing', () => {
    expect(fold([...dismissedOfficer(), barred, lodged, determined('DISMISSED')]).subjects[OFFICER].barredList).toBe(true);
    const legacy = [...caseAtProceedings('MISCONDUCT_HEARING', { receivedOn: RECEIVED_2012_REGS }), concluded(), barred, lodged];
    const varied = fold([...legacy, determined('OUTCOME_VARIED', 'DISMISSAL_WITH_NOTICE')]).subjects[OFFICER];
    expect(varied).toMatchObject({ outcome: 'DISMISSAL_WITH_NOTICE', barredList: true, barredListBasis: 'DISMISSED' });
  });
});

describe('evolve: corrections', () => {
  const history = withEventIds(dismissedOfficer());
  const conclusionId = history[history.length - 1].eventId;

  it('a correction replaces the payload while history keeps both', () => {
    const state = fold([...history, correction(conclusionId, conclusion({ outcome: 'REDUCTION_IN_RANK' }), 'c-1')]);
    expect(state.subjects[OFFICER].outcome).toBe('REDUCTION_IN_RANK');
    expect(state.log.map((entry) => entry.type)).toContain('ProceedingsConcluded');
    expect(state.log[state.log.length - 1].type).toBe('RecordCorrected');
  });

  it('a second correction of the same event wins', () => {
    const state = fold([
      ...history,
      correction(conclusionId, conclusion({ outcome: 'REDUCTION_IN_RANK' }), 'c-1'),
      correction(conclusionId, conclusion({ outcome: 'FINAL_WRITTEN_WARNING' }), 'c-2'),
    ]);
    expect(state.subjects[OFFICER].outcome).toBe('FINAL_WRITTEN_WARNING');
  });

  it('correcting the date a matter came to attention re-derives the regulations', () => {
    expect(fold(history).regulations).toBe('2020');
    const state = fold([...history, correction(history[0].eventId, referralData({ receivedOn: '2020-01-31' }), 'c-1')]);
    expect(state.regulations).toBe('2012');
    expect(state.receivedOn).toBe('2020-01-31');
  });

  it('steps after the correction apply on top of the corrected history', () => {
    const state = fold([...history, correction(history[0].eventId, referralData({ force: 'ANOTHER' }), 'c-1'), barred]);
    expect(state.force).toBe('ANOTHER');
    expect(state.subjects[OFFICER].barredList).toBe(true);
  });
});

describe('evolve: subjects', () => {
  it('keeps subjects as entities of the case, keyed by subjectId', () => {
    const state = fold([referral(), subjectAdded(OFFICER), subjectAdded(STAFF)]);
    expect(Object.keys(state.subjects)).toEqual([OFFICER, STAFF]);
    expect(state.subjects[STAFF]).toMatchObject({ workforceType: 'POLICE_STAFF', rank: 'STAFF', barredList: false });
  });

  it('an unapproved departure under investigation awaits the DCC; an approved one, or one after conclusion, does not', () => {
    expect(fold([...investigatedCase(), leftService(OFFICER, 'RESIGNED', 'INVESTIGATION', false)]).subjects[OFFICER].departure?.awaitingDccDecision).toBe(true);
    expect(fold([...investigatedCase(), leftService(OFFICER, 'RESIGNED', 'INVESTIGATION', true)]).subjects[OFFICER].departure?.awaitingDccDecision).toBe(false);
    const afterConclusion = fold([...dismissedOfficer(), leftService(OFFICER, 'RESIGNED', 'CONCLUDED', false)]).subjects[OFFICER].departure;
    expect(afterConclusion).toMatchObject({ awaitingDccDecision: false, afterConclusion: true });
  });

  it('a suspension ends when proceedings conclude (reg 11) or the subject leaves', () => {
    const suspended = event('SubjectSuspended', { subjectId: OFFICER, on: '2021-04-01', reason: 'public interest' });
    const atHearing = [...caseAtProceedings('MISCONDUCT_HEARING'), suspended];
    expect(fold(atHearing).subjects[OFFICER].suspension).toBe('SUSPENDED');
    expect(fold([...atHearing, concluded()]).subjects[OFFICER].suspension).toBe('NONE');
    expect(fold([...atHearing, leftService(OFFICER)]).subjects[OFFICER].suspension).toBe('NONE');
  });

  it('a later severity assessment supersedes an earlier one', () => {
    const assessed = (level: 'MISCONDUCT' | 'GROSS_MISCONDUCT') =>
      event('SeverityAssessed', { subjectId: OFFICER, level, assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'r' });
    expect(fold([referral(), subjectAdded(), assessed('MISCONDUCT'), assessed('GROSS_MISCONDUCT')]).subjects[OFFICER].severity).toBe('GROSS_MISCONDUCT');
  });

  it('never throws: a step for an unknown subject, or anything before the referral, leaves the state as it was', () => {
    const before: CaseState = null;
    expect(evolve(before, { ...barred, eventId: 'e' })).toBeNull();
    const state = fold([referral()]);
    const after = evolve(state, { ...concluded({ subjectId: 'nobody' }), eventId: 'e2' });
    expect(after?.subjects).toEqual({});
  });
});

describe('stage', () => {
  const steps: [CaseEvent, string][] = [
    [referral(), 'RECEIVED'],
    [subjectAdded(), 'ASSESSMENT'],
    [investigationStarted(), 'INVESTIGATION'],
    [event('InvestigationReportSubmitted', { on: '2021-09-01' }), 'DECISION'],
    [
      event('CaseToAnswerDecided', {
        subjectId: OFFICER,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2021-09-15',
      }),
      'DECISION',
    ],
    [
      event('ProceedingsScheduled', {
        subjectId: OFFICER,
        kind: 'MISCONDUCT_HEARING',
        noticeServedOn: '2021-10-01',
        scheduledFor: '2021-11-01',
      }),
      'PROCEEDINGS',
    ],
    [concluded(), 'CONCLUDED'],
    [lodged, 'APPEAL'],
    [determined('DISMISSED'), 'CONCLUDED'],
    [event('CaseClosed', { on: '2022-03-01', reason: 'finished' }), 'CLOSED'],
    [event('CaseReopened', { on: '2022-03-02', reason: 'review' }), 'CONCLUDED'],
  ];

  it('follows the case from receipt to closure', () => {
    const seen: string[] = [];
    steps.reduce<CaseEvent[]>((events, [next]) => {
      const all = [...events, next];
      seen.push(caseStage(fold(all)));
      return all;
    }, []);
    expect(seen).toEqual(steps.map(([, stage]) => stage));
  });

  it('is as far as the least advanced subject', () => {
    const twoSubjects = [...dismissedOfficer(), subjectAdded(STAFF)];
    expect(caseStage(fold(twoSubjects))).toBe('DECISION');
    const staffAtMeeting = [
      ...twoSubjects,
      event('CaseToAnswerDecided', {
        subjectId: STAFF,
        decision: 'CASE_TO_ANSWER_MISCONDUCT',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2021-09-15',
      }),
      event('ProceedingsScheduled', {
        subjectId: STAFF,
        kind: 'MISCONDUCT_MEETING',
        noticeServedOn: '2021-10-01',
        scheduledFor: '2021-11-01',
      }),
    ];
    expect(caseStage(fold(staffAtMeeting))).toBe('PROCEEDINGS');
    const bothDone = [...staffAtMeeting, concluded({ subjectId: STAFF, findings: [proven('MISCONDUCT')], outcome: 'WRITTEN_WARNING' })];
    expect(caseStage(fold(bothDone))).toBe('CONCLUDED');
  });

  it('ends the matter for a subject with no case to answer, completed reflective practice or management action', () => {
    const noCase = [
      ...investigatedCase(),
      event('CaseToAnswerDecided', {
        subjectId: OFFICER,
        decision: 'NO_CASE_TO_ANSWER',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2021-09-15',
      }),
    ];
    expect(caseStage(fold(noCase))).toBe('CONCLUDED');
    expect(caseStage(fold([referral(), subjectAdded(), event('ManagementActionTaken', { subjectId: OFFICER, on: '2021-05-01' })]))).toBe('CONCLUDED');
  });
});
