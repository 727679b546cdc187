/**
 * Erasure of a person's personal data (UK GDPR art. 17; Data Protection Act 2018 s.47 for
 * law-enforcement processing), in stream `vault-<personId>`: decide and evolve, pure.
 *
 * Destroying a key cannot be undone, and a key may seal a covert case's free text: so one
 * ADMIN asks (ErasureRequested, with the lawful basis), a second person with the right, an
 * ADMIN acting for the same force, approves (ErasureApproved) once a delay has passed, and
 * until then any ADMIN of that force may withdraw the request (ErasureWithdrawn). The key is
 * destroyed on approval only. A force's ADMIN acts only on records their force holds (a case
 * of the force, a person in its workforce or registers); a national ADMIN (`*`) on any.
 * A record the ADMIN's force does not hold answers as one that does not exist.
 */
import { londonDayOf } from '../common/clock';
import { eventOf } from '../common/decider';
import type { Decider, EventOf } from '../common/decider';
import { day, declaredEvents, event, id, instant, text } from '../common/event-declaration';
import type { DataMapOf } from '../common/event-declaration';
import { actsForForce } from '../common/force';
import { NOT_FOUND, ruleBook } from '../common/rule-book';
import type { Ensure, Refuse } from '../common/rule-book';

export const ERASURE_EVENTS = {
  ErasureRequested: event({
    version: 1,
    legalDate: 'requestedOn',
    fields: {
      personId: id,
      /** The force holding the record when it was asked: the approver acts for it. */
      force: text,
      /** The lawful basis; names no one. */
      reason: text,
      requestedBy: id,
      requestedAt: instant,
      requestedOn: day,
      /** The earliest instant of an approval (requestedAt plus the delay configured then). */
      approvableFrom: instant,
    },
  }),
  ErasureApproved: event({
    version: 1,
    legalDate: 'approvedOn',
    fields: {
      personId: id,
      /** What the approver checked; names no one. */
      reason: text,
      approvedBy: id,
      approvedAt: instant,
      approvedOn: day,
    },
  }),
  ErasureWithdrawn: event({
    version: 1,
    legalDate: 'withdrawnOn',
    fields: { personId: id, reason: text, withdrawnBy: id, withdrawnAt: instant, withdrawnOn: day },
  }),
  /** The single-step erasure of earlier versions, still in their streams: the key is gone. */
  PersonalDataErased: event({ version: 1, legalDate: 'erasedOn', fields: { personId: id, reason: text, erasedOn: day } }),
};
export const ERASURE_EVENT_DECLARATIONS = declaredEvents(ERASURE_EVENTS);

export type ErasureEventDataMap = DataMapOf<typeof ERASURE_EVENTS>;
export type ErasureRequested = ErasureEventDataMap['ErasureRequested'];
export type ErasureEvent = EventOf<ErasureEventDataMap>;
export const erasureEvent = eventOf<ErasureEventDataMap>();

const ART_17 = 'UK GDPR art. 17; DPA 2018 s.47';
const FOUR_EYES = `${ART_17}: an irreversible erasure is asked by one person and approved by another`;

export const ERASURE_RULES = {
  // Another force's record answers as one that does not exist (404), so it is not revealed.
  notYourForce: {
    message: 'there is no record of this person that your force holds',
    source: `${ART_17}: only the controller holding the record erases it`,
    status: NOT_FOUND,
  },
  recordNotFound: { message: 'no force holds a record of this person', source: ART_17, status: NOT_FOUND },
  alreadyErased: { message: "this person's personal data has already been erased", source: ART_17 },
  erasureAlreadyRequested: { message: "an erasure of this person's data is already waiting for approval", source: FOUR_EYES },
  noErasureRequested: { message: "nobody has asked for this person's data to be erased", source: FOUR_EYES },
  alreadyWithdrawn: { message: 'this erasure request has been withdrawn: ask again', source: FOUR_EYES },
  sameRequester: { message: 'an erasure is approved by another person than the one who asked for it', source: FOUR_EYES },
  delayNotElapsed: { message: 'an erasure can be approved only once its waiting period has passed, during which it can be withdrawn', source: FOUR_EYES },
} as const;
export type ErasureRuleName = keyof typeof ERASURE_RULES;
const book = ruleBook<ErasureRuleName>(ERASURE_RULES);
const ensure: Ensure<ErasureRuleName> = book.ensure;
const refuse: Refuse<ErasureRuleName> = book.refuse;

export interface ErasureActor {
  userId: string;
  /** A force code, or `*` for a national ADMIN. */
  force: string;
}

interface ErasureCommandBase {
  personId: string;
  actor: ErasureActor;
  /** When the command is decided (ISO instant): the write path's clock, added with recordForce. */
  at?: string;
  /** The force holding the record now (case, workforce or registers), added by the write path; null when none does. */
  recordForce?: string | null;
}

export type ErasureCommand =
  | (ErasureCommandBase & { type: 'RequestErasure'; reason: string; delaySeconds: number })
  | (ErasureCommandBase & { type: 'ApproveErasure'; reason: string })
  | (ErasureCommandBase & { type: 'WithdrawErasure'; reason: string });

export type ErasureState =
  | { status: 'none' }
  | { status: 'requested'; force: string; requestedBy: string; approvableFrom: string }
  | { status: 'withdrawn'; force: string }
  | { status: 'erased' };

export const noErasure: ErasureState = { status: 'none' };

export function decide(command: ErasureCommand, state: ErasureState): ErasureEvent[] {
  ensureHeldByActorsForce(command, state);
  const { personId, actor } = command;
  if (command.at === undefined) throw new Error('an erasure command is decided at an instant the write path gives it');
  const at = command.at;
  // The day where the regulations apply (Europe/London), as every other legal day.
  const on = londonDayOf(new Date(at));
  switch (command.type) {
    case 'RequestErasure': {
      ensure(state.status !== 'erased', 'alreadyErased');
      ensure(state.status !== 'requested', 'erasureAlreadyRequested');
      const force = command.recordForce ?? refuse('recordNotFound');
      const approvableFrom = new Date(Date.parse(at) + command.delaySeconds * 1000).toISOString();
      return [
        erasureEvent('ErasureRequested', {
          personId,
          force,
          reason: command.reason,
          requestedBy: actor.userId,
          requestedAt: at,
          requestedOn: on,
          approvableFrom,
        }),
      ];
    }
    case 'ApproveErasure': {
      const request = pendingRequest(state);
      ensure(request.requestedBy !== actor.userId, 'sameRequester');
      ensure(Date.parse(at) >= Date.parse(request.approvableFrom), 'delayNotElapsed', `it can be approved from ${request.approvableFrom}`);
      return [erasureEvent('ErasureApproved', { personId, reason: command.reason, approvedBy: actor.userId, approvedAt: at, approvedOn: on })];
    }
    case 'WithdrawErasure':
      pendingRequest(state);
      return [erasureEvent('ErasureWithdrawn', { personId, reason: command.reason, withdrawnBy: actor.userId, withdrawnAt: at, withdrawnOn: on })];
    default: {
      const unexpected: never = command;
      throw new Error(`unknown erasure command ${String(unexpected)}`);
    }
  }
}

/**
 * First of all, and alike whatever the stream holds, so another force learns nothing of it:
 * the actor acts for the force holding the record now, and for the force a pending or
 * withdrawn request was made in.
 */
function ensureHeldByActorsForce(command: ErasureCommand, state: ErasureState): void {
  const national = command.actor.force === '*';
  const recordForce = command.recordForce ?? null;
  if (!national) ensure(recordForce !== null && actsForForce(command.actor, recordForce), 'notYourForce');
  if (state.status === 'requested' || state.status === 'withdrawn') ensure(actsForForce(command.actor, state.force), 'notYourForce');
}

function pendingRequest(state: ErasureState): Extract<ErasureState, { status: 'requested' }> {
  ensure(state.status !== 'erased', 'alreadyErased');
  ensure(state.status !== 'withdrawn', 'alreadyWithdrawn');
  if (state.status !== 'requested') return refuse('noErasureRequested');
  return state;
}

export function evolve(state: ErasureState, event: ErasureEvent): ErasureState {
  switch (event.type) {
    case 'ErasureRequested':
      return { status: 'requested', force: event.data.force, requestedBy: event.data.requestedBy, approvableFrom: event.data.approvableFrom };
    case 'ErasureWithdrawn':
      return state.status === 'requested' ? { status: 'withdrawn', force: state.force } : state;
    case 'ErasureApproved':
    case 'PersonalDataErased':
      return { status: 'erased' };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

export const erasureDecider: Decider<ErasureCommand, ErasureEvent, ErasureState> = { initialState: noErasure, decide, evolve };

/** The stream that records a person's erasure. */
export function vaultStreamName(personId: string): string {
  return `vault-${personId}`;
}
