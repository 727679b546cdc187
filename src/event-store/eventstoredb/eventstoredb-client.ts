import {
  AllStreamResolvedEvent,
  AppendResult as ClientAppendResult,
  AppendToStreamOptions,
  EventData,
  EventStoreDBClient,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@eventstore/db-client';

/**
 * The few methods of `EventStoreDBClient` the engine calls, with the client's own types, so
 * the unit tests can hand the engine a fake and the real client fits without a cast.
 */
export interface EventStoreDbClientLike {
  appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<ClientAppendResult>;
  /** Fails with StreamNotFoundError (while iterating) when the stream does not exist. */
  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options: SubscribeToAllOptions): CatchUpSubscriptionLike;
  dispose(): Promise<void>;
}

/** The parts of the client's AllStreamSubscription (a Node stream) a catch-up subscription uses. */
export interface CatchUpSubscriptionLike {
  on(event: 'data', listener: (resolved: AllStreamResolvedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end' | 'close' | 'caughtUp', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  /** Events the stream has buffered and not yet emitted as 'data'. */
  readonly readableLength: number;
  unsubscribe(): Promise<void>;
}

export function connectEventStoreDb(connectionString: string): EventStoreDbClientLike {
  const client = EventStoreDBClient.connectionString(connectionString);
  return {
    appendToStream: (streamName, events, options) => client.appendToStream(streamName, events, options),
    readStream: (streamName, options) => client.readStream(streamName, options),
    readAll: (options) => client.readAll(options),
    subscribeToAll: (options) => client.subscribeToAll(options),
    dispose: () => client.dispose(),
  };
}
