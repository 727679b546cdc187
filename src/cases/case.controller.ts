/**
 * The case commands over HTTP (docs/api.md, "Cases: commands"). `POST /cases` is written out: it
 * chooses the case id and is the one command that may find its case already there. Every
 * other row is a route of CASE_COMMAND_ROUTES, mounted below with the same decorators a
 * hand-written method would carry, so Nest's validation and the OpenAPI document see each
 * row's own body class.
 */
import { applyDecorators, Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiCommand, CommandContext, commandResponse, CommandResponse, Roles } from '../http';
import { RechecksRightsOnReplay } from '../http/replay-rights';
import { WriteCommand } from '../shared/write-path';
import type { CaseCommand } from './case.command-types';
import { CASE_COMMAND_ROUTES, CASE_RECORDERS, describeRoute, toCaseCommand } from './case.command-routes';
import type { CaseCommandRoute } from './case.command-routes';
import { CaseReplayRights } from './case.replay-rights';
import { CASES } from './case.slice';
import { ReceiveReferralBody } from './dto/opening.dto';
import { CaseParams, SubjectParams } from './dto/params.dto';

const NOT_FOUND = ApiResponse({ status: 404, description: 'No such case in a force the actor acts for.' });

@ApiTags('cases')
@Controller('cases')
// A retry replayed from its Idempotency-Key is answered only while its sender may still write to the case.
@RechecksRightsOnReplay(CaseReplayRights)
export class CaseCommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles(...CASE_RECORDERS)
  @ApiCommand('caseId')
  @ApiOperation({ operationId: 'ReceiveReferral', summary: 'Opens a case: appends ReferralReceived' })
  receiveReferral(@Body() body: ReceiveReferralBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    // Derived from the Idempotency-Key when there is one, so a retry names the same case.
    const caseId = body.caseId ?? context.newId('case');
    return this.execute({ ...body, type: 'ReceiveReferral', caseId }, context);
  }

  /** What every mounted route runs. */
  runRoute(route: CaseCommandRoute, params: SubjectParams | CaseParams, body: object, context: CommandContext): Promise<CommandResponse> {
    return this.execute(toCaseCommand(route, params, body), context);
  }

  private async execute(command: CaseCommand, context: CommandContext): Promise<CommandResponse> {
    const result = await this.commandBus.execute(new WriteCommand(CASES, command, context));
    return commandResponse({ caseId: command.caseId }, result);
  }
}

/**
 * Adds `route` to the controller as a method `route.name`, decorated as if written by hand:
 * `@Post(path) @Roles(...) handle(@Param() params, @Body() body: RouteBody, @CommandContext() context)`.
 * `design:paramtypes` is what TypeScript would have emitted for those parameter types.
 */
function mountRoute(route: CaseCommandRoute): void {
  const prototype = CaseCommandsController.prototype;
  const params = route.path.includes(':subjectId') ? SubjectParams : CaseParams;
  const handle = function (this: CaseCommandsController, ...args: [CaseParams, object, CommandContext]) {
    return this.runRoute(route, ...args);
  };
  // The OpenAPI explorer looks metadata up by the function's own name.
  Object.defineProperty(handle, 'name', { value: route.name });
  Object.defineProperty(prototype, route.name, { value: handle, writable: true, configurable: true });
  Reflect.defineMetadata('design:paramtypes', [params, route.body, Object], prototype, route.name);
  Param()(prototype, route.name, 0);
  Body()(prototype, route.name, 1);
  CommandContext()(prototype, route.name, 2);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, route.name);
  if (descriptor === undefined) throw new Error(`could not mount ${route.name}`);
  applyDecorators(
    Post(`:caseId/${route.path}`),
    Roles(...route.roles),
    ApiCommand('caseId'),
    NOT_FOUND,
    ApiOperation({ operationId: route.name, summary: describeRoute(route) }),
  )(prototype, route.name, descriptor);
}

CASE_COMMAND_ROUTES.forEach(mountRoute);
