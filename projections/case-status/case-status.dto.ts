import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CASE_STAGES, CORRUPTION_CATEGORIES } from '../../src/cases/case.enums';
import type { CaseStage, CorruptionCategory } from '../../src/cases/case.enums';

export const MAX_PAGE_SIZE = 100;

/** `GET /cases?force=&stage=&category=&overdue=&subjectPersonId=&page=&pageSize=` (api.md). */
export class CaseListQuery {
  @ApiPropertyOptional({ description: 'Force code, e.g. HAMPSHIRE' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  force?: string;

  @ApiPropertyOptional({ enum: CASE_STAGES })
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @ApiPropertyOptional({ enum: CORRUPTION_CATEGORIES, description: 'Cases whose referral or any allegation has this category' })
  @IsOptional()
  @IsIn(CORRUPTION_CATEGORIES)
  category?: CorruptionCategory;

  @ApiPropertyOptional({ type: Boolean, description: 'true: overdue cases; false: the others (a case whose deadlines are not known yet is not overdue)' })
  @IsOptional()
  // A query string carries text: only the words true and false are booleans here.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Cases with a subject of this personId' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  subjectPersonId?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;
}
