/** The force holding a person, read from their workforce record (workforce-members.ts). */
import { EventStore } from '../event-store/event-store';
import { toSliceEvent } from '../common/stream-commands';
import { noMembership, WORKFORCE_MEMBER_EVENT_DECLARATIONS, workforceMemberDecider, workforceMemberStreamName } from './workforce-members';
import type { WorkforceMemberEvent } from './workforce-members';

/** The force whose workforce holds the person now; null where no force does (or none was ever recorded). */
export async function workforceHolderOf(store: EventStore, personId: string): Promise<string | null> {
  const recorded = await store.readStream(workforceMemberStreamName(personId));
  return recorded
    .filter((event) => WORKFORCE_MEMBER_EVENT_DECLARATIONS.isType(event.type))
    .map(toSliceEvent<WorkforceMemberEvent>)
    .reduce(workforceMemberDecider.evolve, noMembership).force;
}
