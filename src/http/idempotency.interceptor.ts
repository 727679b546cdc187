import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Type } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import canonicalize from 'canonicalize';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { catchError, from, map, mergeMap, Observable, throwError } from 'rxjs';
import { ledgerRequest, LedgerRequest } from './actor';
import { readIdempotencyKey } from './command-context';
import { LEDGER_POSITION_HEADER, renderCommandResponse } from './command-response';
import { IdempotencyStore, KeyedRequest, StoredResponse } from './idempotency-store';
import { problem } from './problem';
import { REPLAY_RIGHTS } from './replay-rights';
import type { ReplayRights } from './replay-rights';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
// The headers a command's answer carries that a replay must carry again.
const REPLAYED_HEADERS = ['ETag', LEDGER_POSITION_HEADER, 'Location'];

/**
 * Idempotency-Key on a command: the first request with a key reserves it and runs; a
 * retry with the same method, path and body gets the first response again without running
 * the command, once the route's RechecksRightsOnReplay (if any) has found the actor still
 * entitled to it; the key with another request is a 422. A retry that arrives while the first
 * is still running waits for it (up to `waitMs`) rather than running beside it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('HTTP');
  readonly waitMs = 10_000;
  readonly pollMs = 50;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    private readonly modules: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = ledgerRequest(context);
    if (SAFE_METHODS.includes(request.method)) return next.handle();
    const key = readIdempotencyKey(request);
    if (key === undefined || request.actor === undefined) return next.handle();

    const keyed: KeyedRequest = { userId: request.actor.userId, key, requestHash: hashRequest(request) };
    const response = context.switchToHttp().getResponse<Response>();
    const statusCode = this.statusCodeOf(context, request);
    const rights = this.reflector.getAllAndOverride<Type<ReplayRights> | undefined>(REPLAY_RIGHTS, [context.getHandler(), context.getClass()]);
    return from(this.reserve(keyed)).pipe(
      mergeMap((replay) =>
        replay ? from(this.recheck(rights, request, replay)).pipe(map(() => this.replay(replay, response))) : this.run(keyed, next, response, statusCode),
      ),
    );
  }

  /** The actor's right, checked again before a replay (RechecksRightsOnReplay): it may have gone since. */
  private async recheck(rights: Type<ReplayRights> | undefined, request: LedgerRequest, stored: StoredResponse): Promise<void> {
    if (rights === undefined || request.actor === undefined) return;
    const earlierBody: unknown = stored.body === null ? undefined : JSON.parse(stored.body);
    await this.modules.get(rights, { strict: false }).ensureMayReplay(request.actor, request, earlierBody);
  }

  private run(keyed: KeyedRequest, next: CallHandler, response: Response, statusCode: number): Observable<unknown> {
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        const body = renderCommandResponse(value, response);
        await this.store.complete(keyed, { statusCode, headers: replayedHeaders(response), body: body === undefined ? null : JSON.stringify(body) });
        return body;
      }),
      catchError((error: unknown) =>
        from(
          this.store.release(keyed).catch((releaseError: unknown) => {
            this.logger.error(`could not release an idempotency key: ${releaseError instanceof Error ? releaseError.constructor.name : typeof releaseError}`);
          }),
        ).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  /** Undefined when this request may run; the stored response when it is a retry. */
  private async reserve(keyed: KeyedRequest): Promise<StoredResponse | undefined> {
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const reservation = await this.store.reserve(keyed);
      switch (reservation.outcome) {
        case 'reserved':
          return undefined;
        case 'completed':
          return reservation.response;
        case 'reused':
          throw problem(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request (another body, method or path).');
        case 'in-progress':
          if (Date.now() + this.pollMs > deadline) {
            throw problem(409, 'idempotency-key-in-use', 'A request with this Idempotency-Key is still being processed.', {
              headers: { 'Retry-After': '1' },
            });
          }
          await sleep(this.pollMs);
          break;
        default: {
          const unexpected: never = reservation;
          throw new Error(`unknown reservation ${String(unexpected)}`);
        }
      }
    }
  }

  private replay(stored: StoredResponse, response: Response): unknown {
    response.status(stored.statusCode);
    for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
    response.setHeader('Idempotent-Replayed', 'true');
    return stored.body === null ? undefined : (JSON.parse(stored.body) as unknown);
  }

  /** The status Nest will send: the route's @HttpCode, else 201 for POST and 200 otherwise. */
  private statusCodeOf(context: ExecutionContext, request: LedgerRequest): number {
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    return declared ?? (request.method === 'POST' ? 201 : 200);
  }
}

function hashRequest(request: LedgerRequest): string {
  const canonical = canonicalize({ method: request.method, path: request.originalUrl, body: request.body ?? null }) ?? '';
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function replayedHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}
