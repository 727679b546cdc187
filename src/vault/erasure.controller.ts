/**
 * `POST /people/{personId}/erasure` (ADMIN, `{ reason }`): asks for the erasure of a person's
 * personal data (ErasureRequested); `…/erasure/approval` (a second ADMIN, once the delay has
 * passed) approves it (ErasureApproved) and then destroys the key; `…/erasure/withdrawal`
 * (`{ reason }`) withdraws it during the delay (ErasureWithdrawn). The rules are erasure.ts;
 * the commands go through the one write path (src/common/write-path.ts), with the force
 * holding the record (erasure-record-force.ts) and the clock's instant added to each.
 *
 * The approval is appended before the key is destroyed: an erasure is never done without its
 * record. A crash between the two is finished by sending the approval again: with its
 * Idempotency-Key the retry finds its own append; without one it is refused alreadyErased,
 * and the key is destroyed all the same (destroying it twice does nothing).
 *
 * `@CommandAggregate('personId')` lets the pages derive the routes' forms (the `/erasure`
 * page, src/web/erasure-pages.controller.ts) without changing their contract; the waiting
 * requests are read from `GET /erasure-requests` (projections/erasure-requests).
 */
import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import type { AppendResult } from '../event-store/event-store';
import { ApiCommand, CommandContext, commandResponse, CommandResponse, Roles } from '../http';
import { problemResponse } from '../http/api-docs';
import { CommandAggregate } from '../common/command-routes';
import { DomainError } from '../common/domain-error';
import { deciderSlice, WriteCommand } from '../common/write-path';
import { ERASURE_EVENT_DECLARATIONS, erasureDecider, vaultStreamName } from './erasure';
import type { ErasureCommand, ErasureEvent, ErasureRuleName, ErasureState } from './erasure';
import { recordForceOf } from './erasure-record-force';
import { Vault } from './vault';

const ALREADY_ERASED: ErasureRuleName = 'alreadyErased';

export class PersonIdParams {
  @ApiProperty({
    description: "A register person id, `case-<caseId>` for the people a case's free text is about, or `recommendation-<id>` for a recommendation's",
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, { message: 'personId must be letters, digits, `.`, `_`, `:` or `-`' })
  personId!: string;
}

export class ErasureBody {
  @ApiProperty({ description: 'Why the data is erased (the lawful basis); recorded in the ledger. Name no one in it.', minLength: 10, maxLength: 1000 })
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  reason!: string;
}

export class ErasureApprovalBody {
  @ApiProperty({
    description: 'What the approver checked (the request, its lawful basis); recorded in the ledger. Name no one in it.',
    minLength: 10,
    maxLength: 1000,
  })
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  reason!: string;
}

export class ErasureWithdrawalBody {
  @ApiProperty({ description: 'Why the request is withdrawn; recorded in the ledger. Name no one in it.', minLength: 10, maxLength: 1000 })
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  reason!: string;
}

export const ERASURES = deciderSlice<ErasureCommand, ErasureEvent, ErasureState>({
  decider: erasureDecider,
  events: ERASURE_EVENT_DECLARATIONS,
  streamName: (command) => vaultStreamName(command.personId),
  complete: async (command, store, now) => ({ ...command, at: now, recordForce: await recordForceOf(store, command.personId) }),
});

/** A person whose record the ADMIN's force does not hold. */
const NotYourForce = problemResponse(404, 'No record of the person in a force the ADMIN acts for (`rule`: notYourForce).');
@ApiTags('vault')
@Controller('people')
export class ErasureController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly vault: Vault,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':personId/erasure')
  @HttpCode(201)
  @Roles('ADMIN')
  @ApiCommand('personId')
  @CommandAggregate('personId')
  @NotYourForce
  @ApiOperation({
    operationId: 'RequestErasure',
    summary:
      "Appends ErasureRequested: asks for a person's personal data to be erased. Nothing is erased until a second ADMIN approves it after the waiting period (LEDGER_ERASURE_DELAY_SECONDS); 404 notYourForce for a record the ADMIN's force does not hold.",
  })
  request(@Param() { personId }: PersonIdParams, @Body() body: ErasureBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.execute(
      { type: 'RequestErasure', personId, reason: body.reason, delaySeconds: this.config.erasureDelaySeconds, ...this.actorOf(context) },
      context,
    );
  }

  @Post(':personId/erasure/approval')
  @HttpCode(201)
  @Roles('ADMIN')
  @ApiCommand('personId')
  @CommandAggregate('personId')
  @NotYourForce
  @ApiOperation({
    operationId: 'ApproveErasure',
    summary:
      "Appends ErasureApproved, then destroys the person's data key: their personal data reads as erased from now on; events stay and verify. By another ADMIN than the requester (sameRequester), once the waiting period has passed (delayNotElapsed).",
  })
  async approve(@Param() { personId }: PersonIdParams, @Body() body: ErasureApprovalBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    try {
      const response = await this.execute({ type: 'ApproveErasure', personId, reason: body.reason, ...this.actorOf(context) }, context);
      await this.vault.erase(personId);
      return response;
    } catch (error) {
      // Approved before a crash kept the key from being destroyed: finish it.
      if (error instanceof DomainError && error.rule === ALREADY_ERASED) await this.vault.erase(personId);
      throw error;
    }
  }

  @Post(':personId/erasure/withdrawal')
  @HttpCode(201)
  @Roles('ADMIN')
  @ApiCommand('personId')
  @CommandAggregate('personId')
  @NotYourForce
  @ApiOperation({
    operationId: 'WithdrawErasure',
    summary: 'Appends ErasureWithdrawn: withdraws a waiting erasure request (alreadyWithdrawn, noErasureRequested, alreadyErased otherwise).',
  })
  withdraw(@Param() { personId }: PersonIdParams, @Body() body: ErasureWithdrawalBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.execute({ type: 'WithdrawErasure', personId, reason: body.reason, ...this.actorOf(context) }, context);
  }

  private actorOf(context: CommandContext): { actor: { userId: string; force: string } } {
    return { actor: { userId: context.actor.userId, force: context.actor.force } };
  }

  private async execute(command: ErasureCommand, context: CommandContext): Promise<CommandResponse> {
    const result: AppendResult = await this.commandBus.execute(new WriteCommand(ERASURES, command, context));
    return commandResponse({ personId: command.personId }, result);
  }
}
