import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { canonicalUuid } from '../../src/http/uuid';
import { IdField } from '../../src/shared/dto-fields';
import { PagedQuery } from '../../src/shared/paging';

export const ACCESS_LOG_MAX_PAGE_SIZE = 500;
/** `YYYY-MM-DD` (a UTC day) or an ISO instant. */
const DAY_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const MESSAGE = 'must be a date YYYY-MM-DD or an ISO 8601 instant';

/** `GET /access-log?caseId=&userId=&from=&to=&page=&pageSize=` (api.md). */
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
  @Matches(DAY_OR_INSTANT, { message: `from ${MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({ description: 'To this day (its end, UTC) inclusive, or this instant, exclusive.' })
  @IsOptional()
  @Matches(DAY_OR_INSTANT, { message: `to ${MESSAGE}` })
  to?: string;
}
