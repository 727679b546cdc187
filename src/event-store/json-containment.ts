import type { JsonValue } from './event-store';

/**
 * JSON containment as PostgreSQL's jsonb `@>` decides it, for engines that filter on this
 * side (ReadFilter.dataContains): an object contains a pattern object when every field of the
 * pattern is present and contains the pattern's value; an array contains a pattern array when
 * each of the pattern's elements is contained in one of its elements; anything else, when
 * equal (numbers by value).
 */
export function jsonContains(value: JsonValue | undefined, pattern: JsonValue): boolean {
  if (value === undefined) return false;
  if (Array.isArray(pattern)) return Array.isArray(value) && pattern.every((wanted) => value.some((element) => jsonContains(element, wanted)));
  if (pattern !== null && typeof pattern === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    return Object.entries(pattern).every(([field, wanted]) => Object.hasOwn(value, field) && jsonContains(value[field], wanted));
  }
  return value === pattern;
}
