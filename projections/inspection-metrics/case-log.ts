/**
 * The cases' side of a dated-fact projection. A case's facts depend on the whole case (a
 * complaint is counted on the day of its referral; a correction of that referral moves it),
 * so the projection keeps, per case, the events it reads and the facts it last derived from
 * them. A batch is then three statements whatever its size: read the touched cases, derive
 * their facts again from all their events, write the new events, facts and count deltas.
 *
 * Only the event types the projection's filter lets through are kept, without their
 * personal-data (vault) fields, which no figure reads: the log stays a fraction of the
 * case's stream and holds nothing about a person.
 *
 * For need-to-know (dated-facts.ts, readCounts), each fact carries the case's sensitivity,
 * and the log keeps the case's subjects (their pseudonymous person ids), so a reader who is
 * one of them does not count the case.
 */
import { VAULT_FIELDS } from '../../src/cases/case.events';
import type { CaseEventEnvelope, CorrectableEventData } from '../../src/cases/case.events';
import type { Case, CaseState } from '../../src/cases/case.state';
import { applyFact } from '../../src/cases/case.facts';
import { caseStreamName, toCaseEnvelope } from '../../src/cases/case.stream';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { ProjectionContext, ProjectionTable } from '../runner/projection';
import { DatedFact, FactDeltas, ofCase, validFacts } from './dated-facts';

/** `case-`: the prefix of every case stream. */
export const CASE_STREAM_PREFIX = caseStreamName('');

/** One event of a case, applied: the case as it stood before and after it. */
export interface CaseStep {
  event: CaseEventEnvelope;
  before: CaseState;
  after: Case;
}

/** What a projection counts for one case, from its steps and the case as it ends. */
export type CaseFactsOf = (steps: readonly CaseStep[], final: Case) => DatedFact[];

export function caseLogTable(name: string): ProjectionTable {
  return {
    name,
    ddl: (table) => [
      `CREATE TABLE ${table} (case_id text PRIMARY KEY, events jsonb NOT NULL, facts jsonb NOT NULL, subject_person_ids text[] NOT NULL)`,
      `CREATE INDEX ON ${table} USING gin (subject_person_ids)`,
    ],
  };
}

/**
 * The case's events with every correction applied (docs/events.md: "projections use the
 * correction"), in order, each with the case before and after it. Steps that the domain
 * cannot place (before a referral) are left out, as evolve leaves them out of the state.
 */
export function caseSteps(log: readonly CaseEventEnvelope[]): { steps: CaseStep[]; final: Case | null } {
  const corrections = new Map<string, CorrectableEventData>();
  for (const event of log) {
    if (event.type === 'RecordCorrected') corrections.set(event.data.correctsEventId, event.data.replacement);
  }
  const steps: CaseStep[] = [];
  let state: CaseState = null;
  for (const recorded of log) {
    if (recorded.type === 'RecordCorrected') continue;
    const replacement = corrections.get(recorded.eventId);
    // A replacement is a complete payload of the corrected event's own type (decideCorrection).
    const event = replacement === undefined ? recorded : ({ ...recorded, data: replacement } as CaseEventEnvelope);
    const before = state;
    state = applyFact(state, event);
    if (state !== null) steps.push({ event, before, after: state });
  }
  return { steps, final: state };
}

/** What a case counts: its facts, each with the case's sensitivity, and the person ids of its subjects. */
export interface CountedCase {
  facts: DatedFact[];
  subjectPersonIds: string[];
}

export function countedCase(log: readonly CaseEventEnvelope[], factsOf: CaseFactsOf): CountedCase {
  const { steps, final } = caseSteps(log);
  if (final === null) return { facts: [], subjectPersonIds: [] };
  return {
    facts: validFacts(factsOf(steps, final)).map((fact) => ofCase(fact, final.sensitivity)),
    subjectPersonIds: Object.values(final.subjects).map((subject) => subject.personId),
  };
}

export function caseFacts(log: readonly CaseEventEnvelope[], factsOf: CaseFactsOf): DatedFact[] {
  return countedCase(log, factsOf).facts;
}

/** Any field VAULT_FIELDS lists: a correction's replacement carries the vault fields of its target's type. */
const PERSONAL_DATA_FIELDS: ReadonlySet<string> = new Set(Object.values(VAULT_FIELDS).flat().map(String));

function without(payload: object, fields: ReadonlySet<string>): object {
  return Object.fromEntries(Object.entries(payload).filter(([field]) => !fields.has(field)));
}

function withoutPersonalData(envelope: CaseEventEnvelope): CaseEventEnvelope {
  if (envelope.type === 'RecordCorrected') {
    const replacement = without(envelope.data.replacement, PERSONAL_DATA_FIELDS) as CorrectableEventData;
    return { ...envelope, data: { ...envelope.data, reason: '', replacement } };
  }
  const fields = new Set<string>(VAULT_FIELDS[envelope.type].map(String));
  return { ...envelope, data: without(envelope.data, fields) } as CaseEventEnvelope;
}

interface CaseLogRow {
  case_id: string;
  events: CaseEventEnvelope[];
  facts: DatedFact[];
  subject_person_ids: string[];
}

/**
 * Applies a batch's case events: derives each touched case's facts again and adds the
 * difference to `deltas` (written by the caller with the rest of the batch's deltas).
 */
export async function applyCaseEvents(
  events: readonly RecordedEvent[],
  context: ProjectionContext,
  options: { logTable: string; factsOf: CaseFactsOf; deltas: FactDeltas },
): Promise<void> {
  const touched = new Map<string, CaseEventEnvelope[]>();
  for (const event of events) {
    if (!event.streamName.startsWith(CASE_STREAM_PREFIX)) continue;
    const caseId = event.streamName.slice(CASE_STREAM_PREFIX.length);
    const envelope = toCaseEnvelope(event);
    if (envelope === null) continue;
    const added = touched.get(caseId) ?? [];
    added.push(withoutPersonalData(envelope));
    touched.set(caseId, added);
  }
  if (touched.size === 0) return;
  const table = context.table(options.logTable);
  const { rows: earlier } = await context.client.query<Omit<CaseLogRow, 'subject_person_ids'>>(
    `SELECT case_id, events, facts FROM ${table} WHERE case_id = ANY($1::text[])`,
    [[...touched.keys()]],
  );
  const earlierByCase = new Map(earlier.map((row) => [row.case_id, row]));
  const written: CaseLogRow[] = [];
  for (const [caseId, added] of touched) {
    const before = earlierByCase.get(caseId);
    const { facts, subjectPersonIds } = countedCase([...(before?.events ?? []), ...added], options.factsOf);
    options.deltas.replace(before?.facts ?? [], facts);
    written.push({ case_id: caseId, events: added, facts, subject_person_ids: subjectPersonIds });
  }
  await context.client.query(
    `INSERT INTO ${table} AS l (case_id, events, facts, subject_person_ids)
     SELECT case_id, events, facts, subject_person_ids
       FROM jsonb_to_recordset($1::jsonb) AS r(case_id text, events jsonb, facts jsonb, subject_person_ids text[])
     ON CONFLICT (case_id) DO UPDATE SET events = l.events || EXCLUDED.events, facts = EXCLUDED.facts, subject_person_ids = EXCLUDED.subject_person_ids`,
    [JSON.stringify(written)],
  );
}
