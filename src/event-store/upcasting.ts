import type { JsonObject, RecordedEvent } from './event-store';

/**
 * Turns an older version of an event's payload into the next version. Registered per event
 * type and source version; chains run until the event is at the newest version.
 */
export type Upcaster = (data: JsonObject, metadata: JsonObject) => JsonObject;

export interface UpcasterRegistration {
  type: string;
  fromVersion: number;
  upcast: Upcaster;
}

/**
 * The one place where stored events of an older schema version become the current shape.
 * Shipped events are never edited: a new shape is a new `schemaVersion` plus an upcaster.
 */
export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(registrations: UpcasterRegistration[] = []) {
    for (const registration of registrations) {
      const key = `${registration.type}@${registration.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`two upcasters for ${key}`);
      this.byKey.set(key, registration.upcast);
    }
  }

  upcast(event: RecordedEvent): RecordedEvent {
    if (this.byKey.size === 0) return event;
    let version = schemaVersionOf(event.metadata);
    let { data } = event;
    for (let next = this.byKey.get(`${event.type}@${version}`); next; next = this.byKey.get(`${event.type}@${version}`)) {
      data = next(data, event.metadata);
      version += 1;
    }
    if (data === event.data) return event;
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: version, storedSchemaVersion: schemaVersionOf(event.metadata) } };
  }
}

export const NO_UPCASTERS = new Upcasters();

function schemaVersionOf(metadata: JsonObject): number {
  const version = metadata.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 1;
}
