/** Bodies of the business-interest routes (docs/events.md, "Register events"). */
import { DayField, IdField, OneOfField, REASON_MAX_LENGTH, TextField, VAULT } from '../../common/dto-fields';
import { OptionalForceField } from '../../common/force';
import { BUSINESS_INTEREST_DECISIONS, BUSINESS_INTEREST_NATURES, COMPLIANCE_RESULTS } from '../registers.enums';
import type { BusinessInterestDecision, BusinessInterestNature, ComplianceResult } from '../registers.enums';

/** Every register entry is in a force's register: the body's, or the writer's own. */
export class RegisterEntryBody {
  @OptionalForceField()
  force?: string;
}

export class ApplyForBusinessInterestBody extends RegisterEntryBody {
  @IdField({ optional: true, description: 'The new business interest id; generated when absent' })
  businessInterestId?: string;

  @DayField()
  appliedOn!: string;

  @OneOfField(BUSINESS_INTEREST_NATURES)
  nature!: BusinessInterestNature;

  @TextField(REASON_MAX_LENGTH, { description: `The occupation or interest. ${VAULT}` })
  details!: string;
}

export class DecideBusinessInterestBody extends RegisterEntryBody {
  @OneOfField(BUSINESS_INTEREST_DECISIONS)
  decision!: BusinessInterestDecision;

  @DayField()
  decidedOn!: string;

  @TextField(REASON_MAX_LENGTH, { optional: true, description: `Required exactly when the decision is APPROVED_WITH_CONDITIONS. ${VAULT}` })
  conditions?: string;
}

/** The annual review of a business interest or an association. */
export class ReviewBody extends RegisterEntryBody {
  @DayField()
  reviewedOn!: string;
}

export class RescindBusinessInterestBody extends RegisterEntryBody {
  @DayField()
  rescindedOn!: string;

  @TextField(REASON_MAX_LENGTH, { description: VAULT })
  reason!: string;
}

export class WithdrawBusinessInterestBody extends RegisterEntryBody {
  @DayField()
  withdrawnOn!: string;
}

export class ComplianceCheckBody extends RegisterEntryBody {
  @DayField()
  checkedOn!: string;

  @OneOfField(COMPLIANCE_RESULTS, { description: 'DECLINED_INTEREST_CONTINUING: a declined, rescinded or withdrawn interest found carrying on' })
  result!: ComplianceResult;
}
