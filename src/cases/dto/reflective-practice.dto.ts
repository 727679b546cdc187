/**
 * Bodies of the reflective practice stages (src/cases/reflective-practice.events.ts) and of the
 * steps around the proceedings and the Performance and Vetting routes
 * (src/cases/proceedings-routes.events.ts). The stages with a date alone take DatedBody.
 */
import { DayField, FlagField, IdField, NARRATIVE_MAX_LENGTH, NestedField, OneOfField, TextField, VAULT } from '../../common/dto-fields';
import { ENGAGEMENT_FAILURE_ROUTES, PERFORMANCE_OUTCOMES, VETTING_OUTCOMES } from '../reflective-practice.enums';
import type { EngagementFailureRoute, PerformanceOutcome, VettingOutcome } from '../reflective-practice.enums';
import { DatedBody } from './shared.dto';

/** The most subjects one direction of joint proceedings names. */
const MOST_JOINT_SUBJECTS = 50;

export class ReflectiveNoticeBody extends DatedBody {
  @TextField(NARRATIVE_MAX_LENGTH, { description: `The reasons for the referral, as given to the participant. ${VAULT}` })
  reasons!: string;
}

export class ReflectiveDiscussionBody extends DatedBody {
  @FlagField({ description: 'Held jointly with other participants (each still gets an individual report)' })
  joint!: boolean;
}

export class ReflectiveReportBody extends DatedBody {
  @TextField(NARRATIVE_MAX_LENGTH, { description: `Summary of the issue, its background and the discussion. ${VAULT}` })
  summary!: string;

  @TextField(NARRATIVE_MAX_LENGTH, { description: `The key actions agreed. ${VAULT}` })
  keyActions!: string;

  @DayField({ description: 'The end of the specified period for the key actions (reg 70)' })
  actionsDueOn!: string;

  @TextField(NARRATIVE_MAX_LENGTH, { description: `Lessons for the participant. ${VAULT}` })
  lessonsForOfficer!: string;

  @TextField(NARRATIVE_MAX_LENGTH, { description: `Lessons for line management or the force. ${VAULT}` })
  lessonsForForce!: string;

  @DayField({ description: 'The end of the specified review period (reg 70)' })
  reviewPeriodEndsOn!: string;
}

export class ReflectiveActionsReviewBody extends DatedBody {
  @FlagField({ description: "Whether the report's key actions were completed" })
  actionsCompleted!: boolean;
}

export class EngagementFailureBody extends DatedBody {
  @OneOfField(ENGAGEMENT_FAILURE_ROUTES, {
    description: 'Where the matter goes: back to the misconduct route, or to the Performance Regulations (◐ partly confirmed)',
  })
  referredTo!: EngagementFailureRoute;
}

export class JointSubjectBody {
  @IdField()
  subjectId!: string;
}

export class JointProceedingsBody extends DatedBody {
  @NestedField(() => JointSubjectBody, {
    list: { maxSize: MOST_JOINT_SUBJECTS },
    description: 'The subjects whose proceedings are held together (two or more)',
  })
  subjects!: JointSubjectBody[];
}

export class PerformanceReferralBody extends DatedBody {
  @FlagField({ description: 'Referred to a gross incompetence meeting (true) or the unsatisfactory performance procedures (false)' })
  grossIncompetence!: boolean;
}

export class PerformanceOutcomeBody extends DatedBody {
  @OneOfField(PERFORMANCE_OUTCOMES)
  outcome!: PerformanceOutcome;
}

export class VettingOutcomeBody extends DatedBody {
  @OneOfField(VETTING_OUTCOMES)
  outcome!: VettingOutcome;
}
