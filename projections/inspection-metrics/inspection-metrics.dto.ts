import { ValidateBy } from 'class-validator';
import { isBeforeDay, isIsoDay } from '../../src/common/days';
import { DayField } from '../../src/common/dto-fields';
import { ForceQueryField } from '../common/figures-http';

/** `GET /metrics/inspection?force=&from=&to=` (docs/api.md): both dates inclusive, `from` ≤ `to`. */
export class InspectionMetricsQuery {
  @ForceQueryField()
  force?: string;

  @DayField({ description: 'First day counted (inclusive), YYYY-MM-DD' })
  from!: string;

  @DayField({ description: 'Last day counted (inclusive), YYYY-MM-DD; the workforce is the latest return on or before it' })
  @ValidateBy({
    name: 'notBeforeFrom',
    validator: {
      validate: (value: unknown, args) => {
        const from = (args?.object as { from?: unknown } | undefined)?.from;
        // A malformed `from` is reported on its own field.
        return !isIsoDay(value) || !isIsoDay(from) || !isBeforeDay(value, from);
      },
      defaultMessage: () => '$property must not be before from',
    },
  })
  to!: string;
}
