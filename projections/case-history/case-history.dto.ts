import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, ValidateBy } from 'class-validator';
import { recordedByMs } from './as-of';

/** `GET /cases/{caseId}/history?asOf=<date or instant>` (api.md). */
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
      validate: (value: unknown) => typeof value === 'string' && recordedByMs(value) !== undefined,
      defaultMessage: () => 'asOf must be a day (YYYY-MM-DD) or an instant with an offset (2021-06-30T12:00:00Z)',
    },
  })
  asOf?: string;
}
