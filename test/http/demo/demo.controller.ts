import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsISO8601, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';
import { EventStore, JsonObject } from '../../../src/event-store/event-store';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiCommand, CommandContext, commandResponse, CommandResponse, CurrentActor, ReadRoute, ReadsProjections, Roles } from '../../../src/http';
import type { Actor } from '../../../src/http';
import { DomainError, NotFoundError } from '../../../src/common/domain-error';

/**
 * A test-only command and read API over `demo-<id>` streams, written the way a real
 * capability's controller uses the HTTP plumbing (src/cases will look like this).
 */
class DemoItemDetail {
  @IsString()
  @Length(1, 20)
  code!: string;

  @IsInt()
  @Min(0)
  count!: number;
}

export class AddDemoItemBody {
  @IsString()
  @Length(1, 100)
  label!: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => DemoItemDetail)
  detail?: DemoItemDetail;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];
}

export const DEMO_RULE = 'demoLabelRefused';
export const DEMO_PROJECTION = 'demo-report';

@Controller('demo')
export class DemoController {
  constructor(private readonly store: EventStore) {}

  @Get('whoami')
  @ReadRoute({
    operationId: 'DemoWhoAmI',
    summary: 'The actor the token names',
    response: {
      type: 'object',
      required: ['userId', 'roles', 'force'],
      properties: { userId: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } }, force: { type: 'string' } },
    },
  })
  whoami(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Get('dcc-only')
  @Roles('DCC')
  @ReadRoute({
    operationId: 'DemoDccOnly',
    summary: 'Only for the DCC',
    response: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean', enum: [true] } } },
  })
  dccOnly(): { ok: true } {
    return { ok: true };
  }

  @Post(':demoId/items')
  @Roles('PSD_INVESTIGATOR', 'DCC')
  @ApiCommand('demoId')
  @ApiOperation({ operationId: 'DemoAddItem', summary: 'Appends DemoItemAdded' })
  async addItem(@Param('demoId') demoId: string, @Body() body: AddDemoItemBody, @CommandContext() command: CommandContext): Promise<CommandResponse> {
    if (body.label === 'refused') throw new DomainError(DEMO_RULE, 'a demo item may not be labelled "refused"');
    const streamName = `demo-${demoId}`;
    const [eventId] = command.eventIds(streamName, 1);
    const data: JsonObject = {
      label: body.label,
      detail: body.detail ? { code: body.detail.code, count: body.detail.count } : null,
      tags: body.tags ?? [],
    };
    const result = await this.store.appendToStream(
      streamName,
      [{ eventId, type: 'DemoItemAdded', data, metadata: command.metadata(body.occurredAt ?? new Date().toISOString(), 1) }],
      { expectedRevision: command.expectedRevision ?? 'any' },
    );
    return commandResponse({ demoId }, result);
  }

  @Post(':demoId/failures')
  @ApiOperation({ operationId: 'DemoFail', summary: 'Always fails' })
  @ApiResponse({ status: 500, description: 'Always', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } })
  fail(): never {
    throw new Error('unexpected failure mentioning Jane Example, NI number QQ123456C');
  }

  /** Waits (X-Wait-For-Position) for every registered projection. */
  @Get(':demoId')
  @ReadRoute({
    operationId: 'DemoRead',
    summary: 'The labels of a demo stream',
    response: {
      type: 'object',
      required: ['revision', 'labels'],
      properties: { revision: { type: 'integer' }, labels: { type: 'array', items: { type: 'string' } } },
    },
    notFound: 'No such demo',
  })
  async read(@Param('demoId') demoId: string): Promise<{ revision: number; labels: string[] }> {
    const events = await this.store.readStream(`demo-${demoId}`);
    if (events.length === 0) throw new NotFoundError(`there is no demo ${demoId}`);
    return { revision: Number(events[events.length - 1].revision), labels: events.map((event) => String(event.data.label)) };
  }

  @Get(':demoId/report')
  @ReadsProjections(DEMO_PROJECTION)
  @ReadRoute({
    operationId: 'DemoReport',
    summary: 'Waits for the demo projection',
    response: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean', enum: [true] } } },
  })
  report(): { ok: true } {
    return { ok: true };
  }

  @Get(':demoId/live')
  @ReadsProjections()
  @ReadRoute({
    operationId: 'DemoLive',
    summary: 'Waits for nothing',
    response: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean', enum: [true] } } },
  })
  live(): { ok: true } {
    return { ok: true };
  }
}
