/**
 * How the chain-of-command events (allocation.events.ts) change the case. Called by applyFact
 * (case.facts.ts); never throws: a step that cannot be placed (an unknown appointment) leaves
 * the case as it was. And who investigates the case now, as every read model counts it
 * (assignmentsOf, caseInvestigatorOf).
 */
import type { CaseEvent } from './case.events';
import type { Case } from './case.state';
import type { AppointmentRole } from './allocation.enums';
import type { ALLOCATION_EVENTS } from './allocation.events';
import { NO_CHAIN } from './allocation.state';
import type { AllocationState, SubjectChain } from './allocation.state';

export type AllocationEventType = keyof typeof ALLOCATION_EVENTS;
export type AllocationEvent = Extract<CaseEvent, { type: AllocationEventType }>;

function withAllocation(state: Case, change: (allocation: AllocationState) => Partial<AllocationState>): Case {
  return { ...state, allocation: { ...state.allocation, ...change(state.allocation) } };
}

function withChain(state: Case, subjectId: string, change: (chain: SubjectChain) => Partial<SubjectChain>): Case {
  return withAllocation(state, (allocation) => {
    const chain = Object.prototype.hasOwnProperty.call(allocation.subjects, subjectId) ? allocation.subjects[subjectId] : NO_CHAIN;
    return { subjects: { ...allocation.subjects, [subjectId]: { ...chain, ...change(chain) } } };
  });
}

/** InvestigationStarted names an investigator: they count as one of the case's investigators. */
export function investigationStartedBy(state: Case, investigatorId: string): Case {
  return withAllocation(state, () => ({ startingInvestigatorId: investigatorId }));
}

/** One person's part in a case: their role, for the whole case (subjectId null) or one subject. */
export interface Assignment {
  investigatorId: string;
  role: AppointmentRole;
  subjectId: string | null;
  /** Null for the investigator named when the investigation started, without an appointment of the ledger. */
  appointmentId: string | null;
  since: string;
}

/**
 * The current assignments: every appointment's current holder; and the investigator named when
 * the investigation started (its correction applied: state is folded with corrections), until an
 * investigator is appointed to the whole case.
 */
export function assignmentsOf(state: Case): Assignment[] {
  const appointments = Object.values(state.allocation.appointments);
  const assignments: Assignment[] = appointments.map((appointment) => ({
    investigatorId: appointment.investigatorId,
    role: appointment.role,
    subjectId: appointment.subjectId,
    appointmentId: appointment.appointmentId,
    since: appointment.holders.at(-1)?.from ?? appointment.appointedOn,
  }));
  const starting = state.allocation.startingInvestigatorId;
  if (starting !== null && !assignments.some(isCaseInvestigator) && state.investigationStartedOn !== null) {
    assignments.unshift({ investigatorId: starting, role: 'INVESTIGATOR', subjectId: null, appointmentId: null, since: state.investigationStartedOn });
  }
  return assignments;
}

const isCaseInvestigator = (assignment: Assignment): boolean => assignment.role === 'INVESTIGATOR' && assignment.subjectId === null;

/**
 * The one investigator the case is counted under (the case list, "my cases", the DCC's backlog):
 * the current holder of the whole case's investigator appointment; else the investigator named
 * when the investigation started; else the investigator first appointed to one of its subjects.
 * Null: the case is not allocated.
 */
export function caseInvestigatorOf(state: Case): string | null {
  const assignments = assignmentsOf(state);
  const investigator = assignments.find(isCaseInvestigator) ?? assignments.find((assignment) => assignment.role === 'INVESTIGATOR');
  return investigator?.investigatorId ?? null;
}

export function applyAllocationFact(state: Case, event: AllocationEvent): Case {
  switch (event.type) {
    case 'InvestigatorAppointed': {
      const { appointmentId, investigatorId, role, subjectId, on, investigatorLineManagerId } = event.data;
      if (Object.prototype.hasOwnProperty.call(state.allocation.appointments, appointmentId)) return state;
      const appointment = {
        appointmentId,
        role,
        subjectId: subjectId ?? null,
        investigatorId,
        investigatorLineManagerId: investigatorLineManagerId ?? null,
        appointedOn: on,
        holders: [{ investigatorId, from: on, until: null }],
      };
      return withAllocation(state, (allocation) => ({ appointments: { ...allocation.appointments, [appointmentId]: appointment } }));
    }
    case 'InvestigatorReassigned': {
      const { appointmentId, investigatorId, on, investigatorLineManagerId } = event.data;
      if (!Object.prototype.hasOwnProperty.call(state.allocation.appointments, appointmentId)) return state;
      const appointment = state.allocation.appointments[appointmentId];
      const holders = [
        ...appointment.holders.map((holder) => (holder.until === null ? { ...holder, until: on } : holder)),
        { investigatorId, from: on, until: null },
      ];
      const reassigned = { ...appointment, investigatorId, investigatorLineManagerId: investigatorLineManagerId ?? null, holders };
      return withAllocation(state, (allocation) => ({ appointments: { ...allocation.appointments, [appointmentId]: reassigned } }));
    }
    case 'SubjectLineManagerRecorded':
      return withChain(state, event.data.subjectId, () => ({ lineManagerId: event.data.lineManagerId }));
    case 'InvestigationReportSubmittedForReview': {
      const submission = { submittedOn: event.data.on, submittedBy: event.data.submittedBy, reviewedOn: null, reviewedBy: null, result: null };
      return withAllocation(state, (allocation) => ({ reportSubmissions: [...allocation.reportSubmissions, submission] }));
    }
    case 'InvestigationReportReviewed':
      return withAllocation(state, (allocation) => {
        const latest = allocation.reportSubmissions.at(-1);
        if (latest === undefined || latest.result !== null) return {};
        const reviewed = { ...latest, reviewedOn: event.data.on, reviewedBy: event.data.reviewedBy, result: event.data.result };
        return { reportSubmissions: [...allocation.reportSubmissions.slice(0, -1), reviewed] };
      });
    case 'FormOfProceedingsDecided':
      // A new decision on the form needs its own sign-off.
      return withChain(state, event.data.subjectId, () => ({ form: { form: event.data.form, on: event.data.on }, formSignOff: null }));
    case 'DecisionSignedOff': {
      const { subjectId, decision, on, signedOffBy, signerRank } = event.data;
      const subject = Object.prototype.hasOwnProperty.call(state.subjects, subjectId) ? state.subjects[subjectId] : null;
      if (subject === null) return state;
      return withChain(state, subjectId, (chain) =>
        decision === 'CASE_TO_ANSWER'
          ? { caseToAnswerSignOff: { on, signedOffBy, signerRank, signed: subject.caseToAnswer ?? '' } }
          : { formSignOff: { on, signedOffBy, signerRank, signed: chain.form?.form ?? '' } },
      );
    }
    default: {
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}
