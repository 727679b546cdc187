import { SetMetadata } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import type { Actor, LedgerRequest } from './actor';

export const REPLAY_RIGHTS = 'ledger:replayRights';

/**
 * What a route's commands need the actor's right checked against again before an
 * Idempotency-Key replay: the right may have gone since the first answer (a conflict of
 * interest declared, another force), and a replay must not hand over what a new request
 * would be refused.
 */
export interface ReplayRights {
  /** Throws the refusal a new request would get; `earlierBody` is the answer about to be replayed. */
  ensureMayReplay(actor: Actor, request: LedgerRequest, earlierBody: unknown): Promise<void>;
}

/** On a controller or route: the provider (a ReplayRights) the idempotency interceptor asks before replaying. */
export const RechecksRightsOnReplay = (rights: Type<ReplayRights>): MethodDecorator & ClassDecorator => SetMetadata(REPLAY_RIGHTS, rights);
