/**
 * The alerts' reads: `GET /alerts?force=&open=` (the DCC's list of the force's alerts),
 * `GET /alerts/thresholds?force=` (the thresholds in force and every change, with who made
 * it and when) and `GET /people/{personId}/alerts` (on the person's record: a read of the
 * person, with its purpose, recorded and refused as an integrity record read is).
 */
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OptionalBooleanQuery } from '../../src/common/dto-fields';
import { AccessPurpose, StatesPurpose } from '../../src/access/access-purpose';
import { PersonRecordReads } from '../../src/access-log/person-record-reads';
import { ALERT_READERS } from '../../src/alerts/alert.routes';
import { ALL_FORCES, forceOfEntry, OptionalForceField } from '../../src/common/force';
import { EventStore } from '../../src/event-store/event-store';
import { CurrentActor, ReadRoute, ReadsProjections, Roles } from '../../src/http';
import type { Actor } from '../../src/http';
import { PersonParams } from '../../src/registers/dto/params.dto';
import { ensurePersonAccess, personAccessRefusal, personNotFound } from '../../src/registers/person-access';
import { workforceHolderOf } from '../../src/workforce/workforce-holder';
import { ALERTS_PROJECTION } from './alerts.projection';
import { AlertsQueries } from './alerts.queries';
import type { AlertPage, AlertThresholds } from './alerts.queries';

export class AlertListQuery {
  @OptionalForceField()
  force?: string;

  @OptionalBooleanQuery('true: not yet dispositioned (open or acknowledged); false: dispositioned')
  open?: boolean;
}

export class AlertThresholdsQuery {
  @OptionalForceField()
  force?: string;
}

@ApiTags('alerts')
@Controller()
export class AlertsController {
  constructor(
    private readonly queries: AlertsQueries,
    private readonly reads: PersonRecordReads,
    private readonly store: EventStore,
  ) {}

  @Get('alerts')
  @Roles(...ALERT_READERS)
  @ReadsProjections(ALERTS_PROJECTION)
  @ReadRoute({ operationId: 'ListAlerts', summary: "The force's early-intervention alerts, newest first (100 beside a total)", response: 'AlertPage' })
  list(@Query() query: AlertListQuery, @CurrentActor() actor: Actor): Promise<AlertPage> {
    const scope = actor.force === ALL_FORCES ? null : actor.force;
    return this.queries.list({ scope, force: query.force, open: query.open });
  }

  @Get('alerts/thresholds')
  @Roles(...ALERT_READERS)
  @ReadsProjections(ALERTS_PROJECTION)
  @ReadRoute({
    operationId: 'ListAlertThresholds',
    summary: "The force's alert thresholds in force, and every change to them (who, when)",
    response: 'AlertThresholds',
  })
  thresholds(@Query() query: AlertThresholdsQuery, @CurrentActor() actor: Actor): Promise<AlertThresholds> {
    return this.queries.thresholds(forceOfEntry(actor, query.force));
  }

  /** As `GET /people/{personId}/integrity-record`: a purpose, every read recorded, 404 for another force's person, 403 for one's own. */
  @Get('people/:personId/alerts')
  @Roles(...ALERT_READERS)
  @StatesPurpose('this record')
  @ReadsProjections(ALERTS_PROJECTION)
  @ReadRoute({
    operationId: 'ReadPersonAlerts',
    response: 'AlertPage',
    notFound: "No such person in the reader's force (the same answer, whichever).",
    summary: "A person's early-intervention alerts, of the reader's force",
  })
  async ofPerson(@Param() { personId }: PersonParams, @CurrentActor() actor: Actor, @AccessPurpose() purpose: string): Promise<AlertPage> {
    const [holder, firstForce] = await Promise.all([workforceHolderOf(this.store, personId), this.queries.forceOfPerson(personId)]);
    const personForce = holder ?? firstForce;
    const refusal = personForce === null ? 'personNotFound' : personAccessRefusal(actor, personId, personForce);
    await this.reads.record({ actor, purpose, personId, personForce }, refusal);
    if (personForce === null) throw personNotFound(personId);
    ensurePersonAccess(actor, personId, personForce);
    return this.queries.ofPerson(personId, actor.force === ALL_FORCES ? null : actor.force);
  }
}
