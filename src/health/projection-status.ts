import { Injectable } from '@nestjs/common';
import { GlobalPosition, formatPosition } from '../event-store/position';

/** What a running projection tells /health and read-your-writes waits. */
export interface ProjectionStatusSource {
  readonly name: string;
  /** The last position the projection has committed. */
  position(): Promise<GlobalPosition>;
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
