/**
 * How the complaint's events (complaint.events.ts) change the case. Called by applyFact
 * (case.facts.ts); never throws: a step on a complaint not logged leaves the case as it was.
 */
import type { CaseEvent } from './case.events';
import type { Case } from './case.state';
import type { COMPLAINT_EVENTS } from './complaint.events';
import type { ComplaintState } from './complaint.state';

export type ComplaintEventType = keyof typeof COMPLAINT_EVENTS;
export type ComplaintEvent = Extract<CaseEvent, { type: ComplaintEventType }>;

function withComplaint(state: Case, change: (complaint: ComplaintState) => Partial<ComplaintState>): Case {
  if (state.complaint === null) return state;
  return { ...state, complaint: { ...state.complaint, ...change(state.complaint) } };
}

export function applyComplaintFact(state: Case, event: ComplaintEvent): Case {
  switch (event.type) {
    case 'ComplaintLogged': {
      if (state.complaint !== null) return state;
      const { loggedOn, anonymous, allegations } = event.data;
      const complaint: ComplaintState = {
        loggedOn,
        anonymous,
        allegations: Object.fromEntries(allegations.map(({ allegationId, category, incidentOn }) => [allegationId, { category, incidentOn }])),
        contactedOn: null,
        handling: null,
        handlingDecidedOn: null,
        firstHandlingDecidedOn: null,
        recordedOn: null,
        handledOtherwise: null,
        exceptionAppliedOn: null,
        outcomeNotified: null,
        withdrawnOn: null,
        withdrawalDecision: null,
        review: null,
        recordCopies: [],
        suspensions: [],
        revealedConductMatters: [],
        finalisedOn: null,
      };
      return { ...state, complaint };
    }
    case 'ComplainantContacted':
      return withComplaint(state, (complaint) => ({ contactedOn: complaint.contactedOn ?? event.data.on }));
    case 'ReferralCriteriaAssessed':
      return { ...state, referralCriteria: [...event.data.criteria] };
    case 'ComplaintHandlingDecided': {
      const { on, handling } = event.data;
      return withComplaint(state, (complaint) => ({
        handling,
        handlingDecidedOn: on,
        firstHandlingDecidedOn: complaint.firstHandlingDecidedOn ?? on,
        recordedOn: complaint.recordedOn ?? (handling === 'RECORDED_UNDER_SCHEDULE_3' ? on : null),
      }));
    }
    case 'ComplaintRecordCopied': {
      const { on, to, subjectId, withheldUnder } = event.data;
      return withComplaint(state, (complaint) => ({
        recordCopies: [...complaint.recordCopies, { on, to, subjectId: subjectId ?? null, withheldUnder: withheldUnder ?? null }],
      }));
    }
    case 'ComplaintSuspended':
      return withComplaint(state, (complaint) => ({ suspensions: [...complaint.suspensions, { from: event.data.on, to: null }] }));
    case 'ComplaintResumed':
      return withComplaint(state, (complaint) => ({
        suspensions: complaint.suspensions.map((suspension) => (suspension.to === null ? { ...suspension, to: event.data.on } : suspension)),
      }));
    case 'ConductMatterRecorded':
      // Its reg 7(1) grounds are the mandatory referral criteria it meets (§5.3).
      return {
        ...state,
        conductMatterRecordedOn: state.conductMatterRecordedOn ?? event.data.on,
        referralCriteria: [...new Set([...state.referralCriteria, ...event.data.grounds])],
      };
    case 'ConductMatterRevealed':
      return withComplaint(state, (complaint) => ({
        revealedConductMatters: [...complaint.revealedConductMatters, { on: event.data.on, conductMatterCaseId: event.data.conductMatterCaseId ?? null }],
      }));
    case 'ComplaintHandledOtherwise':
      return withComplaint(state, () => ({ handledOtherwise: { on: event.data.on, outcome: event.data.outcome } }));
    case 'ComplaintExceptionApplied':
      return withComplaint(state, () => ({ exceptionAppliedOn: event.data.on }));
    case 'ComplaintOutcomeNotified':
      return withComplaint(state, () => ({
        outcomeNotified: { on: event.data.on, reviewBody: event.data.reviewBody ?? null },
        finalisedOn: event.data.on,
      }));
    case 'ComplaintWithdrawn':
      return withComplaint(state, (complaint) => ({ withdrawnOn: event.data.on, finalisedOn: complaint.finalisedOn ?? event.data.on }));
    case 'WithdrawalDecisionRecorded': {
      const { on, treatAsConductMatter, conductMatterCaseId } = event.data;
      return withComplaint(state, () => ({ withdrawalDecision: { on, treatAsConductMatter, conductMatterCaseId: conductMatterCaseId ?? null } }));
    }
    case 'ComplaintReviewApplied':
      return withComplaint(state, (complaint) => ({
        review: {
          appliedOn: event.data.on,
          reviewBody: complaint.outcomeNotified?.reviewBody ?? null,
          decidedOn: null,
          result: null,
          recommendationsMade: false,
        },
      }));
    case 'ComplaintReviewDecided': {
      const { on, result, recommendationsMade } = event.data;
      // An upheld review sends the complaint back to be dealt with again: it is no longer finalised.
      return withComplaint(state, (complaint) => ({
        review: complaint.review && { ...complaint.review, decidedOn: on, result, recommendationsMade },
        ...(result === 'UPHELD' ? { finalisedOn: null, outcomeNotified: null, handledOtherwise: null } : {}),
      }));
    }
    default: {
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}
