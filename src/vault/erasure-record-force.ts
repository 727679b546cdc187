/**
 * The force holding the record a vault person's data belongs to, for the erasure rules
 * (erasure.ts): a case's force for `case-<caseId>`, a recommendation's force for
 * `recommendation-<id>`, and for a person the force whose workforce holds them, else the force
 * of their registers (src/registers/person-access.ts). Read from the ledger, not from a read
 * model, so a record is found the moment its first event is appended.
 */
import { loadCase } from '../cases/case.stream';
import { EventStore } from '../event-store/event-store';
import { isRecommendationEventType } from '../recommendations/recommendation.events';
import type { RecommendationEvent } from '../recommendations/recommendation.events';
import { evolve as evolveRecommendation } from '../recommendations/recommendation.state';
import { personStreamName } from '../registers/person.stream';
import { isRegisterEventType } from '../registers/registers.events';
import type { RegisterEvent } from '../registers/registers.events';
import { evolve as evolveRegisters, initialPersonRegisters } from '../registers/registers.state';
import { toSliceEvent } from '../common/stream-commands';
import { workforceHolderOf } from '../workforce/workforce-holder';

const CASE_PERSON = /^case-(.+)$/;
const RECOMMENDATION_PERSON = /^recommendation-(.+)$/;

/** null when no force holds a record of `personId`. */
export async function recordForceOf(store: EventStore, personId: string): Promise<string | null> {
  const caseId = CASE_PERSON.exec(personId)?.[1];
  if (caseId !== undefined) return (await loadCase(store, caseId)).state?.force ?? null;
  const recommendationId = RECOMMENDATION_PERSON.exec(personId)?.[1];
  if (recommendationId !== undefined) {
    const recorded = await store.readStream(`recommendation-${recommendationId}`);
    const events = recorded.filter((event) => isRecommendationEventType(event.type)).map(toSliceEvent<RecommendationEvent>);
    return events.reduce(evolveRecommendation, null)?.force ?? null;
  }
  const holder = await workforceHolderOf(store, personId);
  if (holder !== null) return holder;
  const recorded = await store.readStream(personStreamName(personId));
  const events = recorded.filter((event) => isRegisterEventType(event.type)).map(toSliceEvent<RegisterEvent>);
  return events.reduce(evolveRegisters, initialPersonRegisters).force;
}
