/** Bodies of the steps about the case as a whole: reports, learning, corrections. */
import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { LEARNING_KINDS, PROGRESS_REPORT_KINDS, PROGRESS_REPORT_RECIPIENTS } from '../case.enums';
import type { LearningKind, ProgressReportKind, ProgressReportRecipient } from '../case.enums';
import type { CorrectableEventData } from '../case.events';
import { DayField, IdField, NARRATIVE_MAX_LENGTH, OneOfField, REASON_MAX_LENGTH, TextField, VAULT } from '../../common/dto-fields';

export class ProgressReportBody {
  @OneOfField(PROGRESS_REPORT_RECIPIENTS)
  to!: ProgressReportRecipient;

  @DayField()
  on!: string;

  @OneOfField(PROGRESS_REPORT_KINDS, { description: 'Conduct Regs 2020 reg 19: after 12 months, then every further 6' })
  kind!: ProgressReportKind;
}

/** reg 19; C&M reg 13: the period's report is not made, as it might prejudice an investigation. */
export class WithheldProgressReportBody {
  @DayField()
  on!: string;

  @OneOfField(PROGRESS_REPORT_KINDS, { description: 'The statutory report withheld: TWELVE_MONTH or SIX_MONTH_FOLLOW_UP' })
  kind!: ProgressReportKind;
}

export class LearningBody {
  @DayField()
  on!: string;

  @OneOfField(LEARNING_KINDS)
  kind!: LearningKind;

  @TextField(NARRATIVE_MAX_LENGTH, { description: VAULT })
  text!: string;
}

export class CorrectionBody {
  @IdField({ description: 'The event of this case to correct (from a command response or the history)' })
  correctsEventId!: string;

  @TextField(REASON_MAX_LENGTH)
  reason!: string;

  // Its shape depends on the corrected event's type, which only the case knows: decide checks
  // it against the event schema (422 replacementMustMatchEventType).
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The corrected event's complete payload, of the corrected event's own type",
  })
  @IsObject()
  replacement!: CorrectableEventData;
}
