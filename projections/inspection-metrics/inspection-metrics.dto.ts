import { DayField } from '../../src/common/dto-fields';
import { ForceQueryField, NotBeforeFrom } from '../common/figures-http';

/** `GET /metrics/inspection?force=&from=&to=` (docs/api.md): both dates inclusive, `from` ≤ `to`. */
export class InspectionMetricsQuery {
  @ForceQueryField()
  force?: string;

  @DayField({ description: 'First day counted (inclusive), YYYY-MM-DD' })
  from!: string;

  @DayField({ description: 'Last day counted (inclusive), YYYY-MM-DD; the workforce is the latest return on or before it' })
  @NotBeforeFrom()
  to!: string;
}
