import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessPurpose } from '../../src/access/access-purpose';
import { PersonRecordReads } from '../../src/access-log/person-record-reads';
import { CurrentActor, ReadRoute, ReadsProjections } from '../../src/http';
import type { Actor } from '../../src/http';
import { PersonParams } from '../../src/registers/dto/params.dto';
import { ensurePersonAccess, personAccessRefusal, personNotFound, ReadsPersonRecord } from '../../src/registers/person-access';
import { Vault } from '../../src/vault/vault';
import { EventStore } from '../../src/event-store/event-store';
import { workforceHolderOf } from '../../src/workforce/workforce-holder';
import { sanctionHistoryOf } from '../../src/cases/sanction-history.reader';
import type { SanctionEntry } from '../../src/cases/sanction-history';
import { decideAccess } from '../../src/access/case-access-policy';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { INTEGRITY_RECORD_PROJECTION } from './integrity-record.projection';
import { IntegrityRecordQueries } from './integrity-record.queries';
import { integrityRecordView } from './integrity-record.view';
import type { IntegrityRecordView } from './integrity-record.view';
import { DUE_SOON_DAYS, SIGNAL_KINDS } from './signals';

@ApiTags('registers')
@Controller('people')
export class IntegrityRecordController {
  constructor(
    private readonly queries: IntegrityRecordQueries,
    private readonly reads: PersonRecordReads,
    private readonly vault: Vault,
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * One person's registers and signals. A stated purpose is required, as for a case; another
   * force's person is answered 404 and one's own record 403 (src/registers/person-access.ts).
   * The read model keeps the free text sealed; it is opened for a granted reader only.
   */
  @Get(':personId/integrity-record')
  @ReadsPersonRecord()
  @ReadsProjections(INTEGRITY_RECORD_PROJECTION)
  @ReadRoute({
    operationId: 'ReadIntegrityRecord',
    response: 'IntegrityRecord',
    notFound: "No such person in the reader's force (the same answer, whichever).",
    summary: "A person's registers, with the signals judged against today",
    description: `Every register of the person, the yearly reviews' due dates, and signals (${SIGNAL_KINDS.join(', ')}); reviews are DUE within ${DUE_SOON_DAYS} days. Free text (details, conditions, offeredBy, person) reads { "erased": true } once the person's data is erased.`,
  })
  async read(@Param() { personId }: PersonParams, @CurrentActor() actor: Actor, @AccessPurpose() purpose: string): Promise<IntegrityRecordView> {
    const [stored, holder] = await Promise.all([this.queries.find(personId), workforceHolderOf(this.store, personId)]);
    // The sanction history is read from the ledger, as decide reads it (src/cases/sanction-history.reader.ts).
    const sanctions = stored === undefined ? [] : await sanctionHistoryOf(this.store, personId);
    // A sanction's case is named only to a reader who may read that case (its force, its sensitivity).
    const mayKnowOfCase = ({ caseId, caseAccess }: SanctionEntry): boolean =>
      caseAccess !== null && decideAccess(actor, { ...caseAccess, subjectPersonIds: [], ...(caseId === null ? {} : { caseId }) }).granted;
    const view = stored === undefined ? null : integrityRecordView(personId, stored.events, this.clock.today(), sanctions, mayKnowOfCase);
    // The force whose workforce holds the person keeps their record, whoever wrote in it first.
    const personForce = holder ?? stored?.force ?? null;
    // Every read is recorded (PersonRecordAccessed), granted or refused, before it is answered.
    const refusal = stored === undefined ? 'personNotFound' : (personAccessRefusal(actor, personId, personForce) ?? (view === null ? 'personNotFound' : null));
    await this.reads.record({ actor, purpose, personId, personForce }, refusal);
    if (stored === undefined) throw personNotFound(personId);
    ensurePersonAccess(actor, personId, personForce);
    if (view === null) throw personNotFound(personId);
    return this.vault.open(view);
  }
}
