/**
 * Bodies of the steps from proceedings onwards: scheduling, departures, the outcome,
 * appeals and the barred and advisory lists. The subject is in the path.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  ADVISORY_LIST_ACTIONS,
  APPEAL_ACTIONS,
  APPEAL_FORUMS,
  APPEAL_RESULTS,
  BARRED_LIST_BASES,
  CHAIRS,
  DEPARTURE_KINDS,
  FINDING_LEVELS,
  MISCONDUCT_SANCTION_BASES,
  OUTCOMES,
  PROCEEDINGS_KINDS,
  STANDARDS,
} from '../case.enums';
import type {
  AdvisoryListAction,
  AppealAction,
  AppealForum,
  AppealResult,
  BarredListBasis,
  Chair,
  DepartureKind,
  FindingLevel,
  MisconductSanctionBasis,
  Outcome,
  ProceedingsKind,
  Standard,
} from '../case.enums';
import { DayField, FlagField, ForActions, NestedField, OneOfField } from '../../common/dto-fields';
import { DatedBody } from './shared.dto';

export class ScheduleProceedingsBody {
  @OneOfField(PROCEEDINGS_KINDS)
  kind!: ProceedingsKind;

  @DayField({ description: 'When the subject was given notice of the proceedings' })
  noticeServedOn!: string;

  @DayField()
  scheduledFor!: string;

  @FlagField({
    optional: true,
    description: 'Regs 22 and 48: the time limits were shortened by agreement, so an earlier hearing is on time',
  })
  shortenedByAgreement?: boolean;
}

export class DepartureBody {
  @OneOfField(DEPARTURE_KINDS)
  how!: DepartureKind;

  @DayField()
  on!: string;

  @FlagField({ description: 'The DCC approved the departure while under investigation (the stage is derived by the service)' })
  approvedByDcc!: boolean;
}

export class DepartureDecisionBody {
  @FlagField()
  approved!: boolean;

  @DayField()
  on!: string;
}

export class FindingBody {
  @OneOfField(STANDARDS)
  standard!: Standard;

  @FlagField()
  proven!: boolean;

  @OneOfField(FINDING_LEVELS)
  level!: FindingLevel;
}

export class ConcludeProceedingsBody {
  @DayField()
  on!: string;

  // One finding per standard and level at most: more is not a record of proceedings.
  @NestedField(() => FindingBody, { list: { maxSize: STANDARDS.length * FINDING_LEVELS.length } })
  findings!: FindingBody[];

  @OneOfField(OUTCOMES, { description: 'For a former officer: the outcome that would have been imposed' })
  outcome!: Outcome;

  @FlagField({ description: 'True when the subject had left the service' })
  formerOfficer!: boolean;

  @OneOfField(CHAIRS)
  chair!: Chair;

  @OneOfField(MISCONDUCT_SANCTION_BASES, {
    optional: true,
    description:
      'reg 42(5)/(6): on a misconduct-only finding, what permits reduction in rank or dismissal (a live final written warning, or more than one unconnected matter)',
  })
  sanctionBasis?: MisconductSanctionBasis;
}

export class AppealBody {
  @OneOfField(APPEAL_ACTIONS, { description: 'LODGE: AppealLodged; DETERMINE: AppealDetermined' })
  action!: AppealAction;

  @OneOfField(APPEAL_FORUMS)
  forum!: AppealForum;

  @DayField()
  on!: string;

  @ApiPropertyOptional({ enum: [...APPEAL_RESULTS], description: 'DETERMINE only, and required there' })
  @ForActions(['DETERMINE'])
  @IsIn([...APPEAL_RESULTS])
  result?: AppealResult;

  @ApiPropertyOptional({ enum: [...OUTCOMES], description: 'DETERMINE only: present exactly when the result is OUTCOME_VARIED' })
  @ForActions(['DETERMINE'], { optional: true })
  @IsIn([...OUTCOMES])
  variedOutcome?: Outcome;
}

export class BarredListBody {
  @DayField()
  on!: string;

  @OneOfField(BARRED_LIST_BASES)
  basis!: BarredListBasis;
}

export class AdvisoryListBody extends DatedBody {
  @OneOfField(ADVISORY_LIST_ACTIONS, { description: 'ADD: AdvisoryListEntryMade; REMOVE: AdvisoryListEntryRemoved' })
  action!: AdvisoryListAction;
}
