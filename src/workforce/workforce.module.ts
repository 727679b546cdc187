/**
 * `POST /workforce/{force}/returns` (docs/api.md): the body, the route, and the write path.
 * Returns are made by the force's administrators, its DCC or its appropriate authority, for
 * their own force (403 for another: a force's existence is no secret). The same people record
 * who is in their workforce (`POST /workforce/{force}/members`, `…/members/{personId}/departure`),
 * which decides the force keeping each person's integrity record (workforce-members.ts).
 */
import { Module } from '@nestjs/common';
import { CountField, DayField, IdField } from '../shared/dto-fields';
import type { Role } from '../http';
import { commandController, commandRoute } from '../shared/command-routes';
import { forceOfEntry, ForceField } from '../shared/force';
import { deciderSlice } from '../shared/write-path';
import { WORKFORCE_EVENT_DATE, WORKFORCE_EVENT_SCHEMA_VERSION, workforceDecider, workforceEvent } from './workforce';
import type { WorkforceEvent, WorkforceReturned, WorkforceState } from './workforce';
import {
  WORKFORCE_MEMBER_EVENT_DATE,
  WORKFORCE_MEMBER_EVENT_SCHEMA_VERSION,
  workforceMemberDecider,
  workforceMemberEvent,
  workforceMemberStreamName,
} from './workforce-members';
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
  schemaVersions: WORKFORCE_EVENT_SCHEMA_VERSION,
  dateFields: WORKFORCE_EVENT_DATE,
  streamName: (command) => `workforce-${command.data.force}`,
});

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
  slice: WORKFORCE,
  routes: [returns],
  aggregateId: 'force',
});

export const WORKFORCE_MEMBERS = deciderSlice<WorkforceMemberEvent, WorkforceMemberEvent, WorkforceMembership>({
  decider: workforceMemberDecider,
  schemaVersions: WORKFORCE_MEMBER_EVENT_SCHEMA_VERSION,
  dateFields: WORKFORCE_MEMBER_EVENT_DATE,
  streamName: (command) => workforceMemberStreamName(command.data.personId),
});

const joining = commandRoute(
  { name: 'RecordWorkforceMemberJoined', path: ':force/members', params: WorkforceParams, body: WorkforceMemberJoinedBody, roles: WORKFORCE_RECORDERS, events: 'WorkforceMemberJoined' },
  ({ fields }, { params, context }) => {
    const force = forceOfEntry(context.actor, params.force);
    const { personId, joinedOn } = fields as unknown as WorkforceMemberJoinedBody;
    return { command: workforceMemberEvent('WorkforceMemberJoined', { personId, force, joinedOn }), ids: { personId, force } };
  },
);

const leaving = commandRoute(
  { name: 'RecordWorkforceMemberLeft', path: ':force/members/:personId/departure', params: WorkforceMemberParams, body: WorkforceMemberLeftBody, roles: WORKFORCE_RECORDERS, events: 'WorkforceMemberLeft' },
  ({ fields }, { params, context }) => {
    const force = forceOfEntry(context.actor, params.force);
    const { leftOn } = fields as unknown as WorkforceMemberLeftBody;
    return { command: workforceMemberEvent('WorkforceMemberLeft', { personId: params.personId, force, leftOn }), ids: { personId: params.personId, force } };
  },
);

export const WorkforceMembersController = commandController({
  path: 'workforce',
  tag: 'workforce',
  name: 'WorkforceMembersController',
  slice: WORKFORCE_MEMBERS,
  routes: [joining, leaving],
  aggregateId: 'personId',
});

@Module({
  controllers: [WorkforceController, WorkforceMembersController],
})
export class WorkforceModule {}
