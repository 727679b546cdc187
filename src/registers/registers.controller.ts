/**
 * `POST /people/{personId}/...`: the register commands (docs/api.md, "Registers,
 * recommendations, workforce"), one `@Post` per row. Each records one entry: the body's
 * fields, the ids of the path, a new entry's id when the body has none, and the force whose
 * register it is in (the body's, or the writer's own). The compiler checks each entry
 * against its event's type.
 */
import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, commandResponse, CommandResponse } from '../http';
import { chooseEvent, CommandStep, givenOrNewId } from '../common/command-routes';
import type { EventChoice } from '../common/command-routes';
import { forceOfEntry } from '../common/force';
import { WriteCommand } from '../common/write-path';
import { AssessAssociationRiskBody, DeclareAssociationBody, EndAssociationBody } from './dto/association.dto';
import {
  ApplyForBusinessInterestBody,
  ComplianceCheckBody,
  DecideBusinessInterestBody,
  RescindBusinessInterestBody,
  ReviewBody,
  WithdrawBusinessInterestBody,
} from './dto/business-interest.dto';
import { AssociationParams, BusinessInterestParams, PersonParams } from './dto/params.dto';
import {
  ConflictOfInterestBody,
  DrugTestBody,
  EarlierSanctionBody,
  GiftOrHospitalityBody,
  SystemAccessFindingBody,
  VettingBody,
} from './dto/register-entry.dto';
import { REGISTER_RECORDERS } from './person-access';
import { PERSON_REGISTERS } from './person.stream';
import { registerEvent } from './registers.events';
import type { RegisterEvent, RegisterEventType } from './registers.events';

const VETTING_EVENTS = { GRANT: 'VettingGranted', REVIEW: 'VettingReviewed', WITHDRAW: 'VettingWithdrawn' } as const;

/** A register route: its roles, OpenAPI answers, operationId and the events it appends. */
const BUSINESS_INTEREST_IDS = ['personId', 'businessInterestId'];
const ASSOCIATION_IDS = ['personId', 'associationId'];

/** `ids`: what the 201 names, the person and the entry's own id where it has one. */
const RegisterStep = (name: string, events: EventChoice<RegisterEventType>, ids: readonly string[] = ['personId']): MethodDecorator =>
  CommandStep(name, events, REGISTER_RECORDERS, ids);

@ApiTags('registers')
@Controller('people')
export class RegistersController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':personId/business-interests')
  @RegisterStep('ApplyForBusinessInterest', 'BusinessInterestApplied', BUSINESS_INTEREST_IDS)
  applyForBusinessInterest(
    @Param() { personId }: PersonParams,
    @Body() { force, ...body }: ApplyForBusinessInterestBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const businessInterestId = givenOrNewId(body.businessInterestId, 'businessInterestId', context);
    const event = registerEvent('BusinessInterestApplied', { ...body, businessInterestId, force: forceOfEntry(context.actor, force) });
    return this.record(personId, event, context, { businessInterestId });
  }

  @Post(':personId/business-interests/:businessInterestId/decision')
  @RegisterStep('DecideBusinessInterest', 'BusinessInterestDecided', BUSINESS_INTEREST_IDS)
  decideBusinessInterest(
    @Param() { personId, businessInterestId }: BusinessInterestParams,
    @Body() { force, ...body }: DecideBusinessInterestBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const event = registerEvent('BusinessInterestDecided', { ...body, businessInterestId, force: forceOfEntry(context.actor, force) });
    return this.record(personId, event, context, { businessInterestId });
  }

  @Post(':personId/business-interests/:businessInterestId/review')
  @RegisterStep('ReviewBusinessInterest', 'BusinessInterestReviewed', BUSINESS_INTEREST_IDS)
  reviewBusinessInterest(
    @Param() { personId, businessInterestId }: BusinessInterestParams,
    @Body() { force, ...body }: ReviewBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const event = registerEvent('BusinessInterestReviewed', { ...body, businessInterestId, force: forceOfEntry(context.actor, force) });
    return this.record(personId, event, context, { businessInterestId });
  }

  @Post(':personId/business-interests/:businessInterestId/rescind')
  @RegisterStep('RescindBusinessInterest', 'BusinessInterestRescinded', BUSINESS_INTEREST_IDS)
  rescindBusinessInterest(
    @Param() { personId, businessInterestId }: BusinessInterestParams,
    @Body() { force, ...body }: RescindBusinessInterestBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const event = registerEvent('BusinessInterestRescinded', { ...body, businessInterestId, force: forceOfEntry(context.actor, force) });
    return this.record(personId, event, context, { businessInterestId });
  }

  @Post(':personId/business-interests/:businessInterestId/withdraw')
  @RegisterStep('WithdrawBusinessInterest', 'BusinessInterestWithdrawn', BUSINESS_INTEREST_IDS)
  withdrawBusinessInterest(
    @Param() { personId, businessInterestId }: BusinessInterestParams,
    @Body() { force, ...body }: WithdrawBusinessInterestBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const event = registerEvent('BusinessInterestWithdrawn', { ...body, businessInterestId, force: forceOfEntry(context.actor, force) });
    return this.record(personId, event, context, { businessInterestId });
  }

  @Post(':personId/business-interests/:businessInterestId/compliance-checks')
  @RegisterStep('CheckBusinessInterestCompliance', 'BusinessInterestComplianceChecked', BUSINESS_INTEREST_IDS)
  checkBusinessInterestCompliance(
    @Param() { personId, businessInterestId }: BusinessInterestParams,
    @Body() { force, ...body }: ComplianceCheckBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const event = registerEvent('BusinessInterestComplianceChecked', { ...body, businessInterestId, force: forceOfEntry(context.actor, force) });
    return this.record(personId, event, context, { businessInterestId });
  }

  @Post(':personId/gifts-and-hospitality')
  @RegisterStep('RecordGiftOrHospitality', 'GiftOrHospitalityOffered')
  recordGiftOrHospitality(
    @Param() { personId }: PersonParams,
    @Body() { force, ...body }: GiftOrHospitalityBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.record(personId, registerEvent('GiftOrHospitalityOffered', { ...body, force: forceOfEntry(context.actor, force) }), context);
  }

  @Post(':personId/associations')
  @RegisterStep('DeclareNotifiableAssociation', 'NotifiableAssociationDeclared', ASSOCIATION_IDS)
  declareNotifiableAssociation(
    @Param() { personId }: PersonParams,
    @Body() { force, ...body }: DeclareAssociationBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const associationId = givenOrNewId(body.associationId, 'associationId', context);
    const event = registerEvent('NotifiableAssociationDeclared', { ...body, associationId, force: forceOfEntry(context.actor, force) });
    return this.record(personId, event, context, { associationId });
  }

  @Post(':personId/associations/:associationId/risk-assessment')
  @RegisterStep('AssessAssociationRisk', 'AssociationRiskAssessed', ASSOCIATION_IDS)
  assessAssociationRisk(
    @Param() { personId, associationId }: AssociationParams,
    @Body() { force, ...body }: AssessAssociationRiskBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const event = registerEvent('AssociationRiskAssessed', { ...body, associationId, force: forceOfEntry(context.actor, force) });
    return this.record(personId, event, context, { associationId });
  }

  @Post(':personId/associations/:associationId/review')
  @RegisterStep('ReviewAssociation', 'AssociationReviewed', ASSOCIATION_IDS)
  reviewAssociation(
    @Param() { personId, associationId }: AssociationParams,
    @Body() { force, ...body }: ReviewBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const event = registerEvent('AssociationReviewed', { ...body, associationId, force: forceOfEntry(context.actor, force) });
    return this.record(personId, event, context, { associationId });
  }

  @Post(':personId/associations/:associationId/end')
  @RegisterStep('EndAssociation', 'AssociationEnded', ASSOCIATION_IDS)
  endAssociation(
    @Param() { personId, associationId }: AssociationParams,
    @Body() { force, ...body }: EndAssociationBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const event = registerEvent('AssociationEnded', { ...body, associationId, force: forceOfEntry(context.actor, force) });
    return this.record(personId, event, context, { associationId });
  }

  @Post(':personId/conflicts-of-interest')
  @RegisterStep('DeclareConflictOfInterest', 'ConflictOfInterestDeclared')
  declareConflictOfInterest(
    @Param() { personId }: PersonParams,
    @Body() { force, ...body }: ConflictOfInterestBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.record(personId, registerEvent('ConflictOfInterestDeclared', { ...body, force: forceOfEntry(context.actor, force) }), context);
  }

  @Post(':personId/vetting')
  @RegisterStep('RecordVettingStep', VETTING_EVENTS)
  recordVettingStep(
    @Param() { personId }: PersonParams,
    @Body() { force, ...body }: VettingBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const { type, fields } = chooseEvent(VETTING_EVENTS, body);
    // The compiler cannot pair a chosen type with its fields: the body's validation requires each action's own (ForActions).
    const event = { type, data: { ...fields, force: forceOfEntry(context.actor, force) } } as unknown as RegisterEvent;
    return this.record(personId, event, context);
  }

  @Post(':personId/drug-tests')
  @RegisterStep('RecordDrugTest', 'DrugTestRecorded')
  recordDrugTest(
    @Param() { personId }: PersonParams,
    @Body() { force, ...body }: DrugTestBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.record(personId, registerEvent('DrugTestRecorded', { ...body, force: forceOfEntry(context.actor, force) }), context);
  }

  @Post(':personId/system-access-findings')
  @RegisterStep('RecordSystemAccessFinding', 'SystemAccessAuditFinding')
  recordSystemAccessFinding(
    @Param() { personId }: PersonParams,
    @Body() { force, ...body }: SystemAccessFindingBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.record(personId, registerEvent('SystemAccessAuditFinding', { ...body, force: forceOfEntry(context.actor, force) }), context);
  }

  /** A sanction or finding from before the ledger: it joins the person's sanction history (src/cases/sanction-history.ts). */
  @Post(':personId/earlier-sanctions')
  @RegisterStep('RecordEarlierSanction', 'EarlierSanctionRecorded')
  recordEarlierSanction(
    @Param() { personId }: PersonParams,
    @Body() { force, ...body }: EarlierSanctionBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const sanctionId = givenOrNewId(body.sanctionId, 'sanctionId', context);
    return this.record(personId, registerEvent('EarlierSanctionRecorded', { ...body, sanctionId, force: forceOfEntry(context.actor, force) }), context, {
      sanctionId,
    });
  }

  /** Records the entry in the person's registers; the 201 names the person and the entry's ids. */
  private async record(personId: string, event: RegisterEvent, context: CommandContext, ids: Record<string, string> = {}): Promise<CommandResponse> {
    const result = await this.commandBus.execute(new WriteCommand(PERSON_REGISTERS, { personId, event }, context));
    return commandResponse({ personId, ...ids }, result);
  }
}
