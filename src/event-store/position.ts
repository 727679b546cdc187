/**
 * A place in the global order of the whole store.
 *
 * EventStoreDB identifies a place in `$all` by a commit and a prepare position (several
 * events appended together share a commit position). The PostgreSQL engine has one
 * number per event and uses it for both. The text form is `"<n>"` when both are equal and
 * `"<commit>:<prepare>"` otherwise; it is what HTTP clients see (`X-Ledger-Position`) and
 * what projections store as their checkpoint.
 */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Before the first event: reading "after START" reads everything. */
export const START: GlobalPosition = Object.freeze({ commit: -1n, prepare: -1n });

export function positionOf(value: bigint): GlobalPosition {
  return { commit: value, prepare: value };
}

export function formatPosition(position: GlobalPosition): string {
  return position.commit === position.prepare ? position.commit.toString() : `${position.commit}:${position.prepare}`;
}

const POSITION_TEXT = /^(-1|\d{1,20})(?::(-1|\d{1,20}))?$/;

/** Parses the text form; returns undefined for anything that is not one. */
export function parsePosition(text: string): GlobalPosition | undefined {
  const match = POSITION_TEXT.exec(text.trim());
  if (!match) return undefined;
  const commit = BigInt(match[1]);
  const prepare = match[2] === undefined ? commit : BigInt(match[2]);
  return { commit, prepare };
}

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function isAfter(a: GlobalPosition, b: GlobalPosition): boolean {
  return comparePositions(a, b) > 0;
}
