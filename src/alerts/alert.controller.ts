/**
 * The alert commands: a force's thresholds (`POST /alerts/thresholds`, `…/{thresholdId}/removal`)
 * and an alert's handling (`POST /alerts/{alertId}/acknowledgement`, `…/disposition`), one
 * `@Post` each, sending the event it proposes to the one write path (src/common/write-path.ts).
 * Alerts themselves are raised by the ledger (alert-reactor.ts), through the same path.
 */
import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, commandResponse, CommandResponse } from '../http';
import { CommandStep, givenOrNewId } from '../common/command-routes';
import { forceOfEntry } from '../common/force';
import { WriteCommand } from '../common/write-path';
import {
  AcknowledgeAlertBody,
  AlertParams,
  AlertThresholdParams,
  DispositionAlertBody,
  RemoveAlertThresholdBody,
  SetAlertThresholdBody,
} from './dto/alert.dto';
import { alertEvent, alertThresholdEvent } from './alert.events';
import type { AlertEvent, AlertThresholdEvent } from './alert.events';
import { ALERT_CONFIGURERS, ALERT_HANDLERS } from './alert.routes';
import { ALERT_THRESHOLDS, ALERTS } from './alert.stream';

@ApiTags('alerts')
@Controller('alerts')
export class AlertCommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('thresholds')
  @CommandStep('SetAlertThreshold', 'AlertThresholdSet', ALERT_CONFIGURERS, 'thresholdId')
  async setThreshold(@Body() { force, ...body }: SetAlertThresholdBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    const thresholdId = givenOrNewId(body.thresholdId, 'thresholdId', context);
    const forceOfThreshold = forceOfEntry(context.actor, force);
    return this.proposeThreshold(
      forceOfThreshold,
      thresholdId,
      alertThresholdEvent('AlertThresholdSet', { ...body, thresholdId, force: forceOfThreshold }),
      context,
    );
  }

  @Post('thresholds/:thresholdId/removal')
  @CommandStep('RemoveAlertThreshold', 'AlertThresholdRemoved', ALERT_CONFIGURERS, 'thresholdId')
  removeThreshold(
    @Param() { thresholdId }: AlertThresholdParams,
    @Body() { force, removedOn }: RemoveAlertThresholdBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const forceOfThreshold = forceOfEntry(context.actor, force);
    return this.proposeThreshold(forceOfThreshold, thresholdId, alertThresholdEvent('AlertThresholdRemoved', { thresholdId, removedOn }), context);
  }

  @Post(':alertId/acknowledgement')
  @CommandStep('AcknowledgeAlert', 'AlertAcknowledged', ALERT_HANDLERS, 'alertId')
  acknowledge(@Param() { alertId }: AlertParams, @Body() body: AcknowledgeAlertBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.proposeAlert(alertId, alertEvent('AlertAcknowledged', { ...body }), context);
  }

  @Post(':alertId/disposition')
  @CommandStep('DispositionAlert', 'AlertDispositioned', ALERT_HANDLERS, 'alertId')
  disposition(@Param() { alertId }: AlertParams, @Body() body: DispositionAlertBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.proposeAlert(alertId, alertEvent('AlertDispositioned', { ...body }), context);
  }

  private async proposeThreshold(force: string, thresholdId: string, event: AlertThresholdEvent, context: CommandContext): Promise<CommandResponse> {
    const result = await this.commandBus.execute(new WriteCommand(ALERT_THRESHOLDS, { force, event }, context));
    return commandResponse({ thresholdId }, result);
  }

  private async proposeAlert(alertId: string, event: AlertEvent, context: CommandContext): Promise<CommandResponse> {
    const result = await this.commandBus.execute(new WriteCommand(ALERTS, { alertId, event, sentBy: context.actor.userId }, context));
    return commandResponse({ alertId }, result);
  }
}
