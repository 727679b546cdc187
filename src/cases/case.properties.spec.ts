/**
 * Random command sequences through decide and evolve: whatever the order, decide refuses
 * only with a DomainError, and the case never reaches a forbidden state (case.invariants.ts):
 * a barred-list entry without a dismissal, an outcome without proceedings, formerOfficer
 * out of step with the departure, an advisory-list entry after conclusion, and so on.
 */
import fc from 'fast-check';
import { DomainError } from '../common/domain-error';
import type { CaseCommand } from './case.command-types';
import { decide } from './case.decide';
import {
  APPEAL_FORUMS,
  APPEAL_RESULTS,
  BARRED_LIST_BASES,
  CASE_TO_ANSWER_DECISIONS,
  CHAIRS,
  DEPARTURE_KINDS,
  FINDING_LEVELS,
  IOPC_MODES,
  OUTCOMES,
  PROCEEDINGS_KINDS,
  SEVERITY_LEVELS,
  STANDARDS,
  WORKFORCE_TYPES,
} from './case.enums';
import type { CaseEventType, CorrectableEventData } from './case.events';
import { caseInvariantViolations } from './case.invariants';
import type { CaseState } from './case.state';
import { subjectOf } from './case.state';
import { hasLeftService } from './case.rules';
import { applyAll, command } from './testing/decider-spec';

type Step = (state: CaseState) => CaseCommand;

const SUBJECTS = ['s1', 's2'] as const;
const subjectId = fc.constantFrom(...SUBJECTS);
const day = fc.constantFrom('2017-12-01', '2019-06-03', '2020-01-31', '2020-02-01', '2021-03-01', '2021-09-15', '2022-02-10');
const bool = fc.boolean();
const finding = fc.record({
  standard: fc.constantFrom(...STANDARDS),
  proven: bool,
  level: fc.constantFrom(...FINDING_LEVELS),
});
const optionalOutcome = fc.option(fc.constantFrom(...OUTCOMES), { nil: undefined });

const optionalForum = fc.option(fc.constantFrom(...APPEAL_FORUMS), { nil: undefined });

/** The forum the record points to, for walks that leave it unstated. */
function forumFor(state: CaseState, id: string): (typeof APPEAL_FORUMS)[number] {
  return subjectOf(state, id)?.proceedings?.kind === 'MISCONDUCT_MEETING' ? 'INTERNAL' : 'POLICE_APPEALS_TRIBUNAL';
}

const step = <T>(arbitrary: fc.Arbitrary<T>, build: (value: T) => CaseCommand): fc.Arbitrary<Step> => arbitrary.map((value) => () => build(value));

/** Everyday commands: each one generated with random but well-typed values. */
const ordinarySteps: fc.Arbitrary<Step>[] = [
  step(fc.record({ subjectId, level: fc.constantFrom(...SEVERITY_LEVELS) }), (v) =>
    command('AssessSeverity', { ...v, assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'r' }),
  ),
  step(day, (referredOn) => command('ReferToIopc', { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn })),
  step(fc.record({ mode: fc.constantFrom(...IOPC_MODES), decidedOn: day }), (v) => command('RecordIopcDecision', v)),
  step(day, (startedOn) => command('StartInvestigation', { investigatorId: 'i', startedOn, termsOfReference: 't' })),
  step(fc.record({ subjectId, servedOn: day }), (v) => command('ServeNoticeOfInvestigation', v)),
  step(
    fc.record({
      subjectId,
      on: day,
      kind: fc.constantFrom('SuspendSubject', 'ReviewSuspension', 'RestrictSubject', 'LiftSuspension') as fc.Arbitrary<'SuspendSubject'>,
    }),
    (v) => command(v.kind, { subjectId: v.subjectId, on: v.on, reason: 'r' }),
  ),
  step(day, (on) => command('SubmitInvestigationReport', { on })),
  step(fc.record({ subjectId, decision: fc.constantFrom(...CASE_TO_ANSWER_DECISIONS), on: day }), (v) =>
    command('DecideCaseToAnswer', { ...v, decidedBy: 'APPROPRIATE_AUTHORITY' }),
  ),
  step(fc.record({ subjectId, on: day, start: bool }), (v) =>
    command(v.start ? 'StartReflectivePractice' : 'CompleteReflectivePractice', { subjectId: v.subjectId, on: v.on }),
  ),
  step(fc.record({ subjectId, on: day }), (v) => command('RecordManagementAction', v)),
  step(fc.record({ subjectId, kind: fc.constantFrom(...PROCEEDINGS_KINDS), noticeServedOn: day, scheduledFor: day }), (v) => command('ScheduleProceedings', v)),
  step(fc.record({ subjectId, how: fc.constantFrom(...DEPARTURE_KINDS), on: day, approvedByDcc: bool }), (v) => command('RecordDeparture', v)),
  step(fc.record({ subjectId, approved: bool, on: day }), (v) => command('RecordDepartureDecision', v)),
  fc
    .record({
      subjectId,
      on: day,
      findings: fc.array(finding, { maxLength: 2 }),
      outcome: fc.constantFrom(...OUTCOMES),
      formerOfficer: fc.option(bool, { nil: undefined }),
      chair: fc.constantFrom(...CHAIRS),
    })
    // Without a stated formerOfficer, say what the record shows, so that walks get past it.
    .map(({ formerOfficer, ...v }) => (state: CaseState) => {
      const subject = subjectOf(state, v.subjectId);
      const left = formerOfficer ?? (subject !== null && hasLeftService(subject));
      return command('ConcludeProceedings', { ...v, formerOfficer: left });
    }),
  fc.record({ subjectId, forum: optionalForum, on: day }).map(
    ({ forum, ...v }) =>
      (state: CaseState) =>
        command('LodgeAppeal', { ...v, forum: forum ?? forumFor(state, v.subjectId) }),
  ),
  fc
    .record({
      subjectId,
      forum: optionalForum,
      on: day,
      result: fc.constantFrom(...APPEAL_RESULTS),
      variedOutcome: optionalOutcome,
    })
    .map(({ variedOutcome, forum, ...v }) => (state: CaseState) => {
      // A determination is never before its appeal: walk to the lodged day when the drawn one is earlier.
      const lodgedOn = subjectOf(state, v.subjectId)?.appeal?.lodgedOn ?? v.on;
      const on = v.on < lodgedOn ? lodgedOn : v.on;
      const determined = { ...v, on, forum: forum ?? forumFor(state, v.subjectId) };
      return command('DetermineAppeal', variedOutcome === undefined ? determined : { ...determined, variedOutcome });
    }),
  fc
    .record({ subjectId, on: day, basis: fc.option(fc.constantFrom(...BARRED_LIST_BASES), { nil: undefined }) })
    .map(({ basis, ...v }) => (state: CaseState) => {
      const former = subjectOf(state, v.subjectId)?.conclusion?.formerOfficer === true;
      return command('AddToBarredList', { ...v, basis: basis ?? (former ? 'WOULD_HAVE_BEEN_DISMISSED' : 'DISMISSED') });
    }),
  step(fc.record({ subjectId, on: day, add: bool }), (v) =>
    command(v.add ? 'AddToAdvisoryList' : 'RemoveFromAdvisoryList', { subjectId: v.subjectId, on: v.on }),
  ),
];

/**
 * The next natural step for a subject, with random values: it carries walks through the
 * process (investigation, report, decision, proceedings, outcome, lists, appeal) where
 * purely random steps rarely get, while decide still refuses what does not fit.
 */
const advanceStep: fc.Arbitrary<Step> = fc
  .record({
    subjectId,
    on: day,
    decision: fc.constantFrom(...CASE_TO_ANSWER_DECISIONS),
    kind: fc.constantFrom(...PROCEEDINGS_KINDS),
    outcome: fc.constantFrom(...OUTCOMES),
    findings: fc.array(finding, { minLength: 1, maxLength: 2 }),
    chair: fc.constantFrom(...CHAIRS),
  })
  .map((v) => (state: CaseState) => {
    const subject = subjectOf(state, v.subjectId);
    // Dates in order (decide refuses a day before the step it depends on): never before the
    // last dated step of the subject's road.
    const on = [v.on, state?.receivedOn, subject?.proceedings?.scheduledFor, subject?.conclusion?.on, subject?.departure?.on].reduce<string>(
      (latest, day) => (day !== undefined && day > latest ? day : latest),
      v.on,
    );
    if (state === null || subject === null) return command('SubmitInvestigationReport', { on });
    if (state.investigationStartedOn === null) return command('StartInvestigation', { investigatorId: 'i', startedOn: on, termsOfReference: 't' });
    if (state.investigationReportOn === null) return command('SubmitInvestigationReport', { on });
    if (subject.caseToAnswer === null) {
      return command('DecideCaseToAnswer', { subjectId: v.subjectId, decision: v.decision, decidedBy: 'IOPC', on });
    }
    if (subject.proceedings === null) {
      return command('ScheduleProceedings', {
        subjectId: v.subjectId,
        kind: v.kind,
        noticeServedOn: on,
        scheduledFor: on,
      });
    }
    if (subject.conclusion === null) {
      const formerOfficer = hasLeftService(subject);
      return command('ConcludeProceedings', {
        subjectId: v.subjectId,
        on,
        findings: v.findings,
        outcome: v.outcome,
        formerOfficer,
        chair: v.chair,
      });
    }
    if (!subject.barredList) {
      const basis = subject.conclusion.formerOfficer ? 'WOULD_HAVE_BEEN_DISMISSED' : 'DISMISSED';
      return command('AddToBarredList', { subjectId: v.subjectId, on, basis });
    }
    return command('LodgeAppeal', { subjectId: v.subjectId, forum: forumFor(state, v.subjectId), on });
  });

const closingStep = step(fc.record({ on: day, close: bool }), (v) => command(v.close ? 'CloseCase' : 'ReopenCase', { on: v.on, reason: 'r' }));

/** Patches a correction may apply to the corrected payload (some make it invalid on purpose). */
const PATCHES: Record<string, unknown>[] = [
  ...OUTCOMES.map((outcome) => ({ outcome })),
  ...PROCEEDINGS_KINDS.map((kind) => ({ kind })),
  ...BARRED_LIST_BASES.map((basis) => ({ basis })),
  ...DEPARTURE_KINDS.map((how) => ({ how })),
  ...CASE_TO_ANSWER_DECISIONS.map((decision) => ({ decision })),
  { formerOfficer: true },
  { formerOfficer: false },
  { approvedByDcc: false },
  { receivedOn: '2020-01-31' },
  { subjectId: 's2' },
  { findings: [] },
  { result: 'ALLOWED' },
];

const correctionStep: fc.Arbitrary<Step> = fc.record({ index: fc.nat(), patch: fc.constantFrom(...PATCHES) }).map(({ index, patch }) => (state: CaseState) => {
  const log = state?.log ?? [];
  const target = log[index % Math.max(log.length, 1)];
  const replacement = { ...(target?.data ?? {}), ...patch } as CorrectableEventData;
  return command('CorrectRecord', { correctsEventId: target?.eventId ?? 'none', reason: 'r', replacement });
});

const opening = fc.record({
  receivedOn: fc.constantFrom('2019-06-03', '2020-01-31', '2020-02-01', '2021-03-01'),
  workforce: fc.tuple(fc.constantFrom(...WORKFORCE_TYPES), fc.constantFrom(...WORKFORCE_TYPES)),
});

function openingCommands(receivedOn: string, workforce: readonly string[]): CaseCommand[] {
  const referral = command('ReceiveReferral', {
    force: 'F',
    receivedOn,
    source: 'INTELLIGENCE',
    caseType: 'CONDUCT_MATTER',
    summary: 's',
    anonymousSource: false,
    sensitivity: 'STANDARD',
    corruptionCategories: [],
    flags: { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false },
  });
  const subjects = SUBJECTS.map((id, index) =>
    command('AddSubject', {
      subjectId: id,
      personId: `p-${id}`,
      workforceType: workforce[index] as (typeof WORKFORCE_TYPES)[number],
      rank: 'CONSTABLE',
      lengthOfServiceMonths: 12,
      unit: 'u',
    }),
  );
  return [referral, ...subjects];
}

describe('properties of the case process', () => {
  it('random command sequences never reach a forbidden state, and decide refuses only with DomainError', () => {
    const reached = new Set<CaseEventType>();
    fc.assert(
      fc.property(
        opening,
        fc.array(
          fc.oneof(
            ...ordinarySteps.map((arbitrary) => ({ arbitrary, weight: 4 })),
            { arbitrary: advanceStep, weight: 20 },
            { arbitrary: correctionStep, weight: 4 },
            { arbitrary: closingStep, weight: 1 },
          ),
          { minLength: 1, maxLength: 120, size: 'max' },
        ),
        (open, steps) => {
          let state: CaseState = null;
          const commands: Step[] = [...openingCommands(open.receivedOn, open.workforce).map((c) => () => c), ...steps];
          for (const next of commands) {
            const cmd = next(state);
            let events;
            try {
              events = decide(cmd, state);
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              continue;
            }
            state = applyAll(state, events);
            events.forEach((event) => reached.add(event.type));
            if (state === null) throw new Error('the case disappeared');
            const violations = caseInvariantViolations(state);
            if (violations.length > 0) throw new Error(`after ${cmd.type}: ${violations.join('; ')}`);
          }
        },
      ),
      { numRuns: 800 },
    );
    // The walk must get deep enough for the property to mean something.
    for (const type of ['ProceedingsConcluded', 'BarredListEntryMade', 'AppealDetermined', 'AdvisoryListEntryRemoved', 'RecordCorrected'] as const) {
      expect(reached).toContain(type);
    }
  });
});
