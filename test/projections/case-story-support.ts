/**
 * Test support for the case read models: records case commands straight into an event
 * store the way the command handler does (decide on the folded stream, append at its
 * revision, metadata with occurredAt), without going through HTTP, so read-model tests do
 * not depend on the command API. Also the seed stories retargeted to new case ids, and a
 * way to make history look recorded on the days it happened.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { CaseCommand } from '../../src/cases/case.command-types';
import { decide } from '../../src/cases/case.decide';
import type { CaseEventEnvelope } from '../../src/cases/case.events';
import { CASE_EVENT_SCHEMA_VERSION } from '../../src/cases/case.events';
import type { SeedStory } from '../../src/cases/seed-stories';
import { evolve, foldCase } from '../../src/cases/case.state';
import type { CaseState } from '../../src/cases/case.state';
import { caseStreamName, occurredAt, toCaseEnvelope, toJsonObject } from '../../src/cases/case.stream';
import type { AppendResult, EventStore } from '../../src/event-store/event-store';
import { comparePositions, GlobalPosition, START } from '../../src/event-store/position';

export const RECORDING_ACTOR = { userId: 'recorder', roles: ['PSD_INVESTIGATOR'], force: '*' };

/** A recorded event's id and the day it happened (its own date, or the one before it). */
export interface RecordedStep {
  eventId: string;
  type: CaseEventEnvelope['type'];
  day: string;
}

interface CaseInProgress {
  state: CaseState;
  revision: bigint | 'no_stream';
  steps: RecordedStep[];
}

export class CaseRecorder {
  private readonly cases = new Map<string, CaseInProgress>();
  /** The position of the last event appended, for X-Wait-For-Position and runner waits. */
  lastPosition: GlobalPosition = START;

  constructor(private readonly store: EventStore) {}

  /** Decides and appends one command; throws as the handler would if decide refuses. */
  async record(command: CaseCommand): Promise<AppendResult> {
    const current = this.cases.get(command.caseId) ?? { state: null, revision: 'no_stream', steps: [] };
    const events = decide(command, current.state);
    const requestedAt = new Date().toISOString();
    const ids = events.map(() => randomUUID());
    const result = await this.store.appendToStream(
      caseStreamName(command.caseId),
      events.map((event, index) => ({
        eventId: ids[index],
        type: event.type,
        data: toJsonObject(event.data),
        metadata: {
          correlationId: randomUUID(),
          causationId: ids[0],
          commandId: ids[0],
          actor: RECORDING_ACTOR,
          occurredAt: occurredAt(event, requestedAt),
          schemaVersion: CASE_EVENT_SCHEMA_VERSION[event.type],
        },
      })),
      { expectedRevision: current.revision },
    );
    let { state } = current;
    const steps = [...current.steps];
    events.forEach((event, index) => {
      state = evolve(state, { ...event, eventId: ids[index] });
      const own = occurredAt(event, '');
      steps.push({ eventId: ids[index], type: event.type, day: own === '' ? (steps.at(-1)?.day ?? requestedAt.slice(0, 10)) : own.slice(0, 10) });
    });
    this.cases.set(command.caseId, { state, revision: result.nextExpectedRevision, steps });
    if (comparePositions(result.position, this.lastPosition) > 0) this.lastPosition = result.position;
    return result;
  }

  /** Records each case's commands in order, different cases side by side (so they interleave). */
  async recordAll(stories: readonly { commands: readonly CaseCommand[] }[]): Promise<void> {
    await Promise.all(
      stories.map(async (story) => {
        for (const command of story.commands) await this.record(command);
      }),
    );
  }

  steps(caseId: string): RecordedStep[] {
    return this.cases.get(caseId)?.steps ?? [];
  }
}

/** The case as the domain folds its stream from the store: the reference the read models must match. */
export async function foldStream(store: EventStore, caseId: string): Promise<CaseState> {
  const recorded = await store.readStream(caseStreamName(caseId));
  return foldCase(recorded.map(toCaseEnvelope).filter((envelope): envelope is CaseEventEnvelope => envelope !== null));
}

/** The story's commands addressed to another case (and, optionally, force and day of referral). */
export function retarget(
  story: SeedStory,
  caseId: string,
  referral: { force?: string; receivedOn?: string; sensitivity?: 'STANDARD' | 'RESTRICTED' | 'COVERT' } = {},
): CaseCommand[] {
  return story.commands.map((command) => {
    if (command.type === 'ReceiveReferral') return { ...command, caseId, ...referral };
    return { ...command, caseId };
  });
}

/**
 * Makes a stream look as if each event had been recorded at noon UTC on the day it happened
 * (`days`, by revision). The ledger refuses UPDATE for every role by a trigger; the test, as
 * the owner of its own throwaway database, lifts it for this one statement. recorded_at is
 * not part of an event's hash, so the chain stays valid.
 */
export async function backdateRecordedAt(databaseUrl: string, caseId: string, days: readonly string[]): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE ledger_events DISABLE TRIGGER ledger_events_immutable');
    await client.query(
      `UPDATE ledger_events e SET recorded_at = d.at
         FROM unnest($2::bigint[], $3::timestamptz[]) AS d(revision, at)
        WHERE e.stream_name = $1 AND e.revision = d.revision`,
      [caseStreamName(caseId), days.map((_, revision) => revision), days.map((day) => `${day}T12:00:00Z`)],
    );
    await client.query('ALTER TABLE ledger_events ENABLE TRIGGER ledger_events_immutable');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out; last value ${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
