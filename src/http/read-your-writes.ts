import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { setTimeout as sleep } from 'node:timers/promises';
import { from, mergeMap, Observable } from 'rxjs';
import { comparePositions, formatPosition, GlobalPosition, parsePosition } from '../event-store/position';
import { ProjectionStatusRegistry } from '../health/projection-status';
import { ledgerRequest } from './actor';
import { badHeader, problem } from './problem';

export const WAIT_FOR_POSITION_HEADER = 'X-Wait-For-Position';
export const READS_PROJECTIONS = 'ledger:readsProjections';

/**
 * The projections a GET route reads, by their ProjectionStatusRegistry names. With
 * X-Wait-For-Position the route answers once these have reached the position. Without
 * the decorator a route waits for every registered projection.
 */
export const ReadsProjections = (...names: string[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(READS_PROJECTIONS, names),
    ApiHeader({
      name: WAIT_FOR_POSITION_HEADER,
      required: false,
      description: 'A position from X-Ledger-Position: answer once the read models have processed it (up to 10 s, then 503).',
    }),
  );

/**
 * Read-your-writes: a client that has just written sends the X-Ledger-Position it got
 * back, and its next read waits until the read models have caught up with its write.
 */
@Injectable()
export class WaitForPositionInterceptor implements NestInterceptor {
  readonly timeoutMs = 10_000;

  constructor(
    private readonly projections: ProjectionStatusRegistry,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = ledgerRequest(context);
    if (request.method !== 'GET' && request.method !== 'HEAD') return next.handle();
    // A stranger on a @Public route (/health) may not hold a connection open for 10 s.
    if (!request.actor) return next.handle();
    const header = request.headers['x-wait-for-position'];
    if (header === undefined) return next.handle();
    const target = typeof header === 'string' ? parsePosition(header) : undefined;
    if (!target) throw badHeader(WAIT_FOR_POSITION_HEADER, 'it must be a position as given in X-Ledger-Position');
    const names = this.reflector.getAllAndOverride<string[] | undefined>(READS_PROJECTIONS, [context.getHandler(), context.getClass()]);
    return from(this.waitFor(target, names)).pipe(mergeMap(() => next.handle()));
  }

  private async waitFor(target: GlobalPosition, names: string[] | undefined): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
      const behind = await this.projectionsBehind(target, names);
      if (behind.length === 0) return;
      if (Date.now() + delay > deadline) {
        throw problem(503, 'read-models-behind', `The read models (${behind.join(', ')}) have not reached position ${formatPosition(target)} yet.`, {
          headers: { 'Retry-After': '1' },
        });
      }
      await sleep(delay);
    }
  }

  /** Names of the projections still short of the target; one not registered (yet) counts as behind. */
  private async projectionsBehind(target: GlobalPosition, names: string[] | undefined): Promise<string[]> {
    const registered = this.projections.all();
    const wanted = names ?? registered.map((source) => source.name);
    const behind = await Promise.all(
      wanted.map(async (name) => {
        const source = registered.find((candidate) => candidate.name === name);
        if (!source) return name;
        return comparePositions(await source.position(), target) < 0 ? name : undefined;
      }),
    );
    return behind.filter((name): name is string => name !== undefined);
  }
}
