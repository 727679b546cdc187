import { Injectable } from '@nestjs/common';

/**
 * One thing wrong with the service, as /health lists it. `blocksService`: the service
 * cannot answer correctly while it lasts (the database is away, conflicts cannot be
 * checked, a read model has stopped), so /health answers 503 and a load balancer takes the
 * instance out; otherwise it is reported with a 200 (`degraded`).
 */
export interface HealthProblem {
  /** What is affected: `database`, `conflictRegistry`, `projection:<name>`, … */
  component: string;
  /** A stable name for the problem, e.g. `unavailable`, `subscriptionFailed`. */
  problem: string;
  /** A short explanation; never personal data. */
  detail?: string;
  blocksService: boolean;
}

export type HealthCheck = () => HealthProblem[] | Promise<HealthProblem[]>;

/** Parts of the service register a check here; /health runs them all on every call. */
@Injectable()
export class HealthChecks {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async problems(): Promise<HealthProblem[]> {
    const found = await Promise.all(
      [...this.checks.entries()].map(([name, check]) =>
        Promise.resolve()
          .then(check)
          .catch((): HealthProblem[] => [{ component: name, problem: 'checkFailed', blocksService: true }]),
      ),
    );
    return found.flat();
  }
}
