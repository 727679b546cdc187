/**
 * The rows of docs/api.md "Cases: commands" (besides `POST /cases`, which creates the case id):
 * for each, the path under `/cases/:caseId`, the body, the command it means, and who may
 * send it. The controller turns each row into a route; the compiler checks that each body
 * carries the fields of its command that the path does not give.
 */
import type { Type } from '@nestjs/common';
import type { Role } from '../http';
import {
  ADVISORY_LIST_ACTION_COMMANDS,
  APPEAL_ACTION_COMMANDS,
  COMMAND_EVENT,
  REFLECTIVE_PRACTICE_ACTION_COMMANDS,
  SUSPENSION_ACTION_COMMANDS,
} from './case.command-types';
import type { CaseCommand, CaseCommandType } from './case.command-types';
import { CorrectionBody, LearningBody, ProgressReportBody } from './dto/case-steps.dto';
import {
  AddSubjectBody,
  AssessSeverityBody,
  RecordAllegationBody,
  RecordIopcDecisionBody,
  ReferToIopcBody,
  StartInvestigationBody,
} from './dto/opening.dto';
import {
  AdvisoryListBody,
  AppealBody,
  BarredListBody,
  ConcludeProceedingsBody,
  DepartureBody,
  DepartureDecisionBody,
  ScheduleProceedingsBody,
} from './dto/proceedings.dto';
import { DatedBody, DatedReasonBody } from './dto/shared.dto';
import {
  CaseToAnswerBody,
  CriminalOutcomeBody,
  InvestigativeActionBody,
  RecordArrestBody,
  ReferToCpsBody,
  ReflectivePracticeBody,
  ServeNoticeBody,
  SuspensionBody,
} from './dto/subject-steps.dto';

/**
 * Who records the steps of a case: investigators, the appropriate authority (whose
 * decisions, severity and case to answer, are steps too), and the DCC. INSPECTOR and
 * AUDITOR only read.
 */
export const CASE_RECORDERS: readonly Role[] = ['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY', 'DCC'];

export interface CaseCommandRoute {
  /** The route's name: its OpenAPI operationId and its method on the controller. */
  name: string;
  /** Under `/cases/:caseId/`. */
  path: string;
  /** The command the body means: one, or one per value of the body's `action`. */
  command: CaseCommandType | { readonly [action: string]: CaseCommandType };
  body: Type<object>;
  roles: readonly Role[];
}

type CommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;
type FieldsInPath<P extends string> = P extends `${string}:subjectId${string}` ? 'subjectId' : never;
/** What a body must carry for command T on path P (distributes over a union of commands). */
type BodyFields<T extends CaseCommandType, P extends string> = T extends CaseCommandType
  ? Omit<CommandOf<T>, 'type' | 'caseId' | FieldsInPath<P>>
  : never;

function step<P extends string, T extends CaseCommandType>(
  path: P,
  command: T,
  body: Type<BodyFields<T, P>>,
  roles: readonly Role[] = CASE_RECORDERS,
): CaseCommandRoute {
  return { name: command, path, command, body, roles };
}

/** A row whose body's `action` chooses the command (docs/api.md: "with `action`: ..."). */
function choice<P extends string, A extends string, T extends CaseCommandType>(
  name: string,
  path: P,
  commands: { readonly [K in A]: T },
  body: Type<BodyFields<T, P> & { action: A }>,
): CaseCommandRoute {
  return { name, path, command: commands, body, roles: CASE_RECORDERS };
}

const SUBJECT = 'subjects/:subjectId';

export const CASE_COMMAND_ROUTES: readonly CaseCommandRoute[] = [
  step('subjects', 'AddSubject', AddSubjectBody),
  step('allegations', 'RecordAllegation', RecordAllegationBody),
  step(`${SUBJECT}/severity-assessments`, 'AssessSeverity', AssessSeverityBody),
  step('iopc-referral', 'ReferToIopc', ReferToIopcBody),
  step('iopc-decision', 'RecordIopcDecision', RecordIopcDecisionBody),
  step('investigation', 'StartInvestigation', StartInvestigationBody),
  step(`${SUBJECT}/notices`, 'ServeNoticeOfInvestigation', ServeNoticeBody),
  choice('RecordSuspensionStep', `${SUBJECT}/suspension`, SUSPENSION_ACTION_COMMANDS, SuspensionBody),
  step(`${SUBJECT}/arrests`, 'RecordArrest', RecordArrestBody),
  step(`${SUBJECT}/investigative-actions`, 'RecordInvestigativeAction', InvestigativeActionBody),
  step(`${SUBJECT}/cps-referrals`, 'ReferToCps', ReferToCpsBody),
  step(`${SUBJECT}/criminal-outcomes`, 'RecordCriminalOutcome', CriminalOutcomeBody),
  step('progress-reports', 'SendProgressReport', ProgressReportBody),
  step('investigation-report', 'SubmitInvestigationReport', DatedBody),
  step(`${SUBJECT}/case-to-answer`, 'DecideCaseToAnswer', CaseToAnswerBody),
  choice('RecordReflectivePracticeStep', `${SUBJECT}/reflective-practice`, REFLECTIVE_PRACTICE_ACTION_COMMANDS, ReflectivePracticeBody),
  step(`${SUBJECT}/proceedings`, 'ScheduleProceedings', ScheduleProceedingsBody),
  step(`${SUBJECT}/departure`, 'RecordDeparture', DepartureBody),
  // Approving a departure while under investigation is the DCC's decision alone.
  step(`${SUBJECT}/departure/decision`, 'RecordDepartureDecision', DepartureDecisionBody, ['DCC']),
  step(`${SUBJECT}/outcome`, 'ConcludeProceedings', ConcludeProceedingsBody),
  choice('RecordAppealStep', `${SUBJECT}/appeals`, APPEAL_ACTION_COMMANDS, AppealBody),
  step(`${SUBJECT}/barred-list`, 'AddToBarredList', BarredListBody),
  choice('RecordAdvisoryListStep', `${SUBJECT}/advisory-list`, ADVISORY_LIST_ACTION_COMMANDS, AdvisoryListBody),
  step('learning', 'RecordLearning', LearningBody),
  step('corrections', 'CorrectRecord', CorrectionBody),
  step('close', 'CloseCase', DatedReasonBody),
  step('reopen', 'ReopenCase', DatedReasonBody),
  // Not in docs/api.md's table (docs/events.md has ManagementActionTaken): an extension of the contract.
  step(`${SUBJECT}/management-action`, 'RecordManagementAction', DatedBody),
  // reg 43: the officer's receipt of the written outcome, from which appeal windows run.
  step(`${SUBJECT}/written-outcome`, 'RecordWrittenOutcomeReceipt', DatedBody),
  // reg 62: an accelerated hearing that finds no gross misconduct returns the case to the authority.
  step(`${SUBJECT}/proceedings/return`, 'ReturnToAppropriateAuthority', DatedBody),
];

/** The command types a route may send, with the `action` that chooses each (undefined for a one-command route). */
export function commandsOf(route: CaseCommandRoute): { action?: string; type: CaseCommandType }[] {
  if (typeof route.command === 'string') return [{ type: route.command }];
  return Object.entries(route.command).map(([action, type]) => ({ action, type }));
}

/** "Appends SubjectSuspended (action SUSPEND), ..." for the OpenAPI summary. */
export function describeRoute(route: CaseCommandRoute): string {
  const events = commandsOf(route).map(({ action, type }) => COMMAND_EVENT[type] + (action ? ` (action ${action})` : ''));
  return `Appends ${events.join(', ')}`;
}

/**
 * The plain command a validated body means on this route: the body's fields, the ids the
 * path gives, and the command type (chosen by `action` where the route has several).
 */
export function toCaseCommand(route: CaseCommandRoute, params: { caseId: string; subjectId?: string }, body: object): CaseCommand {
  const { type, fields } = chooseCommand(route, { ...body });
  const subject = params.subjectId === undefined ? {} : { subjectId: params.subjectId };
  // The compiler cannot see that these fields rebuild the command: the route's types checked the body.
  const built: unknown = { ...fields, ...subject, type, caseId: params.caseId };
  return built as CaseCommand;
}

function chooseCommand(route: CaseCommandRoute, fields: Record<string, unknown>): { type: CaseCommandType; fields: Record<string, unknown> } {
  // On a one-command route `action` is an event field (InvestigativeActionRecorded.action).
  if (typeof route.command === 'string') return { type: route.command, fields };
  const { action, ...rest } = fields;
  const type = typeof action === 'string' && Object.hasOwn(route.command, action) ? route.command[action] : undefined;
  // The body's validation admits only the route's actions, so only a programming error gets here.
  if (type === undefined) throw new Error(`route ${route.name} has no command for action ${String(action)}`);
  return { type, fields: rest };
}
