/**
 * A person's sanction history read from the ledger itself, not from a read model, so that
 * decide and the integrity record see every outcome appended before the read (a read model
 * may lag). The cases the person is a subject of are found by their SubjectAdded events (and
 * the corrections that may name them instead); each is folded with the domain's own fold, so an
 * appeal's varied outcome or a correction counts as it does for the case. The sanctions
 * recorded from before the ledger are the register events of their person stream.
 *
 * Cost: one read of the SubjectAdded and RecordCorrected events that name the person (found by
 * what they say: `dataContains`, an index in PostgreSQL, not a scan of every subject ever
 * added), then one read per case of the person. It runs for the commands whose rules need the
 * history (CASE_HISTORY_COMMANDS) and for a read of the integrity record.
 */
import type { EventStore, RecordedEvent } from '../event-store/event-store';
import { START } from '../event-store/position';
import { personStreamName } from '../registers/person.stream';
import type { RegisterEventDataMap } from '../registers/registers.events';
import { foldCase } from './case.state';
import { caseStreamName, toCaseEnvelope } from './case.stream';
import type { CaseEventEnvelope } from './case.events';
import { earlierSanction, inOrder, sanctionsFromCase } from './sanction-history';
import type { SanctionEntry } from './sanction-history';

const CASE_STREAM_PREFIX = 'case-';
const PAGE = 1000;

/** Does this recorded SubjectAdded, or correction of one, name the person? */
function namesPerson(recorded: RecordedEvent, personId: string): boolean {
  const data = recorded.data as { personId?: unknown; replacement?: { personId?: unknown } };
  return data.personId === personId || data.replacement?.personId === personId;
}

/** The ids of the cases whose subjects include (or once included) the person. */
export async function casesNaming(store: EventStore, personId: string): Promise<string[]> {
  const caseIds = new Set<string>();
  let after = START;
  for (;;) {
    const page = await store.readAll({
      after,
      maxCount: PAGE,
      filter: {
        streamNamePrefixes: [CASE_STREAM_PREFIX],
        eventTypes: ['SubjectAdded', 'RecordCorrected'],
        dataContains: [{ personId }, { replacement: { personId } }],
      },
    });
    for (const recorded of page.events) if (namesPerson(recorded, personId)) caseIds.add(recorded.streamName.slice(CASE_STREAM_PREFIX.length));
    if (page.events.length < PAGE) return [...caseIds];
    after = page.scannedTo;
  }
}

async function sanctionsInCase(store: EventStore, caseId: string, personId: string): Promise<SanctionEntry[]> {
  const recorded = await store.readStream(caseStreamName(caseId));
  const state = foldCase(recorded.map(toCaseEnvelope).filter((envelope): envelope is CaseEventEnvelope => envelope !== null));
  return state === null ? [] : sanctionsFromCase(state, personId);
}

async function earlierSanctions(store: EventStore, personId: string): Promise<SanctionEntry[]> {
  const recorded = await store.readStream(personStreamName(personId));
  return recorded
    .filter((event) => event.type === 'EarlierSanctionRecorded')
    .map((event) => earlierSanction(event.data as unknown as RegisterEventDataMap['EarlierSanctionRecorded']));
}

/** The person's sanctions and findings in every case but `exceptCaseId`, and from before the ledger, in order. */
export async function sanctionHistoryOf(store: EventStore, personId: string, exceptCaseId?: string): Promise<SanctionEntry[]> {
  const caseIds = (await casesNaming(store, personId)).filter((caseId) => caseId !== exceptCaseId);
  const [fromCases, earlier] = await Promise.all([
    Promise.all(caseIds.map((caseId) => sanctionsInCase(store, caseId, personId))),
    earlierSanctions(store, personId),
  ]);
  return inOrder([...fromCases.flat(), ...earlier]);
}
