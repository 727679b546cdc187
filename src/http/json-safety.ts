import type { FieldError } from './problem';

/**
 * JSON that parses may still be impossible to store: PostgreSQL's jsonb refuses the NUL
 * character and lone UTF-16 surrogates, and JSON.parse turns `1e999` into Infinity, which
 * has no JSON form at all. Such a value must be a 400 at the door, not a failed append
 * (which, with group commit, would also fail the appends batched with it).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Fields and list items in one body, counted across all its levels. The largest body a route
 * takes (ConcludeProceedings: twenty findings of three fields) has under a hundred; 80,000
 * unknown keys in a 1 MB body held the event loop for 3 to 5 s in class-transformer, which
 * removes duplicate keys in quadratic time, so the count is checked before it runs.
 */
export const MAX_JSON_MEMBERS = 1_000;

/**
 * Names every object inherits (`constructor`, `toString`, `hasOwnProperty`, `__proto__`, ...):
 * class-transformer skips a key whose value on the new instance is a function, so such a
 * field would be dropped unseen instead of refused like any other unknown field. No body
 * field of this API has one of these names.
 */
const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first part of `value` that cannot be stored, or undefined when all of it can. */
export function findUnstorableJson(value: unknown): FieldError | undefined {
  // An explicit stack rather than recursion: the depth is the client's to choose.
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  let members = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const field = next.path || 'body';
    if (typeof next.value === 'string') {
      const problem = textProblem(next.value);
      if (problem) return { field, message: problem };
    } else if (typeof next.value === 'number') {
      if (!Number.isFinite(next.value)) return { field, message: 'numbers must be finite' };
    } else if (typeof next.value === 'object' && next.value !== null) {
      if (next.depth >= MAX_JSON_DEPTH) return { field, message: `values may be nested at most ${MAX_JSON_DEPTH} deep` };
      members += Array.isArray(next.value) ? next.value.length : Object.keys(next.value).length;
      if (members > MAX_JSON_MEMBERS) return { field: 'body', message: `a body may hold at most ${MAX_JSON_MEMBERS} fields and list items in all` };
      const entries = Array.isArray(next.value) ? next.value.map((item, index) => [String(index), item] as const) : Object.entries(next.value);
      for (const [key, item] of entries) {
        const path = next.path ? `${next.path}.${key}` : key;
        const keyProblem = Array.isArray(next.value) ? undefined : keyNameProblem(key);
        if (keyProblem) return { field: path, message: `field name: ${keyProblem}` };
        pending.push({ value: item, path, depth: next.depth + 1 });
      }
    }
  }
  return undefined;
}

function keyNameProblem(key: string): string | undefined {
  if (INHERITED_NAMES.has(key)) return `the name ${key} is not allowed (every object has a member of that name)`;
  return textProblem(key);
}

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'text may not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'text must be well-formed Unicode (no lone surrogates)';
  return undefined;
}
