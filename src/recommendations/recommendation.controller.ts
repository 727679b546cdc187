/**
 * The recommendation rows of docs/api.md: `POST /recommendations`, and its response, actions
 * and completion under `/recommendations/{recommendationId}`, one `@Post` each, sending the
 * event it proposes to the one write path (src/common/write-path.ts).
 */
import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, commandResponse, CommandResponse } from '../http';
import { CommandStep, givenOrNewId } from '../common/command-routes';
import { forceOfEntry } from '../common/force';
import { WriteCommand } from '../common/write-path';
import {
  CompleteRecommendationBody,
  MakeRecommendationBody,
  RecommendationActionBody,
  RecommendationParams,
  RespondToRecommendationBody,
} from './dto/recommendation.dto';
import { recommendationEvent } from './recommendation.events';
import type { RecommendationEvent, RecommendationEventType } from './recommendation.events';
import { RECOMMENDATION_RECORDERS } from './recommendation.routes';
import { RECOMMENDATIONS } from './recommendation.stream';

const RecommendationStep = (name: string, event: RecommendationEventType): MethodDecorator =>
  CommandStep(name, event, RECOMMENDATION_RECORDERS, 'recommendationId');

@ApiTags('recommendations')
@Controller('recommendations')
export class RecommendationCommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RecommendationStep('MakeRecommendation', 'RecommendationMade')
  makeRecommendation(@Body() { force, ...body }: MakeRecommendationBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    const recommendationId = givenOrNewId(body.recommendationId, 'recommendationId', context);
    return this.propose(
      recommendationId,
      recommendationEvent('RecommendationMade', { ...body, recommendationId, force: forceOfEntry(context.actor, force) }),
      context,
    );
  }

  @Post(':recommendationId/response')
  @RecommendationStep('RespondToRecommendation', 'RecommendationResponded')
  respondToRecommendation(
    @Param() { recommendationId }: RecommendationParams,
    @Body() body: RespondToRecommendationBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.propose(recommendationId, recommendationEvent('RecommendationResponded', { ...body }), context);
  }

  @Post(':recommendationId/actions')
  @RecommendationStep('RecordRecommendationAction', 'RecommendationActionRecorded')
  recordRecommendationAction(
    @Param() { recommendationId }: RecommendationParams,
    @Body() body: RecommendationActionBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.propose(recommendationId, recommendationEvent('RecommendationActionRecorded', { ...body }), context);
  }

  @Post(':recommendationId/complete')
  @RecommendationStep('CompleteRecommendation', 'RecommendationCompleted')
  completeRecommendation(
    @Param() { recommendationId }: RecommendationParams,
    @Body() body: CompleteRecommendationBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.propose(recommendationId, recommendationEvent('RecommendationCompleted', { ...body }), context);
  }

  private async propose(recommendationId: string, event: RecommendationEvent, context: CommandContext): Promise<CommandResponse> {
    const result = await this.commandBus.execute(new WriteCommand(RECOMMENDATIONS, { recommendationId, event }, context));
    return commandResponse({ recommendationId }, result);
  }
}
