import { EventStore1764000000000 } from './1764000000000-event-store';

/** Every migration, in order. The service applies them at start; it never synchronises. */
export const MIGRATIONS = [EventStore1764000000000];
