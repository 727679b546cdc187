import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseParams } from '../../cases/dto/params.dto';
import type { AppendResult } from '../../event-store/event-store';
import { ApiCommand, CommandContext, commandResponse, CommandResponse, Roles } from '../../http';
import { CommandAggregate } from '../../common/command-routes';
import { WriteCommand } from '../../common/write-path';
import { CASE_READER_ROLES } from '../case-access-policy';
import { CASE_CONFLICTS } from './conflict.slice';
import { ConflictRegistry } from './conflict-registry';
import { DeclareConflictBody } from './declare-conflict.dto';

/**
 * A reader declares a conflict of interest on themselves for one case; from then on they may
 * not read it. The case is not looked up: a declaration on a case one cannot see (or that
 * does not exist) is accepted the same way, so the answer reveals nothing. It goes through
 * the one write path (conflict.slice.ts): the details are sealed under the declarer's own
 * vault key before the append.
 *
 * It is the one write every role that reads cases has, the read-only INSPECTOR and AUDITOR
 * included: a declaration only ever takes a right away from its author, and a reader who
 * knows of a conflict must be able to say so, whatever their role. ADMIN reads no case, so
 * has none to declare.
 */
@ApiTags('cases')
@Controller('cases')
export class ConflictsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly registry: ConflictRegistry,
  ) {}

  @Post(':caseId/conflicts')
  @HttpCode(201)
  @Roles(...CASE_READER_ROLES)
  @ApiCommand('caseId')
  // The case page offers its form (src/web/command-forms.ts); the contract stays this route's own.
  @CommandAggregate('caseId')
  @ApiOperation({
    operationId: 'DeclareConflict',
    summary: 'Declare a conflict of interest of your own on a case: you will be refused its reads',
    description:
      'The one write every role that reads cases has, INSPECTOR and AUDITOR included (read-only otherwise): ' +
      'a declaration only takes a right away from its author, who is refused the case’s reads and commands from then on. ' +
      'ADMIN reads no case and may not declare. The case is not looked up, so the answer says nothing of whether it exists.',
  })
  async declare(@Param() { caseId }: CaseParams, @Body() body: DeclareConflictBody, @CommandContext() command: CommandContext): Promise<CommandResponse> {
    const { userId } = command.actor;
    const declaration = { caseId, userId, nature: body.nature, ...(body.details === undefined ? {} : { details: body.details }) };
    const result: AppendResult = await this.commandBus.execute(new WriteCommand(CASE_CONFLICTS, declaration, command));
    // Refused from the author's very next read here, before the registry's subscription sees it.
    this.registry.add(userId, caseId);
    return commandResponse({ caseId }, result);
  }
}
