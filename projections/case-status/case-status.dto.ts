import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CASE_FLAGS, CASE_STAGES, CASE_TYPES, CORRUPTION_CATEGORIES } from '../../src/cases/case.enums';
import type { CaseFlag, CaseStage, CaseType, CorruptionCategory } from '../../src/cases/case.enums';
import { IdField, OptionalBooleanQuery } from '../../src/common/dto-fields';
import { PagedQuery } from '../../src/common/paging';

export const MAX_PAGE_SIZE = 100;

/** The orders of the case list: newest first (the default), oldest first, or the soonest next deadline first. */
export const CASE_LIST_SORTS = ['newest', 'oldest', 'nextDeadline'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];

/** `GET /cases?force=&stage=&caseType=&category=&flag=&overdue=&subjectPersonId=&investigator=&sort=&page=&pageSize=` (docs/api.md; `investigator`: issue 16, `flag`: issue 18). */
export class CaseListQuery extends PagedQuery(20, MAX_PAGE_SIZE) {
  @ApiPropertyOptional({ description: 'Force code, e.g. HAMPSHIRE' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  force?: string;

  @ApiPropertyOptional({ enum: CASE_STAGES })
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @ApiPropertyOptional({ enum: CASE_TYPES })
  @IsOptional()
  @IsIn(CASE_TYPES)
  caseType?: CaseType;

  @ApiPropertyOptional({ enum: CORRUPTION_CATEGORIES, description: 'Cases whose referral or any allegation has this category' })
  @IsOptional()
  @IsIn(CORRUPTION_CATEGORIES)
  category?: CorruptionCategory;

  @ApiPropertyOptional({
    enum: CASE_FLAGS,
    description: 'Cases whose referral carries this flag (APSP, prejudicial and improper behaviour, violence against women and girls)',
  })
  @IsOptional()
  @IsIn(CASE_FLAGS)
  flag?: CaseFlag;

  @OptionalBooleanQuery('true: overdue cases; false: the others (a case whose deadlines are not known yet is not overdue)')
  overdue?: boolean;

  @IdField({ optional: true, description: 'Cases with a subject of this personId' })
  subjectPersonId?: string;

  @IdField({ optional: true, description: 'Cases this person investigates or supervises now (the allocation read model)' })
  investigator?: string;

  @ApiPropertyOptional({
    enum: CASE_LIST_SORTS,
    description:
      'newest (default): the day the matter came to attention, latest first; oldest: earliest first; nextDeadline: the earliest statutory duty still owed first, cases with none last',
  })
  @IsOptional()
  @IsIn(CASE_LIST_SORTS)
  sort?: CaseListSort;
}
