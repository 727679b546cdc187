/**
 * Property: whatever sequence of case commands arrives, valid or not, in whatever order,
 * from whichever role, the service answers with a 2xx or a 4xx problem, never a 500.
 */
import fc from 'fast-check';
import type { Role } from '../../src/http/roles';
import { everyRoute, pathOf, walkIds } from './every-route';
import type { WalkIds, WalkStep } from './every-route';
import { post, serviceForThisFile } from './support';

const EXPECTED_STATUSES = [201, 400, 403, 404, 409, 422];
const STEP_COUNT = everyRoute(walkIds()).length;

/** How a valid sample is spoilt before it is sent; about half are sent as they are, to reach the rules. */
const mutation = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('drop' as const), field: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('replace' as const), field: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('add' as const), name: fc.string({ maxLength: 12 }), value: fc.jsonValue({ maxDepth: 1 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('body' as const), value: fc.jsonValue({ maxDepth: 2 }) }), weight: 1 },
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const request = fc.record({
  step: fc.nat({ max: STEP_COUNT - 1 }),
  mutation,
  role: fc.constantFrom<Role>('PSD_INVESTIGATOR', 'PSD_INVESTIGATOR', 'PSD_INVESTIGATOR', 'APPROPRIATE_AUTHORITY', 'DCC', 'INSPECTOR'),
  subject: fc.oneof(
    { arbitrary: fc.constant('as sampled' as const), weight: 8 },
    { arbitrary: fc.constantFrom('unknown' as const, 'not a uuid' as const), weight: 2 },
  ),
  ifMatch: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom('"0"', '"3"', '"5"', '"99"', 'garbage'), weight: 1 }),
});
type Request = typeof request extends fc.Arbitrary<infer R> ? R : never;

function spoil(body: Record<string, unknown>, change: Mutation): unknown {
  const fields = Object.keys(body);
  switch (change.kind) {
    case 'none':
      return body;
    case 'drop': {
      const { [fields[change.field % fields.length]]: _dropped, ...rest } = body;
      return rest;
    }
    case 'replace':
      return { ...body, [fields[change.field % fields.length]]: change.value };
    case 'add':
      return { ...body, [change.name]: change.value };
    case 'body':
      return change.value;
    default: {
      const unknownChange: never = change;
      throw new Error(`unknown mutation ${JSON.stringify(unknownChange)}`);
    }
  }
}

/** The sample's path, or the same path naming a subject the case lacks, or one that is no UUID. */
function pathFor(step: WalkStep, ids: WalkIds, subject: Request['subject']): string {
  if (subject === 'as sampled') return pathOf(step, ids);
  const other = subject === 'unknown' ? '00000000-0000-4000-8000-000000000000' : 'officer-1';
  return pathOf(step, { ...ids, subjectA: other, subjectB: other, subjectC: other });
}

describe('random sequences of case commands', () => {
  const service = serviceForThisFile();

  it('never answer with a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 15, maxLength: 15 }), async (requests) => {
        const ids = walkIds();
        const samples = everyRoute(ids);
        // A case with its three subjects to start from, so the commands reach the rules and not only the 404.
        for (const step of samples.slice(0, 4)) await post(service.app, pathOf(step, ids), step.body);
        for (const sent of requests) {
          const step = samples[sent.step];
          // A correction then names an id that is no event of the case: refused by its rule.
          const sample = typeof step.body === 'function' ? step.body(() => ids.subjectB) : step.body;
          const body = spoil(sample, sent.mutation);
          const headers: Record<string, string> = sent.ifMatch === null ? {} : { 'If-Match': sent.ifMatch };
          const response = await post(service.app, pathFor(step, ids, sent.subject), body, { role: sent.role, headers });
          if (!EXPECTED_STATUSES.includes(response.status)) {
            throw new Error(`POST /${step.route} answered ${response.status}: ${JSON.stringify(response.body)}`);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
