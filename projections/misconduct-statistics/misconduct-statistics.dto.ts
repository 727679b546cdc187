import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ForceQueryField } from '../inspection-metrics/inspection-metrics.dto';

/** `GET /statistics/misconduct?force=&year=`: `year` is the year the financial year starts in. */
export class MisconductStatisticsQuery {
  @ForceQueryField()
  force?: string;

  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2999, example: 2013, description: 'Financial year starting 1 April of this year: 2013 is 1 April 2013 – 31 March 2014' })
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year!: number;
}
