/**
 * How the steps before the proceedings and of the hearing in public (pre-hearing.events.ts)
 * change a subject. Called by applyFact (case.facts.ts); never throws: a step for an unknown
 * subject leaves the case as it was.
 */
import type { CaseEvent } from './case.events';
import type { Case, SubjectState } from './case.state';
import type { PRE_HEARING_EVENTS } from './pre-hearing.events';
import type { PanelObjection, PreHearingState } from './pre-hearing.state';

export type PreHearingEventType = keyof typeof PRE_HEARING_EVENTS;
export type PreHearingEvent = Extract<CaseEvent, { type: PreHearingEventType }>;

/** The case with one subject's pre-hearing steps (and, for an adjournment, its proceedings) changed. */
function withSteps(state: Case, subjectId: string, change: (steps: PreHearingState, subject: SubjectState) => Partial<PreHearingState>, moved?: string): Case {
  if (!Object.prototype.hasOwnProperty.call(state.subjects, subjectId)) return state;
  const subject = state.subjects[subjectId];
  const preHearing = { ...subject.preHearing, ...change(subject.preHearing, subject) };
  // An adjournment or an accelerated hearing re-dated after a replacement moves the day the proceedings are held.
  const proceedings = moved !== undefined && subject.proceedings !== null ? { ...subject.proceedings, scheduledFor: moved } : subject.proceedings;
  return { ...state, subjects: { ...state.subjects, [subjectId]: { ...subject, preHearing, proceedings } } };
}

/** The latest objection to `member` still open to the step. */
function withObjection(objections: readonly PanelObjection[], member: string, change: (objection: PanelObjection) => PanelObjection): PanelObjection[] {
  const index = objections.map((objection) => objection.member).lastIndexOf(member as PanelObjection['member']);
  return objections.map((objection, at) => (at === index ? change(objection) : objection));
}

export function applyPreHearingFact(state: Case, event: PreHearingEvent): Case {
  const { subjectId, on } = event.data;
  switch (event.type) {
    case 'ReferralNoticeServed':
      return withSteps(state, subjectId, () => ({ referralNotice: { on, documentsSuppliedOn: event.data.documentsSuppliedOn } }));
    case 'OfficerResponseGiven':
      return withSteps(state, subjectId, () => ({ response: { on, position: event.data.position } }));
    case 'WitnessListsExchanged':
      return withSteps(state, subjectId, () => ({ witnessListsOn: on }));
    case 'DocumentsSuppliedToChair':
      return withSteps(state, subjectId, () => ({ documentsToChairOn: on }));
    case 'PreHearingDateSet':
      return withSteps(state, subjectId, () => ({ preHearingSet: { on, setFor: event.data.setFor } }));
    case 'AlternativePreHearingDateProposed':
      return withSteps(state, subjectId, () => ({ alternativeProposed: { on, proposedFor: event.data.proposedFor } }));
    case 'PreHearingHeld':
      return withSteps(state, subjectId, () => ({ preHearingHeldOn: on }));
    case 'PeriodChanged': {
      const { period, change, dueOn } = event.data;
      return withSteps(state, subjectId, (steps) => ({ periodChanges: { ...steps.periodChanges, [period]: { on, change, dueOn } } }));
    }
    case 'ProceedingsAdjourned':
      return withSteps(
        state,
        subjectId,
        (steps) => ({ adjournments: [...steps.adjournments, { on, adjournedTo: event.data.adjournedTo }] }),
        event.data.adjournedTo,
      );
    case 'PanelObjectionMade': {
      const objection: PanelObjection = { member: event.data.member, madeOn: on, upheld: null, determinedOn: null, replacedOn: null, hearingOn: null };
      return withSteps(state, subjectId, (steps) => ({ objections: [...steps.objections, objection] }));
    }
    case 'PanelObjectionDetermined':
      return withSteps(state, subjectId, (steps) => ({
        objections: withObjection(steps.objections, event.data.member, (objection) => ({ ...objection, upheld: event.data.upheld, determinedOn: on })),
      }));
    case 'PanelMemberReplaced': {
      const hearingOn = event.data.hearingOn ?? null;
      return withSteps(
        state,
        subjectId,
        (steps) => ({ objections: withObjection(steps.objections, event.data.member, (objection) => ({ ...objection, replacedOn: on, hearingOn })) }),
        hearingOn ?? undefined,
      );
    }
    case 'SpecialConditionsCertified':
      return withSteps(state, subjectId, () => ({ specialConditionsCertifiedOn: on }));
    case 'AcceleratedResponseGiven':
      return withSteps(state, subjectId, () => ({ acceleratedResponseOn: on }));
    case 'HearingNoticePublished':
      return withSteps(state, subjectId, () => ({ publicNotice: { on, hearingOn: event.data.hearingOn } }));
    case 'HearingPrivacyDecided':
      return withSteps(state, subjectId, () => ({ inPublic: event.data.inPublic }));
    case 'HearingDirectionGiven':
      return withSteps(state, subjectId, (steps) => ({ directions: [...steps.directions, event.data.direction] }));
    case 'HearingAttendanceRecorded': {
      const { attendee, attendees } = event.data;
      return withSteps(state, subjectId, (steps) => ({ attendance: { ...steps.attendance, [attendee]: (steps.attendance[attendee] ?? 0) + attendees } }));
    }
    case 'HearingOutcomePublished':
      return withSteps(state, subjectId, () => ({ outcomePublishedOn: on }));
    case 'VerbatimRecordKept':
      return withSteps(state, subjectId, () => ({ verbatimRecord: event.data.documentReference }));
    default: {
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}
