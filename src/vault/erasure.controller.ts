import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { EventStore } from '../event-store/event-store';
import { formatPosition } from '../event-store/position';
import { CommandContext, problem, Roles } from '../http';
import { Vault } from './vault';

export const ERASURE_EVENT = 'PersonalDataErased';
export const ERASURE_SCHEMA_VERSION = 1;

/** The stream that records a person's erasure. */
export function vaultStreamName(personId: string): string {
  return `vault-${personId}`;
}

export class PersonIdParams {
  @ApiProperty({ description: 'A register person id, `case-<caseId>` for the people a case\'s free text is about, or `recommendation-<id>` for a recommendation\'s' })
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

export interface ErasureResponse {
  personId: string;
  erasedOn: string;
  eventId: string;
  position: string;
}

/**
 * `POST /people/{personId}/erasure` (ADMIN): records PersonalDataErased in `vault-<personId>`,
 * then destroys the person's key. The event is appended first: an erasure is never done
 * without its record, and a failure after the append is finished by sending the request
 * again (the key destruction is idempotent; a second record is refused with 409 only once
 * the key is gone).
 */
@ApiTags('vault')
@Controller('people')
export class ErasureController {
  constructor(
    private readonly vault: Vault,
    private readonly store: EventStore,
  ) {}

  @Post(':personId/erasure')
  @HttpCode(201)
  @Roles('ADMIN')
  @ApiOperation({ operationId: 'ErasePersonalData', summary: "Destroy a person's data key: their personal data reads as erased from now on; events stay and verify." })
  async erase(@Param() params: PersonIdParams, @Body() body: ErasureBody, @CommandContext() context: CommandContext): Promise<ErasureResponse> {
    const { personId } = params;
    if (await this.vault.isErased(personId)) {
      throw problem(409, 'personal-data-erased', `The personal data of ${personId} has already been erased.`);
    }
    const now = new Date().toISOString();
    const erasedOn = now.slice(0, 10);
    const streamName = vaultStreamName(personId);
    const [eventId] = context.eventIds(streamName, 1);
    const result = await this.store.appendToStream(
      streamName,
      [{ eventId, type: ERASURE_EVENT, data: { personId, reason: body.reason, erasedOn }, metadata: context.metadata(now, ERASURE_SCHEMA_VERSION) }],
      { expectedRevision: 'any' },
    );
    await this.vault.erase(personId);
    return { personId, erasedOn, eventId, position: formatPosition(result.position) };
  }
}
