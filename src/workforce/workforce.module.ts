/**
 * `POST /workforce/{force}/returns` (docs/api.md): the body, the route, and the slice on the one write path.
 * Returns are made by the force's administrators, its DCC or its appropriate authority, for
 * their own force (403 for another: a force's existence is no secret). The same people record
 * who is in their workforce (`POST /workforce/{force}/members`, `…/members/{personId}/departure`),
 * which decides the force keeping each person's integrity record (workforce-members.ts).
 */
import { Body, Controller, Module, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CountField, DayField, IdField } from '../common/dto-fields';
import { CommandContext, commandResponse, CommandResponse } from '../http';
import type { Role } from '../http';
import { CommandStep } from '../common/command-routes';
import { forceOfEntry, ForceField } from '../common/force';
import { deciderSlice, WriteCommand } from '../common/write-path';
import { WORKFORCE_EVENT_DECLARATIONS, workforceDecider, workforceEvent } from './workforce';
import type { WorkforceEvent, WorkforceReturned, WorkforceState } from './workforce';
import { WORKFORCE_MEMBER_EVENT_DECLARATIONS, workforceMemberDecider, workforceMemberEvent, workforceMemberStreamName } from './workforce-members';
import type { WorkforceMemberEvent, WorkforceMembership } from './workforce-members';

const MAX_HEADCOUNT = 1_000_000;

export class WorkforceParams {
  @ForceField()
  force!: string;
}

export class WorkforceReturnBody implements Omit<WorkforceReturned, 'force'> {
  @DayField({ description: 'The date the headcounts are as at' })
  asAt!: string;

  @CountField(MAX_HEADCOUNT)
  officers!: number;

  @CountField(MAX_HEADCOUNT)
  staff!: number;

  @CountField(MAX_HEADCOUNT, { description: 'Special constables' })
  specials!: number;

  @CountField(MAX_HEADCOUNT)
  volunteers!: number;

  @CountField(MAX_HEADCOUNT, { description: 'Officers and staff in the professional standards department and the anti-corruption unit' })
  inPsdOrAcu!: number;
}

export class WorkforceMemberParams extends WorkforceParams {
  @IdField({ description: 'Pseudonymous id of the member of the workforce (their `person-<id>` record)' })
  personId!: string;
}

export class WorkforceMemberJoinedBody {
  @IdField({ description: 'Pseudonymous id of the member of the workforce (their `person-<id>` record)' })
  personId!: string;

  @DayField({ description: 'The day they joined the force' })
  joinedOn!: string;
}

export class WorkforceMemberLeftBody {
  @DayField({ description: 'The day they left the force' })
  leftOn!: string;
}

export const WORKFORCE_RECORDERS: readonly Role[] = ['ADMIN', 'DCC', 'APPROPRIATE_AUTHORITY'];

export const WORKFORCE = deciderSlice<WorkforceEvent, WorkforceEvent, WorkforceState>({
  decider: workforceDecider,
  events: WORKFORCE_EVENT_DECLARATIONS,
  streamName: (command) => `workforce-${command.data.force}`,
});

export const WORKFORCE_MEMBERS = deciderSlice<WorkforceMemberEvent, WorkforceMemberEvent, WorkforceMembership>({
  decider: workforceMemberDecider,
  events: WORKFORCE_MEMBER_EVENT_DECLARATIONS,
  streamName: (command) => workforceMemberStreamName(command.data.personId),
});

/** The workforce routes, one `@Post` each; a writer records for their own force only (403 otherwise). */
@ApiTags('workforce')
@Controller('workforce')
export class WorkforceController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':force/returns')
  @CommandStep('MakeWorkforceReturn', 'WorkforceReturned', WORKFORCE_RECORDERS, 'force')
  async makeWorkforceReturn(
    @Param() params: WorkforceParams,
    @Body() body: WorkforceReturnBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const force = forceOfEntry(context.actor, params.force);
    const result = await this.commandBus.execute(new WriteCommand(WORKFORCE, workforceEvent('WorkforceReturned', { ...body, force }), context));
    return commandResponse({ force }, result);
  }

  @Post(':force/members')
  @CommandStep('RecordWorkforceMemberJoined', 'WorkforceMemberJoined', WORKFORCE_RECORDERS, ['personId', 'force'])
  async recordWorkforceMemberJoined(
    @Param() params: WorkforceParams,
    @Body() { personId, joinedOn }: WorkforceMemberJoinedBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const force = forceOfEntry(context.actor, params.force);
    const result = await this.commandBus.execute(
      new WriteCommand(WORKFORCE_MEMBERS, workforceMemberEvent('WorkforceMemberJoined', { personId, force, joinedOn }), context),
    );
    return commandResponse({ personId, force }, result);
  }

  @Post(':force/members/:personId/departure')
  @CommandStep('RecordWorkforceMemberLeft', 'WorkforceMemberLeft', WORKFORCE_RECORDERS, ['personId', 'force'])
  async recordWorkforceMemberLeft(
    @Param() params: WorkforceMemberParams,
    @Body() { leftOn }: WorkforceMemberLeftBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    const force = forceOfEntry(context.actor, params.force);
    const { personId } = params;
    const result = await this.commandBus.execute(
      new WriteCommand(WORKFORCE_MEMBERS, workforceMemberEvent('WorkforceMemberLeft', { personId, force, leftOn }), context),
    );
    return commandResponse({ personId, force }, result);
  }
}

@Module({
  controllers: [WorkforceController],
})
export class WorkforceModule {}
