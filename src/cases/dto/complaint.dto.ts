/** Bodies of the complaint's steps (src/cases/complaint.events.ts). */
import { ValidateBy } from 'class-validator';
import {
  parseProtectedCharacteristics,
  PROTECTED_CHARACTERISTICS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_HANDLING_OUTCOMES,
  COMPLAINT_HANDLINGS,
  RECORD_COPY_EXCEPTIONS,
  RECORD_COPY_RECIPIENTS,
  REFERRAL_CRITERIA,
  REVIEW_BODIES,
  REVIEW_RESULTS,
  SCHEDULE_3_GROUNDS,
} from '../complaint.enums';
import type {
  ComplaintCategory,
  ComplaintHandling,
  ComplaintHandlingOutcome,
  RecordCopyException,
  RecordCopyRecipient,
  ReferralCriterion,
  ReviewBody,
  ReviewResult,
  Schedule3Ground,
} from '../complaint.enums';
import {
  CountField,
  DayField,
  FlagField,
  IdField,
  ListOfField,
  NARRATIVE_MAX_LENGTH,
  NestedField,
  OneOfField,
  TextField,
  VAULT,
} from '../../common/dto-fields';
import { DatedBody } from './shared.dto';

/** Optional coded protected characteristics (complaint.enums.ts), as JSON, kept in the vault. */
export const ProtectedCharacteristicsField = (description: string): PropertyDecorator => {
  const text = TextField(NARRATIVE_MAX_LENGTH, {
    optional: true,
    description: `${description}: the JSON of an object with any of ${JSON.stringify(PROTECTED_CHARACTERISTICS)}. ${VAULT}`,
  });
  const coded = ValidateBy({
    name: 'isProtectedCharacteristics',
    validator: {
      validate: (value: unknown) => value === undefined || parseProtectedCharacteristics(value) !== null,
      defaultMessage: () => '$property must be the JSON of an object of coded protected characteristics',
    },
  });
  return (target, key) => {
    text(target, key);
    coded(target, key);
  };
};

/** Allegations a complaint may hold in one logging. */
const MOST_ALLEGATIONS = 100;

export class ComplaintAllegationBody {
  @IdField()
  allegationId!: string;

  @OneOfField(COMPLAINT_CATEGORIES, {
    description: 'IOPC allegation category (the first five confirmed; the others unconfirmed, docs/domain/regulations.md §11)',
  })
  category!: ComplaintCategory;

  @DayField({ description: 'The day of the incident complained about' })
  incidentOn!: string;
}

export class LogComplaintBody {
  @DayField()
  loggedOn!: string;

  @FlagField({ description: 'An anonymous complaint holds no complainant details' })
  anonymous!: boolean;

  @TextField(NARRATIVE_MAX_LENGTH, { optional: true, description: `The complainant's name and contact details. ${VAULT}` })
  complainantDetails?: string;

  @ProtectedCharacteristicsField("The complainant's protected characteristics as they gave them, for the returns")
  protectedCharacteristics?: string;

  @NestedField(() => ComplaintAllegationBody, { list: { maxSize: MOST_ALLEGATIONS } })
  allegations!: ComplaintAllegationBody[];
}

export class ReferralCriteriaBody extends DatedBody {
  @ListOfField(REFERRAL_CRITERIA, { description: 'The mandatory referral criteria the matter meets (empty: none)' })
  criteria!: ReferralCriterion[];
}

export class ComplaintHandlingBody extends DatedBody {
  @OneOfField(COMPLAINT_HANDLINGS)
  handling!: ComplaintHandling;

  @FlagField({ description: 'The complainant wants the complaint recorded (PRA 2002 Sch 3 para 2(6)(a))' })
  complainantWantsRecorded!: boolean;

  @ListOfField(SCHEDULE_3_GROUNDS, { description: 'What the complaint alleges that makes handling under Schedule 3 mandatory (para 2(6A))' })
  schedule3Grounds!: Schedule3Ground[];
}

export class ComplaintHandledOtherwiseBody extends DatedBody {
  @OneOfField(COMPLAINT_HANDLING_OUTCOMES)
  outcome!: ComplaintHandlingOutcome;
}

export class ComplaintOutcomeBody extends DatedBody {
  @OneOfField(REVIEW_BODIES, { optional: true, description: 'The review body, for a complaint recorded under Schedule 3' })
  reviewBody?: ReviewBody;
}

export class ComplaintWithdrawalBody extends DatedBody {
  @FlagField({ description: 'C&M Regs 2020 reg 38: the Director General was notified (required for a referred complaint)' })
  directorGeneralNotified!: boolean;
}

export class ComplaintReviewApplicationBody extends DatedBody {
  @CountField(366, { optional: true, description: 'Days the application spent with the wrong body before it was forwarded (they do not count)' })
  daysInTransit?: number;
}

export class ComplaintReviewDecisionBody extends DatedBody {
  @OneOfField(REVIEW_RESULTS)
  result!: ReviewResult;

  @FlagField()
  recommendationsMade!: boolean;
}

export class ComplaintRecordCopyBody extends DatedBody {
  @OneOfField(RECORD_COPY_RECIPIENTS, {
    description: 'C&M Regs 2020 reg 3: the complainant (a copy of the record) or the person complained against (a copy of the complaint)',
  })
  to!: RecordCopyRecipient;

  @IdField({ optional: true, description: 'The subject of the case given the copy (for PERSON_COMPLAINED_AGAINST only)' })
  subjectId?: string;

  @OneOfField(RECORD_COPY_EXCEPTIONS, { optional: true, description: 'Set when the copy was withheld, with the ground (the exceptions are ✖ unconfirmed)' })
  withheldUnder?: RecordCopyException;
}

export class ConductMatterRecordingBody extends DatedBody {
  @ListOfField(REFERRAL_CRITERIA, {
    description: 'The C&M Regs 2020 reg 7(1) descriptions the conduct matter meets (they are also its mandatory referral criteria)',
  })
  grounds!: ReferralCriterion[];
}

export class WithdrawalDecisionBody extends DatedBody {
  @FlagField({ description: 'C&M Regs 2020 reg 38: the Director General treats the withdrawn complaint as a conduct matter' })
  treatAsConductMatter!: boolean;

  @IdField({ optional: true, description: 'The case opened for the conduct matter, when one is' })
  conductMatterCaseId?: string;
}

export class RevealedConductMatterBody extends DatedBody {
  @IdField({ optional: true, description: 'The case opened for the conduct matter, when one is' })
  conductMatterCaseId?: string;
}
