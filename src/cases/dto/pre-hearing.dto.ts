/**
 * Bodies of the steps before the proceedings and of the hearing in public
 * (src/cases/pre-hearing.events.ts). The subject is in the path, so no body carries subjectId.
 */
import {
  CHANGEABLE_PERIODS,
  HEARING_ATTENDEES,
  HEARING_DIRECTIONS,
  PANEL_MEMBERS,
  PERIOD_CHANGES,
  REFERRAL_DOCUMENTS,
  RESPONSE_POSITIONS,
} from '../pre-hearing.enums';
import type { ChangeablePeriod, HearingAttendee, HearingDirection, PanelMember, PeriodChange, ReferralDocument, ResponsePosition } from '../pre-hearing.enums';
import { CountField, DayField, FlagField, LABEL_MAX_LENGTH, ListOfField, OneOfField, REASON_MAX_LENGTH, TextField } from '../../common/dto-fields';
import { DatedBody, DatedReasonBody } from './shared.dto';

/** Witnesses, attendees: more than this is a typing error. */
const MOST_PEOPLE = 10_000;

export class ReferralNoticeBody extends DatedBody {
  @DayField({ description: 'reg 30: the day the documents were supplied; the reg 31 response runs from it' })
  documentsSuppliedOn!: string;

  @ListOfField(REFERRAL_DOCUMENTS)
  documents!: ReferralDocument[];
}

export class OfficerResponseBody extends DatedBody {
  @OneOfField(RESPONSE_POSITIONS, { description: 'reg 31(2): whether the officer accepts the conduct amounts to misconduct or gross misconduct' })
  position!: ResponsePosition;
}

export class WitnessListsBody extends DatedBody {
  @CountField(MOST_PEOPLE)
  officerWitnesses!: number;

  @CountField(MOST_PEOPLE)
  authorityWitnesses!: number;
}

export class PreHearingDateBody extends DatedBody {
  @DayField({ description: 'reg 33: the day the chair set for the pre-hearing' })
  setFor!: string;
}

export class AlternativePreHearingDateBody extends DatedBody {
  @DayField({ description: 'reg 33(3): the alternative time, within 5 working days after the date set' })
  proposedFor!: string;
}

export class PeriodChangeBody extends DatedReasonBody {
  @OneOfField(CHANGEABLE_PERIODS)
  period!: ChangeablePeriod;

  @OneOfField(PERIOD_CHANGES, { description: 'reg 31(1), reg 33(1): extended; regs 22 and 48: shortened by agreement' })
  change!: PeriodChange;

  @DayField({ description: 'The new due day' })
  dueOn!: string;
}

export class AdjournmentBody extends DatedReasonBody {
  @DayField()
  adjournedTo!: string;
}

export class PanelObjectionBody extends DatedBody {
  @OneOfField(PANEL_MEMBERS)
  member!: PanelMember;
}

export class PanelObjectionDeterminationBody extends PanelObjectionBody {
  @FlagField()
  upheld!: boolean;
}

export class PanelReplacementBody extends PanelObjectionBody {
  @DayField({ optional: true, description: "reg 52(1A): an accelerated hearing's new date, 10 to 15 working days after the replacement" })
  hearingOn?: string;
}

export class AcceleratedResponseBody extends DatedBody {
  @FlagField()
  acceptsGrossMisconduct!: boolean;
}

export class HearingNoticeBody extends DatedBody {
  @DayField({ description: 'reg 36: the day of the hearing the notice announces' })
  hearingOn!: string;
}

export class HearingPrivacyBody extends DatedBody {
  @FlagField({ description: 'reg 39: held in public' })
  inPublic!: boolean;

  @TextField(REASON_MAX_LENGTH, { optional: true, description: 'Why in private (required when not in public)' })
  reason?: string;
}

export class HearingDirectionBody extends DatedReasonBody {
  @OneOfField(HEARING_DIRECTIONS)
  direction!: HearingDirection;
}

export class HearingAttendanceBody extends DatedBody {
  @OneOfField(HEARING_ATTENDEES)
  attendee!: HearingAttendee;

  @CountField(MOST_PEOPLE)
  attendees!: number;
}

export class VerbatimRecordBody extends DatedBody {
  @TextField(LABEL_MAX_LENGTH, { description: 'reg 44: the reference of the document holding the verbatim record' })
  documentReference!: string;
}
