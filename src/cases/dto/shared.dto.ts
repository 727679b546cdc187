/** Bodies several routes share: a date alone, or a date and a reason. */
import { DayField, REASON_MAX_LENGTH, TextField } from '../../common/dto-fields';

/** InvestigationReportSubmitted, ManagementActionTaken, and the base of the dated `action` bodies. */
export class DatedBody {
  @DayField()
  on!: string;
}

/** CaseClosed, CaseReopened, and the base of the suspension body. */
export class DatedReasonBody extends DatedBody {
  @TextField(REASON_MAX_LENGTH)
  reason!: string;
}
