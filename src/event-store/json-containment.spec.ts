import { jsonContains } from './json-containment';

/** The containment the event store's data filter means (ReadFilter.dataContains): PostgreSQL's jsonb `@>`. */
describe('JSON containment, as jsonb @> decides it', () => {
  it.each([
    [{ personId: 'p1', subjectId: 's1' }, { personId: 'p1' }, true],
    [{ personId: 'p2' }, { personId: 'p1' }, false],
    [{ subjectId: 's1' }, { personId: 'p1' }, false],
    [{ replacement: { personId: 'p1', rank: 'PC' } }, { replacement: { personId: 'p1' } }, true],
    [{ replacement: { personId: 'p2' } }, { replacement: { personId: 'p1' } }, false],
    [{ personId: { id: 'p1' } }, { personId: 'p1' }, false],
    [{ standards: ['A', 'B', 'C'] }, { standards: ['C', 'A'] }, true],
    [{ standards: ['A'] }, { standards: ['A', 'B'] }, false],
    [{ n: 1, ok: true, none: null }, { n: 1, ok: true, none: null }, true],
    [{ n: 1 }, { n: '1' }, false],
    [{ a: 1 }, {}, true],
  ])('%j @> %j is %s', (value, pattern, expected) => {
    expect(jsonContains(value, pattern)).toBe(expected);
  });
});
