/**
 * Who holds a member of the workforce: the force that employs them, in stream
 * `workforcemember-<personId>`. A person's integrity record is kept by that force
 * (src/registers/person-access.ts): without this record the first force to write in a
 * person's registers became their force, and another force could take a person's record
 * by writing in it first. A move to another force is the holder recording the leaving,
 * then the new force the joining, so no force takes a person another still holds.
 */
import { eventOf } from '../common/decider';
import type { Decider, EventOf } from '../common/decider';
import { day, declaredEvents, event, id, text } from '../common/event-declaration';
import type { DataMapOf } from '../common/event-declaration';
import { ALREADY_EXISTS, KEEPS_RECORD_COHERENT, ruleBook } from '../common/rule-book';
import type { Ensure, RuleBook } from '../common/rule-book';

export const WORKFORCE_MEMBER_EVENTS = {
  WorkforceMemberJoined: event({ version: 1, legalDate: 'joinedOn', fields: { personId: id, force: text, joinedOn: day } }),
  WorkforceMemberLeft: event({ version: 1, legalDate: 'leftOn', fields: { personId: id, force: text, leftOn: day } }),
};
export const WORKFORCE_MEMBER_EVENT_DECLARATIONS = declaredEvents(WORKFORCE_MEMBER_EVENTS);

export type WorkforceMemberEventDataMap = DataMapOf<typeof WORKFORCE_MEMBER_EVENTS>;
export type WorkforceMemberJoined = WorkforceMemberEventDataMap['WorkforceMemberJoined'];
export type WorkforceMemberLeft = WorkforceMemberEventDataMap['WorkforceMemberLeft'];
export type WorkforceMemberEvent = EventOf<WorkforceMemberEventDataMap>;
export const workforceMemberEvent = eventOf<WorkforceMemberEventDataMap>();

export const WORKFORCE_MEMBER_RULES = {
  memberHeldByAnotherForce: {
    message: 'this person is in the workforce of another force: that force records their leaving first',
    source: `${KEEPS_RECORD_COHERENT} (a person's integrity record is kept by the force that employs them)`,
  },
  memberAlreadyJoined: { message: 'this person is already in the workforce of this force', source: KEEPS_RECORD_COHERENT, status: ALREADY_EXISTS },
  leavingNeedsMembership: { message: 'this person is not in the workforce of this force', source: KEEPS_RECORD_COHERENT },
  leavingBeforeJoining: { message: 'a person leaves a force after joining it', source: KEEPS_RECORD_COHERENT },
} as const;
export type WorkforceMemberRuleName = keyof typeof WORKFORCE_MEMBER_RULES;
const book: RuleBook<WorkforceMemberRuleName> = ruleBook<WorkforceMemberRuleName>(WORKFORCE_MEMBER_RULES);
const ensure: Ensure<WorkforceMemberRuleName> = book.ensure;

/** The force holding the person now (null: none), and since when. */
export interface WorkforceMembership {
  force: string | null;
  joinedOn: string | null;
}

export const noMembership: WorkforceMembership = { force: null, joinedOn: null };

export function decide(command: WorkforceMemberEvent, state: WorkforceMembership): WorkforceMemberEvent[] {
  const { force } = command.data;
  if (command.type === 'WorkforceMemberJoined') {
    ensure(state.force !== force, 'memberAlreadyJoined');
    ensure(state.force === null, 'memberHeldByAnotherForce');
    return [command];
  }
  ensure(state.force === force, 'leavingNeedsMembership');
  if (state.joinedOn !== null) book.ensureNotBefore('leavingBeforeJoining', command.data.leftOn, state.joinedOn, 'the joining');
  return [command];
}

export function evolve(state: WorkforceMembership, event: WorkforceMemberEvent): WorkforceMembership {
  switch (event.type) {
    case 'WorkforceMemberJoined':
      return { force: event.data.force, joinedOn: event.data.joinedOn };
    case 'WorkforceMemberLeft':
      return noMembership;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

export const workforceMemberDecider: Decider<WorkforceMemberEvent, WorkforceMemberEvent, WorkforceMembership> = {
  initialState: noMembership,
  decide,
  evolve,
};

export function workforceMemberStreamName(personId: string): string {
  return `workforcemember-${personId}`;
}
