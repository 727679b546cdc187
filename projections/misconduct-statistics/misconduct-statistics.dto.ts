import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, ValidateBy } from 'class-validator';
import { currentLegalDays, isLegalDay } from '../../src/common/days';
import { ForceQueryField } from '../common/figures-http';

/** `GET /statistics/misconduct?force=&year=`: `year` is the year the financial year starts in. */
export class MisconductStatisticsQuery {
  @ForceQueryField()
  force?: string;

  @ApiProperty({
    type: 'integer',
    example: 2013,
    description:
      'Financial year starting 1 April of this year: 2013 is 1 April 2013 – 31 March 2014; 1 April must lie between LEDGER_EARLIEST_DAY and LEDGER_LATEST_DAY (by default 1900–2100)',
  })
  @Type(() => Number)
  @IsInt()
  @ValidateBy({
    name: 'isLegalFinancialYear',
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && isLegalDay(`${String(value).padStart(4, '0')}-04-01`),
      defaultMessage: () => `year must start (1 April) between ${currentLegalDays().earliest} and ${currentLegalDays().latest}`,
    },
  })
  year!: number;
}
