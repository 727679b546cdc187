/**
 * The shape of every case event's payload as runtime data. decide uses it to check that a
 * RecordCorrected's replacement is a complete, valid payload of the corrected event's type;
 * the compiler checks that it names exactly the fields of the types in case.events.ts.
 */
import {
  APPEAL_FORUMS,
  APPEAL_RESULTS,
  BARRED_LIST_BASES,
  CASE_STAGES,
  CASE_TO_ANSWER_DECISIONS,
  CASE_TYPES,
  CHAIRS,
  CORRUPTION_CATEGORIES,
  CRIMINAL_OUTCOMES,
  DECISION_MAKERS,
  DEPARTURE_KINDS,
  FINDING_LEVELS,
  INVESTIGATIVE_ACTIONS,
  IOPC_MODES,
  IOPC_REFERRAL_CRITERIA,
  LEARNING_KINDS,
  MISCONDUCT_SANCTION_BASES,
  OFFENCES,
  OUTCOMES,
  PROCEEDINGS_KINDS,
  PROGRESS_REPORT_KINDS,
  PROGRESS_REPORT_RECIPIENTS,
  RANKS,
  REFERRAL_SOURCES,
  SENSITIVITIES,
  SENTENCES,
  SEVERITY_LEVELS,
  STANDARDS,
  WORKFORCE_TYPES,
} from './case.enums';
import { isLegalDay, legalDayRule } from '../common/days';
import type { CaseEventDataMap, CaseEventType } from './case.events';

type Kind =
  | { kind: 'text' }
  | { kind: 'day' }
  | { kind: 'boolean' }
  | { kind: 'count' }
  | { kind: 'oneOf'; values: readonly string[] }
  | { kind: 'listOf'; values: readonly string[] }
  | { kind: 'record'; fields: Fields }
  | { kind: 'records'; fields: Fields }
  | { kind: 'payload' };
type RequiredSpec = Kind & { optional?: false };
type OptionalSpec = Kind & { optional: true };
export type FieldSpec = RequiredSpec | OptionalSpec;
type Fields = { readonly [field: string]: FieldSpec };

/** Every field of T, each marked optional exactly when T's field is optional. */
type FieldsOf<T> = { readonly [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? OptionalSpec : RequiredSpec };

const text: RequiredSpec = { kind: 'text' };
const day: RequiredSpec = { kind: 'day' };
const flag: RequiredSpec = { kind: 'boolean' };
const oneOf = (values: readonly string[]): RequiredSpec => ({ kind: 'oneOf', values });
const listOf = (values: readonly string[]): RequiredSpec => ({ kind: 'listOf', values });
const optional = (spec: RequiredSpec): OptionalSpec => ({ ...spec, optional: true });

const suspensionStep = { subjectId: text, on: day, reason: text };
const subjectDated = { subjectId: text, on: day };
const closureStep = { on: day, reason: text };

export const CASE_EVENT_FIELDS: { readonly [K in CaseEventType]: FieldsOf<CaseEventDataMap[K]> } = {
  ReferralReceived: {
    caseId: text,
    force: text,
    receivedOn: day,
    source: oneOf(REFERRAL_SOURCES),
    caseType: oneOf(CASE_TYPES),
    summary: text,
    anonymousSource: flag,
    sensitivity: oneOf(SENSITIVITIES),
    corruptionCategories: listOf(CORRUPTION_CATEGORIES),
    flags: {
      kind: 'record',
      fields: { apsp: flag, prejudicialImproperBehaviour: flag, violenceAgainstWomenAndGirls: flag },
    },
  },
  SubjectAdded: {
    subjectId: text,
    personId: text,
    workforceType: oneOf(WORKFORCE_TYPES),
    rank: oneOf(RANKS),
    grade: optional(text),
    lengthOfServiceMonths: { kind: 'count' },
    unit: text,
  },
  AllegationRecorded: {
    allegationId: text,
    subjectId: text,
    summary: text,
    standards: listOf(STANDARDS),
    corruptionCategory: optional(oneOf(CORRUPTION_CATEGORIES)),
  },
  SeverityAssessed: {
    subjectId: text,
    level: oneOf(SEVERITY_LEVELS),
    assessedBy: oneOf(DECISION_MAKERS),
    rationale: text,
  },
  ReferredToIopc: { criteria: listOf(IOPC_REFERRAL_CRITERIA), mandatory: flag, referredOn: day },
  IopcDecisionRecorded: { mode: oneOf(IOPC_MODES), decidedOn: day },
  InvestigationStarted: { investigatorId: text, startedOn: day, termsOfReference: text },
  NoticeOfInvestigationServed: { subjectId: text, servedOn: day },
  SubjectSuspended: suspensionStep,
  SuspensionReviewed: suspensionStep,
  SubjectRestricted: suspensionStep,
  SuspensionLifted: suspensionStep,
  SubjectArrested: { subjectId: text, arrestedOn: day, suspectedOffences: listOf(OFFENCES) },
  InvestigativeActionRecorded: {
    subjectId: text,
    action: oneOf(INVESTIGATIVE_ACTIONS),
    on: day,
    result: text,
  },
  ReferredToCps: { subjectId: text, referredOn: day, offences: listOf(OFFENCES) },
  CriminalOutcomeRecorded: {
    subjectId: text,
    outcome: oneOf(CRIMINAL_OUTCOMES),
    sentence: oneOf(SENTENCES),
    on: day,
  },
  ProgressReportSent: {
    to: oneOf(PROGRESS_REPORT_RECIPIENTS),
    on: day,
    kind: oneOf(PROGRESS_REPORT_KINDS),
  },
  InvestigationReportSubmitted: { on: day },
  CaseToAnswerDecided: {
    subjectId: text,
    decision: oneOf(CASE_TO_ANSWER_DECISIONS),
    decidedBy: oneOf(DECISION_MAKERS),
    on: day,
    proceedingsBrought: optional(flag),
  },
  ReflectivePracticeReviewStarted: subjectDated,
  ReflectivePracticeReviewCompleted: subjectDated,
  ManagementActionTaken: subjectDated,
  WrittenOutcomeReceived: subjectDated,
  ReturnedToAppropriateAuthority: subjectDated,
  ProceedingsScheduled: {
    subjectId: text,
    kind: oneOf(PROCEEDINGS_KINDS),
    noticeServedOn: day,
    scheduledFor: day,
    shortenedByAgreement: optional(flag),
  },
  SubjectLeftService: {
    subjectId: text,
    how: oneOf(DEPARTURE_KINDS),
    on: day,
    approvedByDcc: flag,
    stageAtDeparture: oneOf(CASE_STAGES),
  },
  DepartureDecisionRecorded: { subjectId: text, approved: flag, on: day },
  ProceedingsConcluded: {
    subjectId: text,
    on: day,
    findings: {
      kind: 'records',
      fields: { standard: oneOf(STANDARDS), proven: flag, level: oneOf(FINDING_LEVELS) },
    },
    outcome: oneOf(OUTCOMES),
    formerOfficer: flag,
    chair: oneOf(CHAIRS),
    sanctionBasis: optional(oneOf(MISCONDUCT_SANCTION_BASES)),
  },
  AppealLodged: { subjectId: text, forum: oneOf(APPEAL_FORUMS), on: day },
  AppealDetermined: {
    subjectId: text,
    forum: oneOf(APPEAL_FORUMS),
    on: day,
    result: oneOf(APPEAL_RESULTS),
    variedOutcome: optional(oneOf(OUTCOMES)),
  },
  BarredListEntryMade: { subjectId: text, on: day, basis: oneOf(BARRED_LIST_BASES) },
  AdvisoryListEntryMade: subjectDated,
  AdvisoryListEntryRemoved: subjectDated,
  LearningRecorded: { on: day, kind: oneOf(LEARNING_KINDS), text },
  CaseClosed: closureStep,
  CaseReopened: closureStep,
  RecordCorrected: { correctsEventId: text, reason: text, replacement: { kind: 'payload' } },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemWith(spec: Kind, value: unknown): string | null {
  switch (spec.kind) {
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? null : 'must be a non-empty string';
    case 'day':
      // A correction's replacement reaches the ledger through here, not through DayField.
      return isLegalDay(value) ? null : legalDayRule();
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0 ? null : 'must be a whole number, 0 or more';
    case 'oneOf':
      return typeof value === 'string' && spec.values.includes(value) ? null : `must be one of ${spec.values.join(', ')}`;
    case 'listOf':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && spec.values.includes(item))
        ? null
        : `must be a list of ${spec.values.join(', ')}`;
    case 'record':
      return isRecord(value) ? firstProblem(spec.fields, value) : 'must be an object';
    case 'records':
      if (!Array.isArray(value)) return 'must be a list';
      for (const item of value) {
        const problem = isRecord(item) ? firstProblem(spec.fields, item) : 'must be a list of objects';
        if (problem !== null) return problem;
      }
      return null;
    case 'payload':
      return isRecord(value) ? null : 'must be an object';
    default: {
      const unknownKind: never = spec;
      return `has an unknown kind ${String(unknownKind)}`;
    }
  }
}

function fieldProblems(fields: Fields, value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    if (value[name] === undefined) {
      if (!spec.optional) problems.push(`${name} is missing`);
      continue;
    }
    const problem = problemWith(spec, value[name]);
    if (problem !== null) problems.push(`${name} ${problem}`);
  }
  for (const name of Object.keys(value)) {
    if (!(name in fields)) problems.push(`${name} is not a field of this event`);
  }
  return problems;
}

function firstProblem(fields: Fields, value: Record<string, unknown>): string | null {
  return fieldProblems(fields, value)[0] ?? null;
}

/** What is wrong with `data` as a payload of event `type` (empty when nothing is). */
export function payloadProblems(type: CaseEventType, data: unknown): string[] {
  if (!isRecord(data)) return ['the payload must be an object'];
  return fieldProblems(CASE_EVENT_FIELDS[type], data);
}
