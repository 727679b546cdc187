/**
 * What decide and the read models know of the chain of command around an investigation
 * (allocation.events.ts): the appointments and who held each, the subjects' line managers,
 * each submission of the report for review with its review, the form of proceedings decided
 * and the sign-offs. Built by allocation.facts.ts.
 */
import type { Rank } from './case.enums';
import type { AppointmentRole, FormOfProceedings, ReportReviewResult } from './allocation.enums';

export interface Holder {
  investigatorId: string;
  from: string;
  /** The day the appointment passed to the next holder; null for the current one. */
  until: string | null;
}

export interface Appointment {
  appointmentId: string;
  role: AppointmentRole;
  /** Null: the whole case. */
  subjectId: string | null;
  /** The current holder. */
  investigatorId: string;
  investigatorLineManagerId: string | null;
  appointedOn: string;
  /** Every holder, the first one first, the current one last. */
  holders: Holder[];
}

export interface ReportSubmission {
  submittedOn: string;
  submittedBy: string;
  reviewedOn: string | null;
  reviewedBy: string | null;
  result: ReportReviewResult | null;
}

export interface SignOff {
  on: string;
  signedOffBy: string;
  signerRank: Rank;
  /** What was signed off: the case-to-answer decision or the form, as it then stood. */
  signed: string;
}

export interface SubjectChain {
  lineManagerId: string | null;
  form: { form: FormOfProceedings; on: string } | null;
  caseToAnswerSignOff: SignOff | null;
  formSignOff: SignOff | null;
}

export interface AllocationState {
  appointments: Readonly<Record<string, Appointment>>;
  /** The investigator named when the investigation started (InvestigationStarted), if one was. */
  startingInvestigatorId: string | null;
  /** Each submission of the report for review, the first one first. */
  reportSubmissions: readonly ReportSubmission[];
  subjects: Readonly<Record<string, SubjectChain>>;
}

export const NO_ALLOCATION: AllocationState = { appointments: {}, startingInvestigatorId: null, reportSubmissions: [], subjects: {} };

export const NO_CHAIN: SubjectChain = { lineManagerId: null, form: null, caseToAnswerSignOff: null, formSignOff: null };

/** The appointments in force whose scope covers the subject: the whole case's and the subject's own. */
export function appointmentsCovering(state: AllocationState, subjectId: string): Appointment[] {
  return Object.values(state.appointments).filter((appointment) => appointment.subjectId === null || appointment.subjectId === subjectId);
}

/** Everyone who has investigated the case: every holder of an appointment, and the investigator who started it. */
export function everyInvestigator(state: AllocationState): Set<string> {
  const ids = new Set<string>(state.startingInvestigatorId === null ? [] : [state.startingInvestigatorId]);
  for (const appointment of Object.values(state.appointments)) for (const holder of appointment.holders) ids.add(holder.investigatorId);
  return ids;
}

/**
 * Once an investigator is appointed through the ledger, the case's chain of command is recorded:
 * its report is reviewed before it goes to the appropriate authority and its decisions are signed
 * off before proceedings. Cases recorded before allocation existed keep the path they had.
 */
export function chainOfCommandRecorded(state: AllocationState): boolean {
  return Object.keys(state.appointments).length > 0;
}

/** The latest submission of the report for review, if any. */
export function latestSubmission(state: AllocationState): ReportSubmission | null {
  return state.reportSubmissions.at(-1) ?? null;
}
