/**
 * The cases' side of a dated-fact projection (dated-facts.ts). A case's facts depend on the
 * whole case (a complaint is counted on the day of its referral; a correction of that
 * referral moves it), so the projection derives them again from the case's events so far
 * (case-event-log.ts) whenever the case changes, and keeps, per case, the facts it last
 * derived: the counts then move by the difference only.
 *
 * For need-to-know (dated-facts.ts, readCounts), each fact carries the case's sensitivity,
 * and the facts table keeps the case's subjects (their pseudonymous person ids), so a reader
 * who is one of them does not count the case.
 */
import type { CaseEventEnvelope } from '../../src/cases/case.events';
import type { Case } from '../../src/cases/case.state';
import type { ProjectionContext, ProjectionTable } from '../runner/projection';
import { foldCaseEvents } from './case-event-log';
import type { CaseStep, FoldedCase, TouchedCase } from './case-event-log';
import { DatedFact, FactDeltas, ofCase, validFacts } from './dated-facts';

/** What a projection counts for one case, from its steps and the case as it ends. */
export type CaseFactsOf = (steps: readonly CaseStep[], final: Case) => DatedFact[];

/** Per case: the facts last counted and the person ids of its subjects. */
export function caseFactsTable(name: string): ProjectionTable {
  return {
    name,
    ddl: (table) => [
      `CREATE TABLE ${table} (case_id text PRIMARY KEY, facts jsonb NOT NULL, subject_person_ids text[] NOT NULL)`,
      `CREATE INDEX ON ${table} USING gin (subject_person_ids)`,
    ],
  };
}

/** What a case counts: its facts, each with the case's sensitivity, and the person ids of its subjects. */
export interface CountedCase {
  facts: DatedFact[];
  subjectPersonIds: string[];
}

export function countedCase({ steps, state }: FoldedCase, factsOf: CaseFactsOf): CountedCase {
  if (state === null) return { facts: [], subjectPersonIds: [] };
  return {
    facts: validFacts(factsOf(steps, state)).map((fact) => ofCase(fact, state.sensitivity)),
    subjectPersonIds: Object.values(state.subjects).map((subject) => subject.personId),
  };
}

/** The facts of a case's events, folded as a projection folds them. */
export function caseFacts(events: readonly CaseEventEnvelope[], factsOf: CaseFactsOf): DatedFact[] {
  return countedCase(foldCaseEvents(events), factsOf).facts;
}

interface CaseFactsRow {
  case_id: string;
  facts: DatedFact[];
  subject_person_ids: string[];
}

/**
 * Derives each touched case's facts again and adds the difference to `deltas` (written by
 * the caller with the rest of the batch's deltas): two statements, read the facts last
 * counted of the cases seen before, and upsert the new ones.
 */
export async function countTouchedCases(
  cases: readonly TouchedCase[],
  context: ProjectionContext,
  options: { factsTable: string; factsOf: CaseFactsOf; deltas: FactDeltas },
): Promise<void> {
  if (cases.length === 0) return;
  const table = context.table(options.factsTable);
  const seenBefore = cases.filter((touched) => touched.seenBefore).map((touched) => touched.caseId);
  const { rows: earlier } =
    seenBefore.length === 0
      ? { rows: [] }
      : await context.client.query<Pick<CaseFactsRow, 'case_id' | 'facts'>>(`SELECT case_id, facts FROM ${table} WHERE case_id = ANY($1::text[])`, [
          seenBefore,
        ]);
  const earlierFacts = new Map(earlier.map((row) => [row.case_id, row.facts]));
  const written: CaseFactsRow[] = cases.map((touched) => {
    const { facts, subjectPersonIds } = countedCase(touched, options.factsOf);
    options.deltas.replace(earlierFacts.get(touched.caseId) ?? [], facts);
    return { case_id: touched.caseId, facts, subject_person_ids: subjectPersonIds };
  });
  await context.client.query(
    `INSERT INTO ${table} AS l (case_id, facts, subject_person_ids)
     SELECT case_id, facts, subject_person_ids
       FROM jsonb_to_recordset($1::jsonb) AS r(case_id text, facts jsonb, subject_person_ids text[])
     ON CONFLICT (case_id) DO UPDATE SET facts = EXCLUDED.facts, subject_person_ids = EXCLUDED.subject_person_ids`,
    [JSON.stringify(written)],
  );
}
