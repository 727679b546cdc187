/**
 * Property (issue 11, item 1): whatever the write side accepts, every read model can apply.
 * Random sequences of commands over every slice (cases, registers, recommendations,
 * workforce), with their days anywhere in the legal range, its first and last day
 * included, are projected live by every projection without a parked event, and replay
 * into a fresh generation of every projection.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventStore } from '../../src/event-store/event-store';
import { Vault } from '../../src/vault/vault';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { addDaysToDay, DEFAULT_LEGAL_DAYS } from '../../src/common/days';
import type { Role } from '../../src/http/roles';
import { PROJECTIONS } from '../../projections';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { everyRoute, pathOf, walkIds } from '../cases/every-route';
import { FORCE, post, serviceForThisFile } from '../cases/support';
import { everyRegisterRoute, pathOf as registerPathOf, registerIds, WITHDRAW_ROUTE } from '../registers/every-route';
import { poolFor } from '../support/database';

const { earliest, latest } = DEFAULT_LEGAL_DAYS;
const DAYS_IN_RANGE = Math.round((Date.parse(latest) - Date.parse(earliest)) / 86_400_000);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day of the range, its bounds (and the days next to them) drawn often. */
const legalDay = fc.oneof(
  { arbitrary: fc.constantFrom(earliest, latest, addDaysToDay(earliest, 1), addDaysToDay(latest, -1)), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: DAYS_IN_RANGE }).map((offset) => addDaysToDay(earliest, offset)), weight: 3 },
);

/**
 * How the walks' days are moved: all by one offset (so their order, and the rules on it,
 * hold) to start at, or end at, a day of the range; or each to a day of its own.
 */
const dating = fc.oneof(
  fc.record({ kind: fc.constant('startOn' as const), day: legalDay }),
  fc.record({ kind: fc.constant('endOn' as const), day: legalDay }),
  fc.record({ kind: fc.constant('each' as const), days: fc.infiniteStream(legalDay) }),
);
type Dating = typeof dating extends fc.Arbitrary<infer D> ? D : never;

function mapDays(value: unknown, move: (day: string) => string): unknown {
  if (typeof value === 'string') return DAY.test(value) ? move(value) : value;
  if (Array.isArray(value)) return value.map((item) => mapDays(item, move));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapDays(item, move)]));
}

function daysOf(value: unknown): string[] {
  if (typeof value === 'string') return DAY.test(value) ? [value] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(daysOf);
}

/** The mover for one run, given every day the walks hold (to find their first and last). */
function moverFor(choice: Dating, walkDays: string[]): (day: string) => string {
  const sorted = [...walkDays].sort();
  const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
  switch (choice.kind) {
    case 'startOn':
      return (day) => addDaysToDay(day, daysBetween(sorted[0], choice.day));
    case 'endOn':
      return (day) => addDaysToDay(day, daysBetween(sorted[sorted.length - 1], choice.day));
    case 'each': {
      const own = new Map<string, string>();
      const drawn = choice.days[Symbol.iterator]();
      return (day) => {
        if (!own.has(day)) own.set(day, drawn.next().value as string);
        return own.get(day) as string;
      };
    }
    default: {
      const unknownChoice: never = choice;
      throw new Error(`unknown dating ${JSON.stringify(unknownChoice)}`);
    }
  }
}

interface Sent {
  path: string;
  body: unknown;
  role?: Role;
}

describe('any accepted command sequence', () => {
  const service = serviceForThisFile();
  let pool: Pool;
  let accepted = 0;
  const acceptedDays = new Set<string>();

  beforeAll(() => {
    pool = poolFor(service.app.database, 8);
  });

  afterAll(async () => {
    await pool.end();
  });

  async function send(request: Sent): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await post(service.app, request.path, request.body, { role: request.role });
    if (response.status >= 500) throw new Error(`POST /${request.path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    if (response.status === 201) {
      accepted += 1;
      for (const day of daysOf(request.body)) acceptedDays.add(day);
    }
    return response;
  }

  /** Every read model at the head of the store, and nothing parked. */
  async function everyProjectionCaughtUp(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const health = await service.app.http().get('/health');
      expect(health.body.parkedEvents).toEqual([]);
      const behind = Object.entries(health.body.projections as Record<string, { lag: number }>).filter(([, projection]) => projection.lag !== 0);
      if (behind.length === 0) return;
      if (Date.now() > deadline) throw new Error(`read models behind: ${JSON.stringify(behind)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('is projected by every read model without a parked event', async () => {
    await fc.assert(
      fc.asyncProperty(dating, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), async (choice, kept) => {
        const ids = walkIds();
        const people = registerIds();
        const caseSteps = everyRoute(ids);
        const registerSteps = everyRegisterRoute(people);
        const recommendationId = randomUUID();
        const others: Sent[] = [
          {
            path: 'recommendations',
            body: { recommendationId, source: 'IOPC', madeOn: '2023-03-01', dueOn: '2023-09-01', text: 'Write a conflict of interest policy.' },
          },
          { path: `recommendations/${recommendationId}/response`, body: { respondedOn: '2023-04-01', accepted: true, response: 'We will.' } },
          { path: `recommendations/${recommendationId}/actions`, body: { on: '2023-05-01', action: 'Drafted the policy.' } },
          { path: `recommendations/${recommendationId}/complete`, body: { completedOn: '2023-06-01' } },
          {
            path: `workforce/${FORCE}/returns`,
            body: { asAt: '2023-03-31', officers: 3482, staff: 2010, specials: 350, volunteers: 120, inPsdOrAcu: 55 },
            role: 'ADMIN',
          },
        ];
        const move = moverFor(choice, [
          ...caseSteps.flatMap((step) => daysOf(typeof step.body === 'function' ? {} : step.body)),
          ...registerSteps.flatMap((step) => daysOf(step.body)),
          ...others.flatMap((request) => daysOf(request.body)),
        ]);

        // The opening and its subjects always, so the later commands reach the rules; then a random selection, in order.
        const eventIds = new Map<string, string>();
        for (const [index, step] of caseSteps.entries()) {
          if (index >= 4 && !kept[index % kept.length]) continue;
          const body = typeof step.body === 'function' ? step.body((type) => eventIds.get(type) ?? randomUUID()) : step.body;
          const response = await send({ path: pathOf(step, ids), body: mapDays(body, move), role: step.role });
          for (const event of (response.body.events as Array<{ eventId: string; type: string }> | undefined) ?? []) eventIds.set(event.type, event.eventId);
        }
        let secondInterest: unknown;
        for (const [index, step] of registerSteps.entries()) {
          if (!kept[(index + 30) % kept.length]) continue;
          const response = await send({ path: registerPathOf(step.route, people), body: mapDays(step.body, move) });
          secondInterest = response.body.businessInterestId ?? secondInterest;
        }
        if (typeof secondInterest === 'string') {
          await send({ path: registerPathOf(WITHDRAW_ROUTE, { ...people, businessInterestId: secondInterest }), body: { withdrawnOn: move('2024-08-05') } });
        }
        for (const request of others) await send({ ...request, body: mapDays(request.body, move) });

        await everyProjectionCaughtUp();
      }),
      {
        numRuns: 12,
        // Every run starts with the whole walk ending on the last day of the range and with it starting on the first.
        examples: [
          [{ kind: 'endOn', day: latest }, Array.from({ length: 60 }, () => true)],
          [{ kind: 'startOn', day: earliest }, Array.from({ length: 60 }, () => true)],
        ],
      },
    );
    // The property saw accepted commands dated on the bounds of the range, not only refusals.
    expect(accepted).toBeGreaterThan(100);
    expect([...acceptedDays].some((day) => day === earliest || day === latest)).toBe(true);
    // 14 runs of up to 60 commands, each waiting for every read model: about 20 s alone, over
    // a minute on a machine busy with other suites.
  }, 240_000);

  it('replays into a fresh generation of every read model', async () => {
    const store = new PostgresEventStore(pool);
    try {
      expect(await service.app.app.get(EventStore).headPosition()).toBeDefined();
      for (const definition of PROJECTIONS) {
        // The search read model opens the free text with the service's vault, as the service's runners do.
        const rebuilt = await new ProjectionRunner(store, pool, definition, { vault: service.app.app.get(Vault) }).rebuild({ fresh: true });
        expect({ projection: definition.name, status: rebuilt.status }).toEqual({ projection: definition.name, status: 'ACTIVE' });
      }
    } finally {
      await store.close();
    }
  });
});
