/**
 * What a read of a projection's views can meet while the runner is still making them:
 * - no views yet (42P01): the projection has never built a generation;
 * - a column the query reads is missing (42703): the active generation was built by an older
 *   version of the projection, whose tables had other columns, and the new version is being
 *   rebuilt beside it (blue/green: readers keep the old generation until the new one has
 *   caught up). Answering from it is impossible, and answering zeros would be wrong, so
 *   the reader is told to come back (503 with Retry-After).
 */
import { DatabaseError } from 'pg';
import { problem } from '../../src/http/problem';
import type { Problem } from '../../src/http/problem';

const UNDEFINED_TABLE = '42P01';
const UNDEFINED_COLUMN = '42703';

function codeOf(error: unknown): unknown {
  return error instanceof DatabaseError ? error.code : (error as { code?: unknown } | null)?.code;
}

/** The projection has no views yet. */
export function isNotBuiltYet(error: unknown): boolean {
  return codeOf(error) === UNDEFINED_TABLE;
}

/** The active generation predates the version this code reads. */
export function isOlderGeneration(error: unknown): boolean {
  return codeOf(error) === UNDEFINED_COLUMN;
}

/** 503 read-models-behind: `what` is still being built (or rebuilt for this version). */
export function readModelBehind(what: string): Problem {
  return problem(503, 'read-models-behind', `The ${what} read model is still being built for this version of the service; try again shortly.`, {
    headers: { 'Retry-After': '1' },
  });
}

/** Runs a read of `what`'s views; before they are built, or while they are an older version's, answers 503 (try again). */
export async function readBuilt<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isNotBuiltYet(error) || isOlderGeneration(error)) throw readModelBehind(what);
    throw error;
  }
}
