import { appendRunRow, driveAppends } from '../lib/append-driver';
import { loadPeer } from '../lib/peer';
import { BenchContext, Workload, WorkloadResult } from './workload';

/**
 * The peer: the same single-event appends with exact expected versions through Emmett's
 * `getPostgreSQLEventStore(connectionString).appendToStream`, with C concurrent clients on a
 * pg Pool of C connections (passed to Emmett so the connection count matches ours).
 * Emmett counts stream versions from 1 (a new stream is at version 0), so the expected
 * version is our revision + 1; the event id travels as Emmett's messageId.
 */
export const appendPeer: Workload = {
  name: 'append-peer',
  title: 'peer: Emmett appendToStream',
  async run(context: BenchContext): Promise<WorkloadResult> {
    const { options, server } = context;
    const peer = await loadPeer(context.log);
    const url = await server.createDatabase('peer');
    const pool = peer.createPool(url, options.connections);
    const store = peer.getPostgreSQLEventStore(url, pool);
    try {
      await store.schema.migrate();
      const run = await driveAppends(
        {
          append: async (streamName, revision, event) => {
            await store.appendToStream(streamName, [{ type: event.type, data: event.data, metadata: { ...event.metadata, messageId: event.eventId } }], {
              expectedStreamVersion: revision + 1n,
            });
          },
        },
        {
          label: 'peer (Emmett)',
          clients: options.connections,
          events: options.eventsPerWorkload,
          warmupPerClient: options.warmupPerClient,
          streamsPerClient: options.streamsPerClient,
          streamPrefix: 'bench',
        },
        context.progress,
      );
      return {
        figures: { peerEventsPerSecond: run.eventsPerSecond, peerP99Ms: run.p99Ms },
        rows: [appendRunRow(`peer: Emmett ${peer.version}`, run, 'emt_append_to_stream in BEGIN/COMMIT')],
        details: { peer: { package: '@event-driven-io/emmett-postgresql', version: peer.version } },
      };
    } finally {
      await store.close().catch(() => undefined);
      await pool.end().catch(() => undefined);
      await server.dropDatabase(url);
    }
  },
};
