import { Injectable } from '@nestjs/common';
import { GlobalPosition, formatPosition } from '../event-store/position';

/** What a running projection tells /health and read-your-writes waits. */
export interface ProjectionStatusSource {
  readonly name: string;
  /** The last position the projection has committed. */
  position(): Promise<GlobalPosition>;
  /** The events it could not apply and set aside (projections/runner/parked-events.ts). */
  parked?(): Promise<ParkedEventReport[]>;
}

/** What /health says of a parked event: where it is, not why (the page is public; the error is in the dead letter and the log). */
export interface ParkedEventReport {
  projection: string;
  eventId: string;
  position: string;
  type: string;
  parkedAt: string;
}

/**
 * Projections register here; /health reports each one's position and lag (events behind
 * the head of the store, where the engine can count them).
 */
@Injectable()
export class ProjectionStatusRegistry {
  private readonly sources = new Map<string, ProjectionStatusSource>();

  register(source: ProjectionStatusSource): void {
    this.sources.set(source.name, source);
  }

  all(): ProjectionStatusSource[] {
    return [...this.sources.values()];
  }

  async parked(): Promise<ParkedEventReport[]> {
    const lists = await Promise.all(this.all().map(async (source) => (await source.parked?.()) ?? []));
    return lists.flat().map(({ projection, eventId, position, type, parkedAt }) => ({ projection, eventId, position, type, parkedAt }));
  }

  async report(head: GlobalPosition): Promise<Record<string, { position: string; lag: number | null }>> {
    const entries = await Promise.all(
      this.all().map(async (source) => {
        const position = await source.position();
        const lag = head.commit === head.prepare && position.commit === position.prepare ? Number(head.commit - position.commit) : null;
        return [source.name, { position: formatPosition(position), lag: lag === null ? null : Math.max(0, lag) }] as const;
      }),
    );
    return Object.fromEntries(entries);
  }
}
