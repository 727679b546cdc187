import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, ValidateBy } from 'class-validator';
import { isLegalDay, isLegalInstant, legalDayRule } from '../../src/common/days';
import { canonicalUuid } from '../../src/http/uuid';
import { IdField } from '../../src/common/dto-fields';
import { PagedQuery } from '../../src/common/paging';

export const ACCESS_LOG_MAX_PAGE_SIZE = 500;
/** `YYYY-MM-DD` (a UTC day) or an ISO instant, on a legal day: year 0 made the query fail (issue 11). */
const DayOrInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isLegalDayOrInstant',
    validator: {
      validate: (value: unknown) => isLegalDay(value) || isLegalInstant(value),
      defaultMessage: () => `$property ${legalDayRule()}, or an ISO 8601 instant with its offset on such a day`,
    },
  });

/** `GET /access-log?caseId=&userId=&from=&to=&page=&pageSize=` (docs/api.md). */
export class AccessLogQuery extends PagedQuery(50, ACCESS_LOG_MAX_PAGE_SIZE) {
  @IdField({ optional: true })
  caseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  // A user id that is a UUID is stored lower-cased (src/http/token.ts): look it up so.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (canonicalUuid(value) ?? value) : value))
  @IsString()
  @Length(1, 200)
  userId?: string;

  @ApiPropertyOptional({ description: 'From this day (its start, UTC) or instant, inclusive.' })
  @IsOptional()
  @DayOrInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'To this day (its end, UTC) inclusive, or this instant, exclusive.' })
  @IsOptional()
  @DayOrInstant()
  to?: string;
}
