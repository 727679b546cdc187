import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseParams } from '../../cases/dto/params.dto';
import { EventStore } from '../../event-store/event-store';
import type { JsonObject } from '../../event-store/event-store';
import { CommandContext, commandResponse, CommandResponse, Roles } from '../../http';
import { CASE_READER_ROLES } from '../case-access-policy';
import { sealPersonalFields } from '../../vault/personal-fields';
import { Vault } from '../../vault/vault';
import { CASE_CONFLICT_DECLARED, CASE_CONFLICT_SCHEMA_VERSION, CASE_CONFLICT_VAULT_FIELDS, caseConflictStreamName } from './case-conflict.events';
import { ConflictRegistry } from './conflict-registry';
import { DeclareConflictBody } from './declare-conflict.dto';

/**
 * A reader declares a conflict of interest on themselves for one case; from then on they may
 * not read it. The case is not looked up: a declaration on a case one cannot see (or that
 * does not exist) is accepted the same way, so the answer reveals nothing. The details are
 * sealed under the declarer's own vault key before the append.
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
    private readonly store: EventStore,
    private readonly registry: ConflictRegistry,
    private readonly vault: Vault,
  ) {}

  @Post(':caseId/conflicts')
  @HttpCode(201)
  @Roles(...CASE_READER_ROLES)
  @ApiOperation({
    operationId: 'DeclareConflict',
    summary: 'Declare a conflict of interest of your own on a case: you will be refused its reads',
    description:
      'The one write every role that reads cases has, INSPECTOR and AUDITOR included (read-only otherwise): ' +
      'a declaration only takes a right away from its author, who is refused the case’s reads and commands from then on. ' +
      'ADMIN reads no case and may not declare. The case is not looked up, so the answer says nothing of whether it exists.',
  })
  async declare(@Param() { caseId }: CaseParams, @Body() body: DeclareConflictBody, @CommandContext() command: CommandContext): Promise<CommandResponse> {
    const declaredOn = new Date().toISOString();
    const { userId } = command.actor;
    const streamName = caseConflictStreamName(caseId);
    const [eventId] = command.eventIds(streamName, 1);
    const clear: JsonObject = { caseId, userId, nature: body.nature, declaredOn, ...(body.details === undefined ? {} : { details: body.details }) };
    // The event id is the nonce's context: a retry with the same Idempotency-Key seals the same bytes.
    const data = await sealPersonalFields(this.vault, userId, clear, CASE_CONFLICT_VAULT_FIELDS, eventId);
    const result = await this.store.appendToStream(
      streamName,
      [{ eventId, type: CASE_CONFLICT_DECLARED, data, metadata: command.metadata(declaredOn, CASE_CONFLICT_SCHEMA_VERSION) }],
      { expectedRevision: 'any' },
    );
    this.registry.add(userId, caseId);
    return commandResponse({ caseId }, result);
  }
}
