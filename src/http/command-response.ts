import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import type { AppendResult } from '../event-store/event-store';
import { formatPosition } from '../event-store/position';

export const LEDGER_POSITION_HEADER = 'X-Ledger-Position';

export interface CommandResponseBody {
  /** The aggregate's id under its own name (`caseId`, `personId`, ...), then the append. */
  [aggregateId: string]: string | number | { eventId: string; type: string }[];
  revision: number;
  /** Text form of the global position (formatPosition): positions may outgrow a JSON number. */
  position: string;
  events: { eventId: string; type: string }[];
}

/** What a command controller returns; the interceptor below turns it into the 201 answer. */
export class CommandResponse {
  constructor(readonly body: CommandResponseBody) {}
}

/**
 * `return commandResponse({ caseId }, await store.appendToStream(...))` answers
 * `201 { caseId, revision, position, events }` with `ETag: "<revision>"` and
 * `X-Ledger-Position: <position>` (the position to send back in X-Wait-For-Position).
 */
export function commandResponse(aggregateId: Record<string, string>, result: AppendResult): CommandResponse {
  return new CommandResponse({
    ...aggregateId,
    revision: Number(result.nextExpectedRevision),
    position: formatPosition(result.position),
    events: result.events.map(({ eventId, type }) => ({ eventId, type })),
  });
}

/** Sets the command headers and returns the body; a value of any other kind passes through. */
export function renderCommandResponse(value: unknown, response: Response): unknown {
  if (!(value instanceof CommandResponse)) return value;
  response.setHeader('ETag', `"${value.body.revision}"`);
  response.setHeader(LEDGER_POSITION_HEADER, value.body.position);
  return value.body;
}

@Injectable()
export class CommandResponseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(map((value: unknown) => renderCommandResponse(value, response)));
  }
}
