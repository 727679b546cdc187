/** Bodies of the opening and assessment commands (docs/events.md, "Opening and assessment"). */
import { ProtectedCharacteristicsField } from './complaint.dto';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import {
  CASE_TYPES,
  CORRUPTION_CATEGORIES,
  DECISION_MAKERS,
  IOPC_MODES,
  IOPC_REFERRAL_CRITERIA,
  RANKS,
  REFERRAL_SOURCES,
  SENSITIVITIES,
  SEVERITY_LEVELS,
  STANDARDS,
  WORKFORCE_TYPES,
} from '../case.enums';
import type {
  CaseType,
  CorruptionCategory,
  DecisionMaker,
  IopcMode,
  IopcReferralCriterion,
  Rank,
  ReferralSource,
  Sensitivity,
  SeverityLevel,
  Standard,
  WorkforceType,
} from '../case.enums';
import {
  CountField,
  DayField,
  FlagField,
  IdField,
  LABEL_MAX_LENGTH,
  ListOfField,
  NARRATIVE_MAX_LENGTH,
  NestedField,
  OneOfField,
  TextField,
  VAULT,
} from '../../common/dto-fields';

export class ReferralFlagsBody {
  @FlagField({ description: 'Abuse of position for a sexual purpose' })
  apsp!: boolean;

  @FlagField()
  prejudicialImproperBehaviour!: boolean;

  @FlagField()
  violenceAgainstWomenAndGirls!: boolean;
}

export class ReceiveReferralBody {
  @IdField({ optional: true, description: 'The new case id; generated when absent' })
  caseId?: string;

  @ApiProperty({ example: 'HAMPSHIRE', description: "Force code, upper case (the writer's own force unless they act for all: `*`)" })
  @Matches(/^[A-Z][A-Z0-9_]{0,63}$/, { message: '$property must be a force code such as HAMPSHIRE' })
  force!: string;

  @DayField({ description: 'When the matter came to attention: it decides which conduct regulations apply' })
  receivedOn!: string;

  @OneOfField(REFERRAL_SOURCES)
  source!: ReferralSource;

  @OneOfField(CASE_TYPES)
  caseType!: CaseType;

  @TextField(NARRATIVE_MAX_LENGTH, { description: VAULT })
  summary!: string;

  @FlagField()
  anonymousSource!: boolean;

  @OneOfField(SENSITIVITIES)
  sensitivity!: Sensitivity;

  @ListOfField(CORRUPTION_CATEGORIES)
  corruptionCategories!: CorruptionCategory[];

  @NestedField(() => ReferralFlagsBody)
  flags!: ReferralFlagsBody;
}

export class AddSubjectBody {
  @IdField({ description: 'Chosen by the client' })
  subjectId!: string;

  @IdField({ description: 'Pseudonymous id of the member of the workforce (their `person-<id>` record)' })
  personId!: string;

  @OneOfField(WORKFORCE_TYPES)
  workforceType!: WorkforceType;

  @OneOfField(RANKS, { description: '`STAFF` for everyone who holds no police rank' })
  rank!: Rank;

  @TextField(LABEL_MAX_LENGTH, { optional: true, description: 'For staff' })
  grade?: string;

  @CountField(900)
  lengthOfServiceMonths!: number;

  @TextField(LABEL_MAX_LENGTH)
  unit!: string;

  @ProtectedCharacteristicsField('Their protected characteristics, for the IOPC complaints statistics of who is complained about')
  protectedCharacteristics?: string;
}

export class RecordAllegationBody {
  @IdField({ description: 'Chosen by the client' })
  allegationId!: string;

  @IdField()
  subjectId!: string;

  @TextField(NARRATIVE_MAX_LENGTH, { description: VAULT })
  summary!: string;

  @ListOfField(STANDARDS)
  standards!: Standard[];

  @OneOfField(CORRUPTION_CATEGORIES, { optional: true, description: 'Absent for an allegation that is not about corruption' })
  corruptionCategory?: CorruptionCategory;
}

export class AssessSeverityBody {
  @OneOfField(SEVERITY_LEVELS)
  level!: SeverityLevel;

  @OneOfField(DECISION_MAKERS)
  assessedBy!: DecisionMaker;

  @TextField(NARRATIVE_MAX_LENGTH, { description: VAULT })
  rationale!: string;
}

export class ReferToIopcBody {
  @ListOfField(IOPC_REFERRAL_CRITERIA)
  criteria!: IopcReferralCriterion[];

  @FlagField()
  mandatory!: boolean;

  @DayField()
  referredOn!: string;
}

export class RecordIopcDecisionBody {
  @OneOfField(IOPC_MODES, { description: 'SUPERVISED and MANAGED only for matters that came to attention before 1 February 2020' })
  mode!: IopcMode;

  @DayField()
  decidedOn!: string;
}

export class StartInvestigationBody {
  @IdField()
  investigatorId!: string;

  @DayField()
  startedOn!: string;

  @TextField(NARRATIVE_MAX_LENGTH, { description: VAULT })
  termsOfReference!: string;
}
