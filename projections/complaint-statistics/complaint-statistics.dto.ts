import { DayField } from '../../src/common/dto-fields';
import { ForceQueryField, NotBeforeFrom } from '../common/figures-http';

/** `GET /statistics/complaints?force=&from=&to=`: both days inclusive, `from` ≤ `to`. */
export class ComplaintStatisticsQuery {
  @ForceQueryField()
  force?: string;

  @DayField({ description: 'First day counted (inclusive), YYYY-MM-DD' })
  from!: string;

  @DayField({ description: 'Last day counted (inclusive), YYYY-MM-DD' })
  @NotBeforeFrom()
  to!: string;
}
