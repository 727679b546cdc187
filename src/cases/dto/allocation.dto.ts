/** Bodies of the chain-of-command steps (src/cases/allocation.events.ts). Who submits, reviews or signs off is the sender, not a field. */
import { RANKS } from '../case.enums';
import type { Rank } from '../case.enums';
import { APPOINTMENT_ROLES, FORMS_OF_PROCEEDINGS, REPORT_REVIEW_RESULTS, SIGNED_OFF_DECISIONS } from '../allocation.enums';
import type { AppointmentRole, FormOfProceedings, ReportReviewResult, SignedOffDecision } from '../allocation.enums';
import { IdField, NARRATIVE_MAX_LENGTH, OneOfField, REASON_MAX_LENGTH, TextField, VAULT } from '../../common/dto-fields';
import { DatedBody } from './shared.dto';

export class AppointInvestigatorBody extends DatedBody {
  @IdField({ optional: true, description: 'The new appointment id; generated when absent' })
  appointmentId?: string;

  @IdField({ description: "The appointee's pseudonymous person id (the `sub` of their token)" })
  investigatorId!: string;

  @OneOfField(APPOINTMENT_ROLES)
  role!: AppointmentRole;

  @IdField({ optional: true, description: 'The subject the appointment is for; absent: the whole case' })
  subjectId?: string;

  @IdField({ optional: true, description: "The appointee's own line manager, where known (reg 15(3)(c))" })
  investigatorLineManagerId?: string;
}

export class ReassignInvestigatorBody extends DatedBody {
  @IdField()
  appointmentId!: string;

  @IdField({ description: 'Who holds the appointment from now on' })
  investigatorId!: string;

  @TextField(REASON_MAX_LENGTH, { description: `Why the appointment passes to another person. ${VAULT}` })
  reason!: string;

  @IdField({ optional: true, description: "The new holder's own line manager, where known (reg 15(3)(c))" })
  investigatorLineManagerId?: string;
}

export class SubjectLineManagerBody extends DatedBody {
  @IdField({ description: "The line manager's pseudonymous person id" })
  lineManagerId!: string;
}

export class ReportReviewBody extends DatedBody {
  @OneOfField(REPORT_REVIEW_RESULTS)
  result!: ReportReviewResult;

  @TextField(NARRATIVE_MAX_LENGTH, { optional: true, description: `Why the report is returned (for RETURNED only). ${VAULT}` })
  reasons?: string;
}

export class FormOfProceedingsBody extends DatedBody {
  @OneOfField(FORMS_OF_PROCEEDINGS)
  form!: FormOfProceedings;
}

export class SignOffBody extends DatedBody {
  @OneOfField(SIGNED_OFF_DECISIONS)
  decision!: SignedOffDecision;

  @OneOfField(RANKS, { description: "The signer's rank (STAFF: police staff of similar seniority)" })
  signerRank!: Rank;
}
