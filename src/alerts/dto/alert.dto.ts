/** Bodies and path parameters of the alert routes. */
import { CountField, DayField, IdField, OneOfField } from '../../common/dto-fields';
import { OptionalForceField } from '../../common/force';
import { CASE_FLAGS, CORRUPTION_CATEGORIES, STANDARDS } from '../../cases/case.enums';
import type { CaseFlag, CorruptionCategory, Standard } from '../../cases/case.enums';
import { COMPLAINT_CATEGORIES } from '../../cases/complaint.enums';
import type { ComplaintCategory } from '../../cases/complaint.enums';
import { ALERT_DISPOSITIONS, ALERT_KINDS } from '../alert.events';
import type { AlertDisposition, AlertKind } from '../alert.events';

/** A window of up to ten years; a count of up to a thousand. */
const MAX_WINDOW_DAYS = 3660;
const MAX_COUNT = 1000;

export class AlertParams {
  @IdField({ description: 'Given in AlertRaised (GET /alerts)' })
  alertId!: string;
}

export class AlertThresholdParams {
  @IdField({ description: 'Given by POST /alerts/thresholds' })
  thresholdId!: string;
}

export class SetAlertThresholdBody {
  @IdField({ optional: true, description: 'The threshold to change; a new threshold when absent' })
  thresholdId?: string;

  @OptionalForceField()
  force?: string;

  @OneOfField(ALERT_KINDS)
  kind!: AlertKind;

  @CountField(MAX_COUNT, { optional: true, description: 'N (INCIDENT_TYPE, OVERALL, ALLEGATION_DETAIL); the least measure (TOP_PERCENTILE)' })
  count?: number;

  @CountField(MAX_WINDOW_DAYS, { optional: true, description: 'The window in days, ending on the day of the crossing fact' })
  windowDays?: number;

  @OneOfField(COMPLAINT_CATEGORIES, { optional: true, description: 'INCIDENT_TYPE: the category counted' })
  category?: ComplaintCategory;

  @OneOfField(STANDARDS, { optional: true, description: 'ALLEGATION_DETAIL: allegations of this standard' })
  standard?: Standard;

  @OneOfField(CORRUPTION_CATEGORIES, { optional: true, description: 'ALLEGATION_DETAIL: allegations of this corruption category' })
  corruptionCategory?: CorruptionCategory;

  @OneOfField(CASE_FLAGS, { optional: true, description: 'ALLEGATION_DETAIL: allegations in a case with this flag' })
  flag?: CaseFlag;

  @CountField(100, { optional: true, description: 'TOP_PERCENTILE: X, the top X% (1 to 50)' })
  percentile?: number;

  @IdField({ optional: true, description: 'MONITORED_PERSON: the person monitored' })
  personId?: string;

  @DayField({ description: 'From when the threshold applies' })
  setOn!: string;
}

export class RemoveAlertThresholdBody {
  @OptionalForceField()
  force?: string;

  @DayField()
  removedOn!: string;
}

export class AcknowledgeAlertBody {
  @DayField()
  acknowledgedOn!: string;
}

export class DispositionAlertBody {
  @OneOfField(ALERT_DISPOSITIONS)
  disposition!: AlertDisposition;

  @DayField()
  dispositionedOn!: string;
}
