/** The per-user and per-address windows of src/http/rate-limit.ts, on a clock the test moves. */
import type { NextFunction, Request, Response } from 'express';
import { rateLimitMiddleware } from '../../src/http/rate-limit';
import { Problem } from '../../src/http/problem';

function call(middleware: ReturnType<typeof rateLimitMiddleware>, userId: string | undefined): { error: unknown; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  const request = { actor: userId === undefined ? undefined : { userId }, ip: '10.0.0.1' } as unknown as Request;
  const response = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Response;
  let error: unknown = 'next not called';
  const next: NextFunction = (passed?: unknown) => {
    error = passed;
  };
  middleware(request, response, next);
  return { error, headers };
}

describe('rateLimitMiddleware', () => {
  it('counts per user in a one-minute window, then refuses with 429 and Retry-After until the window ends', () => {
    let now = 1_000_000;
    const middleware = rateLimitMiddleware({ perUser: 3, perAnonymousAddress: 3 }, () => now);
    for (let i = 0; i < 3; i += 1) expect(call(middleware, 'a').error).toBeUndefined();
    const refused = call(middleware, 'a').error;
    expect(refused).toBeInstanceOf(Problem);
    expect((refused as Problem).details.status).toBe(429);
    expect((refused as Problem).headers['Retry-After']).toBe('60');
    expect(call(middleware, 'b').error).toBeUndefined();
    now += 59_000;
    expect(call(middleware, 'a').error).toBeInstanceOf(Problem);
    now += 1_000;
    const again = call(middleware, 'a');
    expect(again.error).toBeUndefined();
    expect(again.headers).toMatchObject({ 'RateLimit-Limit': '3', 'RateLimit-Remaining': '2' });
  });

  it('counts requests without a valid token by client address against their own limit, and 0 turns every limit off', () => {
    const middleware = rateLimitMiddleware({ perUser: 3, perAnonymousAddress: 1 }, () => 0);
    expect(call(middleware, undefined).error).toBeUndefined();
    const refused = call(middleware, undefined);
    expect(refused.error).toBeInstanceOf(Problem);
    expect(refused.headers['RateLimit-Limit']).toBe('1');
    // A signed-in user from the same address keeps their own, larger allowance.
    for (let i = 0; i < 3; i += 1) expect(call(middleware, 'a').error).toBeUndefined();
    const off = rateLimitMiddleware({ perUser: 0, perAnonymousAddress: 1 });
    for (let i = 0; i < 5; i += 1) expect(call(off, 'a').error).toBeUndefined();
  });
});
