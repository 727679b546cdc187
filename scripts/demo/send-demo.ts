/**
 * Sends the demo's stories to a listening service's API, as users of each story's force
 * (tokens signed as the service checks them), each request with its own Idempotency-Key.
 * A story's requests go in order and stop at the first refusal (the rest depend on it);
 * several stories go side by side. Counts what was appended, what an earlier run had
 * already appended (the answer replayed), and what was refused, by rule.
 */
import type { JwtSettings } from '../../src/http/token';
import { signToken } from '../../src/http/token';
import type { Role } from '../../src/http/roles';
import type { DemoRequest, DemoStory } from './demo-data';

export interface DemoTally {
  appended: number;
  alreadyThere: number;
  /** Refusals by rule (or status and title): a story stops at its first. */
  refused: Record<string, number>;
  /** The global position of the last event appended or replayed, to wait for before reading. */
  lastPosition: string | undefined;
}

export interface SendOptions {
  baseUrl: string;
  jwt: JwtSettings;
  stories: readonly DemoStory[];
  /** Stories sent side by side. */
  concurrency?: number;
  onStory?: (done: number, tally: DemoTally) => void;
}

/** The demo's one sender: the same user on every run, so its Idempotency-Keys replay. */
const DEMO_USER = 'demo-loader';

export async function sendDemo(options: SendOptions): Promise<DemoTally> {
  const tally: DemoTally = { appended: 0, alreadyThere: 0, refused: {}, lastPosition: undefined };
  const tokens = new Map<string, string>();
  const tokenFor = (role: Role, force: string): string => {
    const key = `${role}:${force}`;
    let token = tokens.get(key);
    if (token === undefined) {
      token = signToken({ userId: DEMO_USER, name: 'Demo loader', roles: [role], force, expiresInSeconds: 4 * 3600 }, options.jwt);
      tokens.set(key, token);
    }
    return token;
  };

  const send = async (request: DemoRequest): Promise<boolean> => {
    const response = await fetch(`${options.baseUrl}/api/v1/${request.path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${tokenFor(request.role, request.force)}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': request.idempotencyKey,
      },
      body: JSON.stringify(request.body),
    });
    const body = (await response.json().catch(() => ({}))) as { rule?: string; title?: string; detail?: string };
    if (response.status === 201) {
      if (response.headers.get('idempotent-replayed') === 'true') tally.alreadyThere += 1;
      else tally.appended += 1;
      tally.lastPosition = response.headers.get('x-ledger-position') ?? tally.lastPosition;
      return true;
    }
    if (response.status >= 500 || response.status === 401 || response.status === 403 || response.status === 400)
      throw new Error(`${request.path} answered ${response.status}: ${body.detail ?? body.title ?? ''}`);
    const reason = body.rule ?? `${response.status} ${body.title ?? ''}`.trim();
    tally.refused[reason] = (tally.refused[reason] ?? 0) + 1;
    return false;
  };

  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < options.stories.length) {
      const story = options.stories[next];
      next += 1;
      for (const request of story.requests) if (!(await send(request))) break;
      done += 1;
      options.onStory?.(done, tally);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return tally;
}
