/**
 * The search read model (issue 18, point 1): one document per case, per person in a case (a
 * subject), per register entry and per recommendation, holding the free text a reader of it
 * may see, in clear, with a full-text vector and (where `pg_trgm` is installed) a trigram
 * index for fuzzy matching of names and references.
 *
 * It is the one read model that keeps personal data in clear: the runner opens the vault
 * envelopes for it (ProjectionContext.vault). So it follows the erasures too: once a data
 * subject's key is destroyed (ErasureApproved, or the older PersonalDataErased, in stream
 * `vault-<personId>`) every text sealed under that key (`vault_owner`) is emptied, and a rebuild
 * opens erased envelopes as `{ "erased": true }`, which holds no text. The documents hold no
 * access facts of a case: the query judges a case's documents on its case-status row, with the
 * same rules as a read of the case (projections/common/case-status-views.ts). A person's force
 * (who may see their register entries) is kept in `search_people` as the integrity record
 * judges it: the force whose workforce holds them, else that of their first register entry.
 *
 * What a document is made of:
 * - `case`: every vault field of the case's events (summary, allegations, rationale, terms of
 *   reference, results, learning, the complainant's details), a correction replacing the text of
 *   the event it corrects; sealed under `case-<caseId>`.
 * - `person`: a subject of a case, found by what the case says about them (their allegations, the
 *   severity rationale, the investigative actions about them) and by their person id. The
 *   ledger names no one (officers are pseudonymous ids), so a surname is found where the
 *   free text gives it. Sealed under `case-<caseId>`: the case's rules apply.
 * - `register-entry`: one business interest, association, gift, conflict, vetting record, drug test
 *   or audit finding of a person, with its free text (the associate's name, the giver, the
 *   details); sealed under the person's own key.
 * - `recommendation`: its text, responses and actions; sealed under `recommendation-<id>`.
 */
import type { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { caseStreamName } from '../../src/cases/case.stream';
import { casePersonId } from '../../src/vault/case-person';
import { PERSON_STREAM_PREFIX } from '../../src/registers/person.stream';
import { REGISTER_EVENT_DECLARATIONS } from '../../src/registers/registers.events';
import { RECOMMENDATION_STREAM_PREFIX } from '../../src/recommendations/recommendation.stream';
import { vaultStreamName } from '../../src/vault/erasure';
import { workforceMemberStreamName } from '../../src/workforce/workforce-members';
import { isVaultEnvelope } from '../../src/vault/vault-envelope';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { SEARCH_DOCUMENTS_TABLE, SEARCH_PEOPLE_TABLE, SEARCH_PROJECTION } from './search.tables';

const CASE_PREFIX = caseStreamName('');
const VAULT_PREFIX = vaultStreamName('');
const WORKFORCE_PREFIX = workforceMemberStreamName('');
const ERASURE_EVENTS = new Set(['ErasureApproved', 'PersonalDataErased']);

/** The kinds of document, in the order a reader is shown them when their scores tie. */
export const SEARCH_KINDS = ['case', 'person', 'register-entry', 'recommendation'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The register an entry is in, by its first event's type. */
const REGISTER_OF: Readonly<Record<string, string>> = {
  BusinessInterestApplied: 'BUSINESS_INTEREST',
  BusinessInterestDecided: 'BUSINESS_INTEREST',
  BusinessInterestReviewed: 'BUSINESS_INTEREST',
  BusinessInterestRescinded: 'BUSINESS_INTEREST',
  BusinessInterestWithdrawn: 'BUSINESS_INTEREST',
  BusinessInterestComplianceChecked: 'BUSINESS_INTEREST',
  GiftOrHospitalityOffered: 'GIFT_OR_HOSPITALITY',
  NotifiableAssociationDeclared: 'NOTIFIABLE_ASSOCIATION',
  AssociationRiskAssessed: 'NOTIFIABLE_ASSOCIATION',
  AssociationReviewed: 'NOTIFIABLE_ASSOCIATION',
  AssociationEnded: 'NOTIFIABLE_ASSOCIATION',
  ConflictOfInterestDeclared: 'CONFLICT_OF_INTEREST',
  VettingGranted: 'VETTING',
  VettingReviewed: 'VETTING',
  VettingWithdrawn: 'VETTING',
  DrugTestRecorded: 'DRUG_TEST',
  SystemAccessAuditFinding: 'SYSTEM_ACCESS_AUDIT',
};

/** One document as a batch changes it; `parts` are added to (or replace) the stored ones by key. */
interface DocumentChange {
  doc_id: string;
  kind: SearchKind;
  case_id: string | null;
  person_id: string | null;
  force: string | null;
  vault_owner: string;
  entry: string | null;
  on_day: string | null;
  reference: string;
  parts: Record<string, string>;
  last_position: string;
}

interface PersonChange {
  person_id: string;
  register_force: string | null;
  /** Set when the batch says who holds the person now (null: nobody since they left). */
  holder_known: boolean;
  holder_force: string | null;
}

export const searchProjection: ProjectionDefinition = {
  name: SEARCH_PROJECTION,
  // Bump when the rows' shape or meaning changes: the runner then rebuilds from the first event.
  version: 1,
  filter: { streamNamePrefixes: [CASE_PREFIX, PERSON_STREAM_PREFIX, RECOMMENDATION_STREAM_PREFIX, VAULT_PREFIX, WORKFORCE_PREFIX] },
  tables: [
    {
      name: SEARCH_DOCUMENTS_TABLE,
      ddl: (table) => [
        `CREATE TABLE ${table} (
           doc_id text PRIMARY KEY,
           kind text NOT NULL,
           case_id text,
           person_id text,
           force text,
           vault_owner text NOT NULL,
           entry text,
           on_day date,
           reference text NOT NULL,
           parts jsonb NOT NULL,
           body text NOT NULL,
           tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED,
           last_position text NOT NULL
         )`,
        `CREATE INDEX ON ${table} USING gin (tsv)`,
        `CREATE INDEX ON ${table} (case_id)`,
        `CREATE INDEX ON ${table} (person_id)`,
        `CREATE INDEX ON ${table} (vault_owner)`,
        // Fuzzy matching where the server has pg_trgm (migration 1767000000000-trigram-search.ts).
        `DO $$ BEGIN
           IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
             EXECUTE 'CREATE INDEX ON ${table.replace(/'/g, "''")} USING gin (body gin_trgm_ops)';
             EXECUTE 'CREATE INDEX ON ${table.replace(/'/g, "''")} USING gin (reference gin_trgm_ops)';
           END IF;
         END $$`,
      ],
    },
    {
      name: SEARCH_PEOPLE_TABLE,
      ddl: (table) => [`CREATE TABLE ${table} (person_id text PRIMARY KEY, register_force text, holder_known boolean NOT NULL, holder_force text)`],
    },
  ],
  apply: applySearch,
};

async function applySearch(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const sealed = events.filter((event) => Object.values(event.data).some((value) => isVaultEnvelope(value) || isCorrectionWithText(value)));
  if (sealed.length > 0 && context.vault === undefined) {
    throw new Error('the search read model indexes free text: its runner needs the vault (RunnerOptions.vault)');
  }
  // One call opens every envelope of the batch (the vault reads the keys it needs at once).
  const opened = context.vault === undefined ? events.map((event) => event.data) : await context.vault.open(events.map((event) => event.data));
  const documents = new Map<string, DocumentChange>();
  const people = new Map<string, PersonChange>();
  const erased: string[] = [];
  events.forEach((event, index) => {
    const data = opened[index] as Record<string, unknown>;
    const position = formatPosition(event.position);
    if (event.streamName.startsWith(CASE_PREFIX)) caseDocuments(event, data, position, documents);
    else if (event.streamName.startsWith(PERSON_STREAM_PREFIX)) registerDocuments(event, data, position, documents, people);
    else if (event.streamName.startsWith(RECOMMENDATION_STREAM_PREFIX)) recommendationDocument(event, data, position, documents);
    else if (event.streamName.startsWith(WORKFORCE_PREFIX)) holder(event, people);
    else if (ERASURE_EVENTS.has(event.type) && typeof event.data.personId === 'string') erased.push(event.data.personId);
  });
  await write(context, [...documents.values()], [...people.values()], erased);
}

function isCorrectionWithText(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).some(isVaultEnvelope);
}

/** The clear text of each field the stored event sealed (an erased one opens to no text). */
function texts(stored: Record<string, unknown>, opened: Record<string, unknown>): [string, string][] {
  return Object.keys(stored).flatMap((field) => (isVaultEnvelope(stored[field]) && typeof opened[field] === 'string' ? [[field, opened[field]]] : []));
}

function change(
  documents: Map<string, DocumentChange>,
  docId: string,
  make: () => Omit<DocumentChange, 'parts' | 'doc_id' | 'last_position'>,
  position: string,
) {
  const existing = documents.get(docId);
  if (existing !== undefined) {
    existing.last_position = position;
    return existing;
  }
  const created: DocumentChange = { ...make(), doc_id: docId, parts: {}, last_position: position };
  documents.set(docId, created);
  return created;
}

function caseDocuments(event: RecordedEvent, data: Record<string, unknown>, position: string, documents: Map<string, DocumentChange>): void {
  const caseId = event.streamName.slice(CASE_PREFIX.length);
  const owner = casePersonId(caseId);
  const ofCase = () => change(documents, `case:${caseId}`, () => ({ ...blank(owner), kind: 'case', case_id: caseId, reference: caseId }), position);
  const ofSubject = (subjectId: string) =>
    change(documents, `person:${caseId}:${subjectId}`, () => ({ ...blank(owner), kind: 'person', case_id: caseId, reference: '' }), position);
  // A correction's replacement takes the place of the corrected event's text, field by field.
  const correction = event.type === 'RecordCorrected' && typeof event.data.correctsEventId === 'string';
  const stored = (correction ? event.data.replacement : event.data) as Record<string, unknown>;
  const clear = (correction ? data.replacement : data) as Record<string, unknown>;
  const textOf = correction ? String(event.data.correctsEventId) : event.eventId;
  const document = ofCase();
  const subjectId = typeof stored.subjectId === 'string' ? stored.subjectId : undefined;
  const subject = subjectId === undefined ? undefined : ofSubject(subjectId);
  if (subject !== undefined && typeof stored.personId === 'string') {
    subject.person_id = stored.personId;
    subject.reference = stored.personId;
  }
  for (const [field, text] of texts(stored, clear)) {
    document.parts[`${textOf}.${field}`] = text;
    if (subject !== undefined) subject.parts[`${textOf}.${field}`] = text;
  }
}

function registerDocuments(
  event: RecordedEvent,
  data: Record<string, unknown>,
  position: string,
  documents: Map<string, DocumentChange>,
  people: Map<string, PersonChange>,
): void {
  const register = REGISTER_OF[event.type];
  if (register === undefined) return;
  const personId = event.streamName.slice(PERSON_STREAM_PREFIX.length);
  const force = typeof event.data.force === 'string' ? event.data.force : null;
  const person = people.get(personId) ?? { person_id: personId, register_force: null, holder_known: false, holder_force: null };
  person.register_force ??= force;
  people.set(personId, person);
  const stored = event.data;
  const entryId =
    [stored.businessInterestId, stored.associationId].find((value) => typeof value === 'string') ?? (register === 'VETTING' ? 'vetting' : event.eventId);
  const dateField = (REGISTER_EVENT_DECLARATIONS.dateFields as Readonly<Record<string, string | undefined>>)[event.type];
  const onDay = dateField === undefined ? null : (stored[dateField] as string | undefined);
  const document = change(
    documents,
    `register:${personId}:${String(entryId)}`,
    () => ({ ...blank(personId), kind: 'register-entry', person_id: personId, force, entry: register, on_day: onDay ?? null, reference: personId }),
    position,
  );
  for (const [field, text] of texts(stored, data)) document.parts[`${event.eventId}.${field}`] = text;
}

function recommendationDocument(event: RecordedEvent, data: Record<string, unknown>, position: string, documents: Map<string, DocumentChange>): void {
  const recommendationId = event.streamName.slice(RECOMMENDATION_STREAM_PREFIX.length);
  const made = event.type === 'RecommendationMade';
  const document = change(
    documents,
    `recommendation:${recommendationId}`,
    () => ({ ...blank(`${RECOMMENDATION_STREAM_PREFIX}${recommendationId}`), kind: 'recommendation', reference: recommendationId }),
    position,
  );
  if (made) {
    document.force = typeof event.data.force === 'string' ? event.data.force : null;
    document.entry = typeof event.data.source === 'string' ? event.data.source : null;
    document.on_day = typeof event.data.madeOn === 'string' ? event.data.madeOn : null;
    // The maker's own reference (an IOPC reference, a report's title) is not personal data.
    document.reference = [recommendationId, event.data.reference].filter((value) => typeof value === 'string').join(' ');
  }
  for (const [field, text] of texts(event.data, data)) document.parts[`${event.eventId}.${field}`] = text;
}

function holder(event: RecordedEvent, people: Map<string, PersonChange>): void {
  const personId = event.data.personId;
  if (typeof personId !== 'string') return;
  const person = people.get(personId) ?? { person_id: personId, register_force: null, holder_known: false, holder_force: null };
  person.holder_known = true;
  person.holder_force = event.type === 'WorkforceMemberJoined' && typeof event.data.force === 'string' ? event.data.force : null;
  people.set(personId, person);
}

function blank(owner: string): Omit<DocumentChange, 'parts' | 'doc_id' | 'last_position' | 'kind' | 'reference'> {
  return { case_id: null, person_id: null, force: null, vault_owner: owner, entry: null, on_day: null };
}

/** The document's text: its parts in key order, so a correction or an erasure rewrites it whole. */
const BODY = (parts: string) => `coalesce((SELECT string_agg(value, ' ' ORDER BY key) FROM jsonb_each_text(${parts})), '')`;

/** Three statements at most: the documents, the people, the erasures (last: nothing of an erased key may stay). */
async function write(context: ProjectionContext, documents: DocumentChange[], people: PersonChange[], erased: string[]): Promise<void> {
  const table = context.table(SEARCH_DOCUMENTS_TABLE);
  if (documents.length > 0) {
    await context.client.query(
      `INSERT INTO ${table} AS d (doc_id, kind, case_id, person_id, force, vault_owner, entry, on_day, reference, parts, body, last_position)
       SELECT doc_id, kind, case_id, person_id, force, vault_owner, entry, on_day, reference, parts, ${BODY('parts')}, last_position
         FROM jsonb_to_recordset($1::jsonb) AS r(doc_id text, kind text, case_id text, person_id text, force text, vault_owner text,
                                                 entry text, on_day date, reference text, parts jsonb, last_position text)
       ON CONFLICT (doc_id) DO UPDATE SET
         person_id = coalesce(EXCLUDED.person_id, d.person_id),
         force = coalesce(EXCLUDED.force, d.force),
         entry = coalesce(d.entry, EXCLUDED.entry),
         on_day = coalesce(d.on_day, EXCLUDED.on_day),
         reference = CASE WHEN EXCLUDED.reference = '' THEN d.reference ELSE EXCLUDED.reference END,
         parts = d.parts || EXCLUDED.parts,
         body = ${BODY('d.parts || EXCLUDED.parts')},
         last_position = EXCLUDED.last_position`,
      [JSON.stringify(documents)],
    );
  }
  if (people.length > 0) {
    const peopleTable = context.table(SEARCH_PEOPLE_TABLE);
    await context.client.query(
      `INSERT INTO ${peopleTable} AS p (person_id, register_force, holder_known, holder_force)
       SELECT person_id, register_force, holder_known, holder_force
         FROM jsonb_to_recordset($1::jsonb) AS r(person_id text, register_force text, holder_known boolean, holder_force text)
       ON CONFLICT (person_id) DO UPDATE SET
         register_force = coalesce(p.register_force, EXCLUDED.register_force),
         holder_force = CASE WHEN EXCLUDED.holder_known THEN EXCLUDED.holder_force ELSE p.holder_force END,
         holder_known = p.holder_known OR EXCLUDED.holder_known`,
      [JSON.stringify(people)],
    );
  }
  if (erased.length > 0) {
    await context.client.query(`UPDATE ${table} SET parts = '{}'::jsonb, body = '' WHERE vault_owner = ANY($1::text[])`, [erased]);
  }
}
