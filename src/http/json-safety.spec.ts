import { findUnstorableJson, MAX_JSON_DEPTH, MAX_JSON_MEMBERS } from './json-safety';

describe('findUnstorableJson', () => {
  it('accepts ordinary JSON, including paired surrogates (emoji)', () => {
    expect(findUnstorableJson({ a: 'text 😀', b: [1, 2.5, null, true], c: { d: 'é' } })).toBeUndefined();
  });

  it.each([
    [{ a: 'x\u0000y' }, 'a'],
    [{ a: [{ b: '\ud800' }] }, 'a.0.b'],
    [{ a: { b: '\udc00x' } }, 'a.b'],
    [{ n: Infinity }, 'n'],
    [{ 'k\u0000': 1 }, 'k\u0000'],
    [JSON.parse('{"__proto__": {"x": 1}}'), '__proto__'],
    [{ constructor: 1 }, 'constructor'],
    [{ a: { toString: 'x' } }, 'a.toString'],
    [{ a: [{ hasOwnProperty: true }] }, 'a.0.hasOwnProperty'],
  ])('finds the unstorable part of %j at %p', (value, field) => {
    expect(findUnstorableJson(value)?.field).toBe(field);
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(findUnstorableJson({ deep })?.message).toMatch(String(MAX_JSON_DEPTH));
  });

  it('given more fields and list items than the limit across all levels, then the body is refused as a whole', () => {
    const wide = Object.fromEntries(Array.from({ length: MAX_JSON_MEMBERS + 1 }, (_, index) => [`k${index}`, 1]));
    expect(findUnstorableJson(wide)).toEqual({ field: 'body', message: expect.stringContaining(String(MAX_JSON_MEMBERS)) });
    const spread = { a: Array.from({ length: MAX_JSON_MEMBERS / 2 }, () => 1), b: Array.from({ length: MAX_JSON_MEMBERS / 2 }, () => 1) };
    expect(findUnstorableJson(spread)?.field).toBe('body');
    expect(findUnstorableJson({ a: Array.from({ length: MAX_JSON_MEMBERS - 1 }, () => 1) })).toBeUndefined();
  });
});
