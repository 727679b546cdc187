import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { canonicalJson, GENESIS_HASH } from '../../src/event-store/hashing';
import { benchMetadataOn, MAX_REPLICAS, occurredOn, replicaIds, storyEvents } from './case-histories';

/**
 * Fills a migrated ledger with realistic case histories fast, for the scale benchmark: the
 * append path (~7,000 events/s here) would take hours for ten million events.
 *
 * What goes in is what `ledger_append` would have written: the seed stories' events
 * (decided through the domain once, replicated under fresh ids, `case-<id>` streams), RFC
 * 8785 data and metadata, each stream's hash chain computed here exactly as the append
 * function computes it (`SHA-256(previous ‖ {"data":…,"id":…,"metadata":…,"revision":…,
 * "stream":…,"type":…})`), positions taken from `ledger_position_seq`, and a
 * `ledger_streams` row per stream with its revision, last hash and last position, so the
 * real append path carries on from the filled table and `verify` passes over it. Events of
 * a chunk of cases are interleaved in the global order, as concurrent cases are.
 *
 * How: one multi-row `INSERT … SELECT FROM unnest(…)` per chunk (events and stream heads in
 * one statement), two chunks in flight while the next is built. No trigger stands in the way:
 * the ledger's triggers refuse UPDATE, DELETE and TRUNCATE only. The filler must be the only
 * writer while it runs (it takes positions ahead of inserting them).
 */
export interface FillResult {
  /** Events the ledger holds afterwards. */
  events: number;
  written: number;
  seconds: number;
}

interface StoryTemplate {
  caseId: string;
  events: { type: string; data: string; day: string | undefined }[];
}

/** Cases of a chunk: 8 replicas of the ten stories, about 1,800 events per statement. */
const REPLICAS_PER_CHUNK = 8;
const IN_FLIGHT = 2;

interface Chunk {
  positions: string[];
  streams: string[];
  revisions: number[];
  ids: string[];
  types: string[];
  data: string[];
  metadata: string[];
  hashes: string[];
  heads: { names: string[]; revisions: number[]; hashes: string[]; positions: string[] };
}

export class CaseLedgerFiller {
  private readonly stories: StoryTemplate[];
  private nextReplica = 0;

  constructor(private readonly pool: Pool) {
    this.stories = storyEvents().map((story) => ({
      caseId: story.caseId,
      events: story.events.map((event) => ({
        type: event.type,
        data: canonicalJson(event.data),
        day: occurredOn(event.data),
      })),
    }));
  }

  /** Appends case histories until the ledger holds `target` events (nothing when it already does). */
  async fillTo(target: number, onProgress: (events: number) => void = () => undefined): Promise<FillResult> {
    const started = performance.now();
    const counted = await this.pool.query<{ events: string }>('SELECT count(*) AS events FROM ledger_events');
    const before = Number(counted.rows[0].events);
    const wanted = Math.max(0, target - before);
    if (wanted === 0) return { events: before, written: 0, seconds: 0 };
    const first = await this.pool.query<{ position: string }>("SELECT nextval('ledger_position_seq') AS position");
    let next = BigInt(first.rows[0].position);
    let assigned = 0;
    let written = 0;
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    while (assigned < wanted && !failure) {
      const chunk = this.buildChunk(wanted - assigned, next);
      assigned += chunk.ids.length;
      next += BigInt(chunk.ids.length);
      const insert: Promise<void> = this.insert(chunk).then(
        () => {
          written += chunk.ids.length;
          onProgress(before + written);
        },
        (error: unknown) => {
          failure ??= { error };
        },
      );
      inFlight.add(insert);
      void insert.finally(() => inFlight.delete(insert));
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure) throw failure.error;
    // The append path goes on from the last position written.
    await this.pool.query("SELECT setval('ledger_position_seq', $1)", [(next - 1n).toString()]);
    return { events: before + written, written, seconds: (performance.now() - started) / 1000 };
  }

  /** The next replicas' cases, their events interleaved, `limit` events at most, from position `first`. */
  private buildChunk(limit: number, first: bigint): Chunk {
    const cases: { stream: string; events: StoryTemplate['events']; replica: number }[] = [];
    for (let r = 0; r < REPLICAS_PER_CHUNK; r += 1) {
      const replica = this.nextReplica++;
      if (replica >= MAX_REPLICAS) throw new Error('the filler ran out of case ids');
      for (const story of this.stories) cases.push({ stream: `case-${replicaIds(story.caseId, replica)}`, events: story.events, replica });
    }
    const chunk: Chunk = {
      positions: [],
      streams: [],
      revisions: [],
      ids: [],
      types: [],
      data: [],
      metadata: [],
      hashes: [],
      heads: { names: [], revisions: [], hashes: [], positions: [] },
    };
    const hashes = cases.map(() => GENESIS_HASH);
    const heads = cases.map(() => -1);
    let position = first;
    // Round robin over the chunk's cases: the k-th event of each, then the (k+1)-th…
    for (let k = 0; chunk.ids.length < limit; k += 1) {
      let any = false;
      for (let c = 0; c < cases.length && chunk.ids.length < limit; c += 1) {
        const template = cases[c].events[k];
        if (!template) continue;
        any = true;
        const id = randomUUID();
        const data = replicaIds(template.data, cases[c].replica);
        const metadata = canonicalJson(benchMetadataOn(template.day));
        const stream = cases[c].stream;
        // The bytes ledger_append hashes (src/event-store/hashing.ts: RFC 8785, keys in order).
        const canonical = `{"data":${data},"id":"${id}","metadata":${metadata},"revision":${k},"stream":${JSON.stringify(stream)},"type":${JSON.stringify(template.type)}}`;
        hashes[c] = createHash('sha256').update(hashes[c]).update(canonical, 'utf8').digest();
        heads[c] = chunk.positions.length;
        chunk.positions.push(position.toString());
        chunk.streams.push(stream);
        chunk.revisions.push(k);
        chunk.ids.push(id);
        chunk.types.push(template.type);
        chunk.data.push(data);
        chunk.metadata.push(metadata);
        chunk.hashes.push(hashes[c].toString('hex'));
        position += 1n;
      }
      if (!any) break;
    }
    cases.forEach((each, c) => {
      if (heads[c] < 0) return;
      chunk.heads.names.push(each.stream);
      chunk.heads.revisions.push(chunk.revisions[heads[c]]);
      chunk.heads.hashes.push(chunk.hashes[heads[c]]);
      chunk.heads.positions.push(chunk.positions[heads[c]]);
    });
    return chunk;
  }

  private async insert(chunk: Chunk): Promise<void> {
    await this.pool.query(
      `WITH heads AS (
         INSERT INTO ledger_streams (stream_name, revision, last_hash, last_position)
         SELECT name, revision, decode(hash, 'hex'), position
           FROM unnest($9::text[], $10::bigint[], $11::text[], $12::bigint[]) AS h(name, revision, hash, position)
       )
       INSERT INTO ledger_events (position, stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash)
       SELECT position, stream, revision, id, type, data::jsonb, metadata::jsonb, now(), decode(hash, 'hex')
         FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])
              AS e(position, stream, revision, id, type, data, metadata, hash)`,
      [
        chunk.positions,
        chunk.streams,
        chunk.revisions,
        chunk.ids,
        chunk.types,
        chunk.data,
        chunk.metadata,
        chunk.hashes,
        chunk.heads.names,
        chunk.heads.revisions,
        chunk.heads.hashes,
        chunk.heads.positions,
      ],
    );
  }
}
