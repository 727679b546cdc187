/**
 * `POST /workforce/{force}/returns` (api.md): the body, the route, and the write path.
 * Returns are made by the force's administrators, its DCC or its appropriate authority, for
 * their own force (403 for another: a force's existence is no secret).
 */
import { Module } from '@nestjs/common';
import { CountField, DayField } from '../shared/dto-fields';
import type { Role } from '../http';
import { commandController, commandRoute } from '../shared/command-routes';
import { forceOfEntry, ForceField } from '../shared/force';
import { StreamCommandMessage, streamCommandHandler } from '../shared/stream-commands';
import type { StreamSlice } from '../shared/stream-commands';
import { WORKFORCE_EVENT_DATE, WORKFORCE_EVENT_SCHEMA_VERSION, workforceDecider, workforceEvent } from './workforce';
import type { WorkforceEvent, WorkforceReturned, WorkforceState } from './workforce';

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

export const WORKFORCE_RECORDERS: readonly Role[] = ['ADMIN', 'DCC', 'APPROPRIATE_AUTHORITY'];

export const WORKFORCE: StreamSlice<WorkforceEvent, WorkforceEvent, WorkforceState> = {
  decider: workforceDecider,
  schemaVersions: WORKFORCE_EVENT_SCHEMA_VERSION,
  dateFields: WORKFORCE_EVENT_DATE,
  streamName: (command) => `workforce-${command.data.force}`,
};

class ExecuteWorkforceCommand extends StreamCommandMessage<WorkforceEvent> {}

const returns = commandRoute(
  { name: 'MakeWorkforceReturn', path: ':force/returns', params: WorkforceParams, body: WorkforceReturnBody, roles: WORKFORCE_RECORDERS, events: 'WorkforceReturned' },
  ({ fields }, { params, context }) => {
    const force = forceOfEntry(context.actor, params.force);
    const body = fields as unknown as Omit<WorkforceReturned, 'force'>;
    return { command: workforceEvent('WorkforceReturned', { ...body, force }), ids: { force } };
  },
);

export const WorkforceController = commandController({
  path: 'workforce',
  tag: 'workforce',
  name: 'WorkforceController',
  message: ExecuteWorkforceCommand,
  routes: [returns],
  aggregateId: 'force',
});

@Module({
  controllers: [WorkforceController],
  providers: [streamCommandHandler(ExecuteWorkforceCommand, WORKFORCE)],
})
export class WorkforceModule {}
