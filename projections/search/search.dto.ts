import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CASE_FLAGS, CASE_STAGES, CASE_TYPES, CORRUPTION_CATEGORIES } from '../../src/cases/case.enums';
import type { CaseFlag, CaseStage, CaseType, CorruptionCategory } from '../../src/cases/case.enums';
import { DayField } from '../../src/common/dto-fields';
import { PagedQuery } from '../../src/common/paging';
import { SEARCH_KINDS } from './search.projection';
import type { SearchKind } from './search.projection';

export const MAX_SEARCH_PAGE_SIZE = 50;
/** Long enough for a name and a few words; the query is never logged (src/http/request-log.ts logs no query string). */
export const MAX_SEARCH_LENGTH = 200;

/** `GET /search?q=&kind=&force=&caseType=&stage=&category=&flag=&from=&to=&page=&pageSize=` */
export class SearchQuery extends PagedQuery(20, MAX_SEARCH_PAGE_SIZE) {
  @ApiProperty({
    description: 'Words, a name (matched fuzzily where pg_trgm is installed) or a reference (a case, person or recommendation id)',
    maxLength: MAX_SEARCH_LENGTH,
  })
  @IsString()
  @Length(1, MAX_SEARCH_LENGTH)
  @Matches(/\S/, { message: '$property must not be blank' })
  q!: string;

  @ApiPropertyOptional({ enum: SEARCH_KINDS })
  @IsOptional()
  @IsIn(SEARCH_KINDS)
  kind?: SearchKind;

  @ApiPropertyOptional({ description: 'Force code, e.g. HAMPSHIRE' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  force?: string;

  @ApiPropertyOptional({ enum: CASE_TYPES, description: 'Only the documents of cases of this type' })
  @IsOptional()
  @IsIn(CASE_TYPES)
  caseType?: CaseType;

  @ApiPropertyOptional({ enum: CASE_STAGES, description: 'Only the documents of cases at this stage' })
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @ApiPropertyOptional({ enum: CORRUPTION_CATEGORIES, description: 'Only the documents of cases with this category' })
  @IsOptional()
  @IsIn(CORRUPTION_CATEGORIES)
  category?: CorruptionCategory;

  @ApiPropertyOptional({ enum: CASE_FLAGS, description: 'Only the documents of cases whose referral carries this flag' })
  @IsOptional()
  @IsIn(CASE_FLAGS)
  flag?: CaseFlag;

  @DayField({ optional: true, description: "From this day (a case's opening, an entry's or a recommendation's date)" })
  from?: string;

  @DayField({ optional: true, description: 'Up to this day' })
  to?: string;
}
