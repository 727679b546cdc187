/**
 * The shape every event-sourced slice shares (Emmett's Decider): `decide(command, state)`
 * gives the events to append or throws a DomainError naming a rule; `evolve(state, event)`
 * folds an event into the state and never throws. Both are pure.
 */

/** `{ type: 'A'; data: A } | { type: 'B'; data: B } | ...` for an event type → payload map. */
export type EventOf<DataMap> = { [K in keyof DataMap & string]: { type: K; data: DataMap[K] } }[keyof DataMap & string];

export interface Decider<Command, Event, State> {
  readonly initialState: State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

export function foldEvents<Command, Event, State>(decider: Decider<Command, Event, State>, events: readonly Event[]): State {
  return events.reduce<State>((state, event) => decider.evolve(state, event), decider.initialState);
}

/** Builds an event of type K with its payload (the compiler cannot pair a generic K with its payload in the union). */
export function eventOf<DataMap>() {
  return <K extends keyof DataMap & string>(type: K, data: DataMap[K]): EventOf<DataMap> => ({ type, data }) as EventOf<DataMap>;
}

/** Per event type, its schema version: all 1 until a shipped shape changes (then an upcaster). */
export type SchemaVersions<DataMap> = { readonly [K in keyof DataMap]: number };
/** Per event type, the field holding its legal date: when it happened in the world. */
export type DateFields<DataMap> = { readonly [K in keyof DataMap]: keyof DataMap[K] };
/** Per event type, the personal-data fields the vault encrypts before the append. */
export type VaultFields<DataMap> = { readonly [K in keyof DataMap]: readonly (keyof DataMap[K])[] };

/** A type guard for the event types a schema-version map lists. */
export function eventTypeGuard<DataMap>(versions: SchemaVersions<DataMap>): (type: string) => type is keyof DataMap & string {
  return (type): type is keyof DataMap & string => Object.hasOwn(versions, type);
}
