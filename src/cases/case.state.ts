/**
 * The case aggregate's state and `evolve`. State is what decide needs to apply the rules;
 * read models keep their own rows. `evolve` is pure and never throws: an event it cannot
 * place (a step for an unknown subject) leaves the state as it was.
 */
import type {
  AppealForum,
  AppealResult,
  BarredListBasis,
  CaseStage,
  CaseToAnswerDecision,
  CaseType,
  Chair,
  MisconductSanctionBasis,
  CorruptionCategory,
  CriminalOutcome,
  DepartureKind,
  IopcMode,
  IopcReferralCriterion,
  Outcome,
  ProceedingsKind,
  Rank,
  ReferralSource,
  Regulations,
  Sensitivity,
  SeverityLevel,
  Standard,
  WorkforceType,
} from './case.enums';
import type { CaseEvent, CaseEventEnvelope, CorrectableEventData, Finding, ReferralFlags } from './case.events';
import { applyFact } from './case.facts';
import type { ReferralCriterion } from './complaint.enums';
import type { ComplaintState } from './complaint.state';
import type { PreHearingState } from './pre-hearing.state';
import type { AllocationState } from './allocation.state';
import type { SubjectRoutes } from './reflective-practice.state';

export interface Departure {
  how: DepartureKind;
  on: string;
  approvedByDcc: boolean;
  stageAtDeparture: CaseStage;
  /** Left while under investigation or proceedings without the DCC's approval, and no decision yet. */
  awaitingDccDecision: boolean;
  /** Left after their proceedings concluded (so the outcome was imposed on a serving member). */
  afterConclusion: boolean;
}

export interface Proceedings {
  kind: ProceedingsKind;
  noticeServedOn: string;
  scheduledFor: string;
  /** Regs 22 and 48: time limits shortened by agreement. */
  shortenedByAgreement?: boolean;
}

export interface Conclusion {
  on: string;
  findings: Finding[];
  /** The outcome as the proceedings imposed it; an appeal may change `SubjectState.outcome`. */
  outcome: Outcome;
  formerOfficer: boolean;
  chair: Chair;
  /** Concluded with no further action on a no-case-to-answer path, without proceedings. */
  withoutProceedings: boolean;
  sanctionBasis?: MisconductSanctionBasis;
  /** reg 43: the day the subject received the written outcome, once recorded. */
  writtenOutcomeReceivedOn?: string;
  /** 2012 reg 35: the day a dismissal with notice took effect (its notice ended), once recorded. */
  dismissalEffectiveOn?: string;
}

export interface Appeal {
  forum: AppealForum;
  lodgedOn: string;
  determinedOn: string | null;
  result: AppealResult | null;
}

export interface SubjectState {
  subjectId: string;
  personId: string;
  workforceType: WorkforceType;
  rank: Rank;
  severity: SeverityLevel | null;
  noticeServedOn: string | null;
  suspension: 'NONE' | 'SUSPENDED' | 'RESTRICTED';
  suspendedSince: string | null;
  arrested: boolean;
  referredToCps: boolean;
  criminalOutcome: CriminalOutcome | null;
  caseToAnswer: CaseToAnswerDecision | null;
  /** reg 23(1)(b): a case to answer, but a decision not to bring proceedings. */
  noProceedings: boolean;
  reflectivePractice: 'NONE' | 'STARTED' | 'COMPLETED';
  managementActionOn: string | null;
  proceedings: Proceedings | null;
  departure: Departure | null;
  conclusion: Conclusion | null;
  /** The standing outcome: the conclusion's, as varied on appeal; null once overturned. */
  outcome: Outcome | null;
  appeal: Appeal | null;
  barredList: boolean;
  barredListBasis: BarredListBasis | null;
  advisoryList: boolean;
  /** reg 4A: the day the Director General made a Condition C special determination, if one was recorded. */
  conditionCDeterminedOn: string | null;
  /** The steps before the proceedings and of the hearing in public (pre-hearing.state.ts). */
  preHearing: PreHearingState;
  /** Its route (misconduct, reflective practice, Performance or Vetting Regulations), pause and withdrawal (reflective-practice.state.ts). */
  routes: SubjectRoutes;
}

export interface Allegation {
  subjectId: string;
  standards: Standard[];
  corruptionCategory: CorruptionCategory | null;
}

export interface Case {
  caseId: string;
  force: string;
  receivedOn: string;
  source: ReferralSource;
  caseType: CaseType;
  sensitivity: Sensitivity;
  anonymousSource: boolean;
  corruptionCategories: CorruptionCategory[];
  flags: ReferralFlags;
  /** From the date the matter came to attention (CONDUCT_REGIMES). */
  regulations: Regulations;
  allegations: Readonly<Record<string, Allegation>>;
  subjects: Readonly<Record<string, SubjectState>>;
  iopcReferral: { referredOn: string; mandatory: boolean; criteria: IopcReferralCriterion[] } | null;
  iopcMode: IopcMode | null;
  investigationStartedOn: string | null;
  investigationReportOn: string | null;
  closedOn: string | null;
  /** The mandatory referral criteria the matter meets, as last assessed (complaint.rules.ts). */
  referralCriteria: ReferralCriterion[];
  /** The day a conduct matter was recorded under Schedule 3: a recordable conduct matter since (case-types.ts). */
  conductMatterRecordedOn: string | null;
  /** The complaint, once logged (complaint.state.ts). */
  complaint: ComplaintState | null;
  /** Appointments, the report's reviews and the sign-offs (allocation.state.ts). */
  allocation: AllocationState;
  /** reg 25: the subjects whose proceedings were directed to be held together, each direction in order. */
  jointProceedings: readonly { on: string; subjectIds: readonly string[] }[];
  /** Every event applied, as recorded, so a correction can re-fold history. */
  log: readonly CaseEventEnvelope[];
  /** Corrected event id → the payload that replaces it. */
  corrections: Readonly<Record<string, CorrectableEventData>>;
}

/** No case before ReferralReceived. */
export type CaseState = Case | null;
export const initialCaseState: CaseState = null;

export function evolve(state: CaseState, event: CaseEventEnvelope): CaseState {
  if (event.type === 'RecordCorrected') {
    if (state === null) return null;
    const corrections = { ...state.corrections, [event.data.correctsEventId]: event.data.replacement };
    return refold([...state.log, event], corrections);
  }
  const next = applyFact(state, event);
  if (next === null) return null;
  return { ...next, log: [...(state?.log ?? []), event] };
}

/** Fold a whole stream from the start. */
export function foldCase(events: readonly CaseEventEnvelope[]): CaseState {
  return events.reduce<CaseState>(evolve, initialCaseState);
}

/**
 * Apply history again with every correction substituted. History keeps both the original
 * and the correction (docs/events.md); state, like the projections, uses the correction.
 */
export function refold(log: readonly CaseEventEnvelope[], corrections: Readonly<Record<string, CorrectableEventData>>): CaseState {
  let state: CaseState = null;
  for (const event of log) {
    if (event.type === 'RecordCorrected') continue;
    const replacement = corrections[event.eventId];
    state = applyFact(state, replacement === undefined ? event : withData(event, replacement));
  }
  return state === null ? null : { ...state, log, corrections };
}

/** The event with its payload replaced; decide has checked the replacement fits the event's type. */
function withData(event: CaseEventEnvelope, data: CorrectableEventData): CaseEvent {
  return { type: event.type, data } as CaseEvent;
}

/** The subject, or null when the case or subject does not exist. */
export function subjectOf(state: CaseState, subjectId: string): SubjectState | null {
  if (state === null) return null;
  return Object.prototype.hasOwnProperty.call(state.subjects, subjectId) ? state.subjects[subjectId] : null;
}
