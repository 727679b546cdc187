import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The last page a list serves, however the client pages. */
const MAX_PAGE = 1_000_000;

/** The base of a paged list's query: `page` (from 1) and `pageSize`, validated like every query field. */
export function PagedQuery(defaultPageSize: number, maxPageSize: number) {
  class Paged {
    @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(MAX_PAGE)
    page: number = 1;

    @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: maxPageSize, default: defaultPageSize })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxPageSize)
    pageSize: number = defaultPageSize;
  }
  return Paged;
}
