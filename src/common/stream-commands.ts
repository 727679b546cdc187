/**
 * A recorded event as its slice's event type, for the write path (src/common/write-path.ts)
 * and the read models that fold a slice's stream with its own evolve.
 */
import type { RecordedEvent } from '../event-store/event-store';

export interface SliceEvent {
  type: string;
  data: object;
}

/**
 * A recorded event as its slice's event type. The caller has checked the type is the
 * slice's; the store returns what this service appended, upcast to the current shape.
 */
export function toSliceEvent<Event extends SliceEvent>(recorded: RecordedEvent): Event {
  const event: SliceEvent = { type: recorded.type, data: recorded.data };
  return event as Event;
}
