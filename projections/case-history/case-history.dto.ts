import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, ValidateBy } from 'class-validator';
import { isLegalDay, isLegalInstant, legalDayRule } from '../../src/common/days';

/** `GET /cases/{caseId}/history?asOf=<date or instant>` (docs/api.md). */
export class CaseHistoryQuery {
  @ApiPropertyOptional({
    description: 'A day (YYYY-MM-DD: the end of that day, Europe/London) or an instant with its offset: only what had been recorded by then',
    example: '2021-06-30',
  })
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'isAsOf',
    validator: {
      // A day past 9999-12-30 has no next day to end at: a 500 before issue 11.
      validate: (value: unknown) => isLegalDay(value) || isLegalInstant(value),
      defaultMessage: () => `asOf ${legalDayRule()}, or an instant with an offset on such a day (2021-06-30T12:00:00Z)`,
    },
  })
  asOf?: string;
}
