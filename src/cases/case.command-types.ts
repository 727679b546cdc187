/**
 * The case commands. Each command is declared with the event it appends (case.events.ts,
 * `command`) and carries that event's payload and its case: one per row of docs/api.md
 * "Cases: commands", with the rows that take an `action` split into one command per action.
 * The one that differs is written out here. The write path's one message
 * (src/common/write-path.ts) carries them.
 */
import type { AdvisoryListAction, AppealAction, ReflectivePracticeAction, SuspensionAction } from './case.enums';
import { CASE_EVENT_DECLARATIONS } from './case.events';
import type { CASE_EVENTS, CaseEventDataMap, CaseEventType, DocumentAttached, SubjectLeftService } from './case.events';
import type { CommandsOf } from '../common/event-declaration';
import type { SanctionEntry } from './sanction-history';
import type { AppointeeFacts } from './allocation.rules';

/** Every command as declared: `{ type, caseId } & its event's payload` (ReceiveReferral's payload carries its caseId). */
type DeclaredCommand = CommandsOf<typeof CASE_EVENTS, CaseEventDataMap> & { caseId: string };

/** stageAtDeparture is derived by decide from the case, never sent by the client. */
export type RecordDeparture = { type: 'RecordDeparture'; caseId: string } & Omit<SubjectLeftService, 'stageAtDeparture'>;

/** The commands whose rules read the subject's sanction history (reg 42(5)-(7); the form of proceedings). */
export const SANCTION_HISTORY_COMMANDS = ['ScheduleProceedings', 'ConcludeProceedings', 'DetermineAppeal'] as const;
type SanctionHistoryCommandType = (typeof SANCTION_HISTORY_COMMANDS)[number];

/**
 * The subject's person's sanction history in the other cases and from before the ledger, added
 * by the write path from the ledger (case.slice.ts, `complete`), never sent by the client.
 */
export type WithSanctionHistory = { priorSanctions?: readonly SanctionEntry[] };

/**
 * What the write path adds to an appointment before decide: whether the appointee declared a
 * conflict on the case, a fact of other streams (allocation.appointee.ts; AppointeeFacts).
 */
type WithAppointeeFacts<C> = C extends { type: 'AppointInvestigator' | 'ReassignInvestigator' } ? C & AppointeeFacts : C;

/**
 * A document's content travels with its command to the one write path, which seals it under
 * the case's key, stores it and adds the stored object's hash before decide (case.slice.ts,
 * `prepare`); decide refuses a command whose content was not stored.
 */
export type AttachDocument = { type: 'AttachDocument'; caseId: string } & Omit<DocumentAttached, 'storedSha256'> & {
    storedSha256?: string;
    content?: Uint8Array;
  };

export type CaseCommand =
  | WithAppointeeFacts<Exclude<DeclaredCommand, { type: 'RecordDeparture' | 'AttachDocument' | SanctionHistoryCommandType }>>
  | RecordDeparture
  | AttachDocument
  | (Extract<DeclaredCommand, { type: SanctionHistoryCommandType }> & WithSanctionHistory);

export type CaseCommandType = CaseCommand['type'];

/** Command → the event it appends (ConcludeProceedings may also append AdvisoryListEntryRemoved). */
export const COMMAND_EVENT = CASE_EVENT_DECLARATIONS.commandEvents as { readonly [K in CaseCommandType]: CaseEventType };

export const CASE_COMMAND_TYPES = Object.keys(COMMAND_EVENT) as CaseCommandType[];

/** The HTTP `action` values of docs/api.md and the command each one means. */
export const SUSPENSION_ACTION_COMMANDS: { readonly [A in SuspensionAction]: CaseCommandType } = {
  SUSPEND: 'SuspendSubject',
  REVIEW: 'ReviewSuspension',
  RESTRICT: 'RestrictSubject',
  LIFT: 'LiftSuspension',
};
export const REFLECTIVE_PRACTICE_ACTION_COMMANDS: { readonly [A in ReflectivePracticeAction]: CaseCommandType } = {
  START: 'StartReflectivePractice',
  COMPLETE: 'CompleteReflectivePractice',
};
export const APPEAL_ACTION_COMMANDS: { readonly [A in AppealAction]: CaseCommandType } = {
  LODGE: 'LodgeAppeal',
  DETERMINE: 'DetermineAppeal',
};
export const ADVISORY_LIST_ACTION_COMMANDS: { readonly [A in AdvisoryListAction]: CaseCommandType } = {
  ADD: 'AddToAdvisoryList',
  REMOVE: 'RemoveFromAdvisoryList',
};
