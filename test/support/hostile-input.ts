/** Hostile input for property tests (fast-check): bodies and values no client library would send. */
import fc from 'fast-check';
import { PROBLEM_JSON } from '../http/support';
import type { TestApp } from './app';

/** A huge or awkward string: long runs, astral and combining characters, controls, lone surrogates as JSON escapes. */
const awkwardString = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 64 }),
  fc.constantFrom('\u0000', '\\u0000', '\uFEFF', '\u202E', '\uD83D\uDE00'.repeat(3), 'e\u0301'.repeat(20), '%00', '../../etc/passwd', '<script>'),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n + 10_000)),
);

/** Raw JSON text a serialiser would not produce. */
export const hostileBody = fc.oneof(
  awkwardString.map((text) => JSON.stringify({ summary: text, reason: text, on: text })),
  fc.constantFrom(
    '{"__proto__":{"admin":true,"roles":["ADMIN"]}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"on":"2021-03-02","on":"not a date"}',
    '{"on":"2021-03-02","__proto__":{"on":"2021-03-02"}}',
    '{"on":"2021-03-02"',
    '[]',
    'null',
    '"a string"',
    '1e309',
    '{"on":"\\ud800"}',
  ),
  fc.nat({ max: 3000 }).map((depth) => `${'['.repeat(depth + 50)}${']'.repeat(depth + 50)}`),
  fc.nat({ max: 3000 }).map((depth) => `${'{"a":'.repeat(depth + 50)}1${'}'.repeat(depth + 50)}`),
);

export const hostileValue = fc.oneof(
  awkwardString.map((text) => text.slice(0, 4000)),
  fc.constantFrom('-1', '1e99', 'NaN', '[]', '{}', '__proto__', 'constructor', ' '),
);

/**
 * POSTs hostile bodies to `paths` (under /api/v1), 120 at random: never a 500, a refusal is
 * problem+json, and a refused command leaves `events()` (a count of the events it could have
 * appended) as it was.
 */
export async function postHostileBodies(app: TestApp, paths: readonly string[], authorization: string, events: () => Promise<number>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: paths.length - 1 }), hostileBody, async (index, body) => {
      const before = await events();
      const response = await app.http().post(`/api/v1/${paths[index]}`).set('Authorization', authorization).set('Content-Type', 'application/json').send(body);
      if (response.status >= 500) throw new Error(`POST /${paths[index]} answered ${response.status}: ${JSON.stringify(response.body)}`);
      if (response.status >= 400) {
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(await events()).toBe(before);
      }
    }),
    { numRuns: 120, interruptAfterTimeLimit: 90_000 },
  );
}
