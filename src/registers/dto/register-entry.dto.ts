/** Bodies of the registers whose entries stand alone, and of vetting (docs/events.md, "Register events"). */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import {
  CountField,
  DayField,
  FlagField,
  ForActions,
  IdField,
  LABEL_MAX_LENGTH,
  OneOfField,
  REASON_MAX_LENGTH,
  TextField,
  VAULT,
} from '../../common/dto-fields';
import {
  CONFLICT_ACTIONS,
  CONFLICT_NATURES,
  DRUG_TEST_KINDS,
  DRUG_TEST_RESULTS,
  EARLIER_SANCTION_KINDS,
  GIFT_DECISIONS,
  GIFT_KINDS,
  VETTING_ACTIONS,
  VETTING_LEVELS,
} from '../registers.enums';
import type {
  ConflictAction,
  ConflictNature,
  DrugTestKind,
  DrugTestResult,
  EarlierSanctionKind,
  GiftDecision,
  GiftKind,
  VettingAction,
  VettingLevel,
} from '../registers.enums';
import { RegisterEntryBody } from './business-interest.dto';

/** £1,000,000: a value beyond it is a typing error, not a gift. */
const MAX_VALUE_PENCE = 100_000_000;
const MAX_RECORDS_VIEWED = 1_000_000;

export class GiftOrHospitalityBody extends RegisterEntryBody {
  @DayField()
  offeredOn!: string;

  @OneOfField(GIFT_KINDS)
  kind!: GiftKind;

  @CountField(MAX_VALUE_PENCE, { description: 'Estimated value in pence' })
  estimatedValuePence!: number;

  @TextField(LABEL_MAX_LENGTH, { description: `Who made the offer. ${VAULT}` })
  offeredBy!: string;

  @OneOfField(GIFT_DECISIONS, {
    description: 'Every offer is recorded, declined ones too: DECLINED_AT_TIME and NOT_APPROVED_BY_MANAGER tell the two refusals apart',
  })
  decision!: GiftDecision;
}

export class ConflictOfInterestBody extends RegisterEntryBody {
  @DayField()
  declaredOn!: string;

  @OneOfField(CONFLICT_NATURES)
  nature!: ConflictNature;

  @IdField({ description: 'The supervisor the conflict was disclosed to (their person id)' })
  declaredTo!: string;

  @OneOfField(CONFLICT_ACTIONS, { description: 'SUPERVISOR_TO_SEARCH: a line manager searches police systems in place of the conflicted person' })
  action!: ConflictAction;

  @TextField(REASON_MAX_LENGTH, { description: `The nature and extent of the conflict, as disclosed in writing. ${VAULT}` })
  details!: string;

  @IdField({ optional: true, description: 'The integrity case the conflict concerns, if any' })
  caseId?: string;
}

/** `action` chooses the event: GRANT → VettingGranted, REVIEW → VettingReviewed, WITHDRAW → VettingWithdrawn. */
export class VettingBody extends RegisterEntryBody {
  @OneOfField(VETTING_ACTIONS, { description: 'REVIEW is the annual integrity and vetting review' })
  action!: VettingAction;

  @DayField()
  on!: string;

  // ForActions makes these required for their action; an optional field's own check would skip them when absent.
  @ApiPropertyOptional({ enum: [...VETTING_LEVELS], description: 'GRANT only, and required there' })
  @ForActions(['GRANT'])
  @IsIn([...VETTING_LEVELS])
  level?: VettingLevel;

  @ApiPropertyOptional({ type: String, maxLength: REASON_MAX_LENGTH, description: `WITHDRAW only, and required there. ${VAULT}` })
  @ForActions(['WITHDRAW'])
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  @Matches(/\S/, { message: '$property must not be blank' })
  reason?: string;
}

export class DrugTestBody extends RegisterEntryBody {
  @DayField()
  testedOn!: string;

  @OneOfField(DRUG_TEST_KINDS)
  kind!: DrugTestKind;

  @OneOfField(DRUG_TEST_RESULTS)
  result!: DrugTestResult;
}

export class SystemAccessFindingBody extends RegisterEntryBody {
  @TextField(LABEL_MAX_LENGTH, { description: 'The system audited, e.g. the records management system' })
  system!: string;

  @DayField({ description: 'When the records were viewed' })
  on!: string;

  @CountField(MAX_RECORDS_VIEWED, { description: 'How many records were viewed' })
  recordsViewed!: number;

  @FlagField({ description: 'false: the records were viewed without a policing purpose' })
  policingPurposeFound!: boolean;
}

/** A sanction or finding from before the ledger (src/cases/sanction-history.ts). */
export class EarlierSanctionBody extends RegisterEntryBody {
  @IdField({ optional: true, description: 'The new entry id; generated when absent' })
  sanctionId?: string;

  @OneOfField(EARLIER_SANCTION_KINDS)
  kind!: EarlierSanctionKind;

  @DayField({ description: 'The day it was notified to the officer (when a warning takes effect, reg 42)' })
  notifiedOn!: string;

  @DayField({
    optional: true,
    description:
      'For a warning whose record sets its end (a final written warning the panel extended): the first day it is no longer in force. Absent: the period of reg 42',
  })
  expiresOn?: string;

  @TextField(LABEL_MAX_LENGTH, { optional: true, description: "The force's own reference for the earlier record" })
  reference?: string;
}
