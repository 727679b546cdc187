/**
 * Requests per minute, in a fixed one-minute window: per user (JWT `sub`), at most
 * LEDGER_RATE_LIMIT_PER_MINUTE (600 by default; 0 turns every limit off); and per client
 * address for requests with no valid token (the sign-in pages, token guessing: every 401),
 * at most LEDGER_ANONYMOUS_RATE_LIMIT_PER_MINUTE (120 by default, never above the per-user
 * limit). Over a limit: 429 problem+json with Retry-After. The counts are in this process's
 * memory: behind a load balancer each instance counts its own share. The client's address is
 * Express's `request.ip`, which follows X-Forwarded-For only as far as LEDGER_TRUST_PROXY
 * allows; without it, every anonymous request through one proxy would share the proxy's
 * bucket. Paths in `exempt` (/health: a load balancer's probe) are not counted at all.
 */
import type { NextFunction, Request, Response } from 'express';
import type { LedgerRequest } from './actor';
import { problem } from './problem';

const WINDOW_MS = 60_000;

interface Window {
  started: number;
  count: number;
}

export interface RateLimits {
  perUser: number;
  perAnonymousAddress: number;
}

export function rateLimitMiddleware(limits: RateLimits, now: () => number = Date.now, exempt: readonly string[] = []) {
  const windows = new Map<string, Window>();
  let lastSweep = now();
  return (request: Request, response: Response, next: NextFunction): void => {
    if (limits.perUser <= 0 || exempt.includes(request.path)) return next();
    const at = now();
    if (at - lastSweep > WINDOW_MS) {
      for (const [key, window] of windows) if (at - window.started >= WINDOW_MS) windows.delete(key);
      lastSweep = at;
    }
    const actor = (request as LedgerRequest).actor;
    const key = actor === undefined ? `ip:${request.ip ?? 'unknown'}` : `user:${actor.userId}`;
    const perMinute = actor === undefined ? Math.min(limits.perAnonymousAddress, limits.perUser) : limits.perUser;
    let window = windows.get(key);
    if (window === undefined || at - window.started >= WINDOW_MS) {
      window = { started: at, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    const remaining = Math.max(0, perMinute - window.count);
    const resetSeconds = Math.max(1, Math.ceil((window.started + WINDOW_MS - at) / 1000));
    response.setHeader('RateLimit-Limit', String(perMinute));
    response.setHeader('RateLimit-Remaining', String(remaining));
    response.setHeader('RateLimit-Reset', String(resetSeconds));
    if (window.count > perMinute) {
      return next(
        problem(429, 'too-many-requests', `More than ${perMinute} requests in a minute: try again in ${resetSeconds} s.`, {
          headers: { 'Retry-After': String(resetSeconds) },
        }),
      );
    }
    next();
  };
}
