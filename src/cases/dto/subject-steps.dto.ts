/**
 * Bodies of the steps about one subject up to the case-to-answer decision (docs/events.md,
 * "Subject steps"). The subject is in the path, so no body carries subjectId.
 */
import {
  CASE_TO_ANSWER_DECISIONS,
  CRIMINAL_OUTCOMES,
  DECISION_MAKERS,
  INVESTIGATIVE_ACTIONS,
  OFFENCES,
  REFLECTIVE_PRACTICE_ACTIONS,
  SENTENCES,
  SUSPENSION_ACTIONS,
} from '../case.enums';
import type {
  CaseToAnswerDecision,
  CriminalOutcome,
  DecisionMaker,
  InvestigativeAction,
  Offence,
  ReflectivePracticeAction,
  Sentence,
  SuspensionAction,
} from '../case.enums';
import { DayField, FlagField, ListOfField, NARRATIVE_MAX_LENGTH, OneOfField, TextField, VAULT } from '../../common/dto-fields';
import { DatedBody, DatedReasonBody } from './shared.dto';

export class ServeNoticeBody {
  @DayField({ description: 'Conduct Regs 2020 reg 17' })
  servedOn!: string;
}

export class SuspensionBody extends DatedReasonBody {
  @OneOfField(SUSPENSION_ACTIONS, {
    description: 'SUSPEND: SubjectSuspended; REVIEW: SuspensionReviewed; RESTRICT: SubjectRestricted; LIFT: SuspensionLifted',
  })
  action!: SuspensionAction;
}

export class RecordArrestBody {
  @DayField()
  arrestedOn!: string;

  @ListOfField(OFFENCES)
  suspectedOffences!: Offence[];
}

export class InvestigativeActionBody {
  @OneOfField(INVESTIGATIVE_ACTIONS, { description: 'What was done (not a choice of command: this route has one event)' })
  action!: InvestigativeAction;

  @DayField()
  on!: string;

  @TextField(NARRATIVE_MAX_LENGTH, { description: VAULT })
  result!: string;
}

export class ReferToCpsBody {
  @DayField()
  referredOn!: string;

  @ListOfField(OFFENCES)
  offences!: Offence[];
}

export class CriminalOutcomeBody {
  @OneOfField(CRIMINAL_OUTCOMES)
  outcome!: CriminalOutcome;

  @OneOfField(SENTENCES)
  sentence!: Sentence;

  @DayField()
  on!: string;
}

export class CaseToAnswerBody {
  @OneOfField(CASE_TO_ANSWER_DECISIONS)
  decision!: CaseToAnswerDecision;

  @OneOfField(DECISION_MAKERS)
  decidedBy!: DecisionMaker;

  @DayField()
  on!: string;

  @FlagField({
    optional: true,
    description: 'reg 23(1)(b): false records a decision not to bring proceedings on a case to answer, ending the process for the subject',
  })
  proceedingsBrought?: boolean;
}

export class ReflectivePracticeBody extends DatedBody {
  @OneOfField(REFLECTIVE_PRACTICE_ACTIONS, {
    description: 'START: ReflectivePracticeReviewStarted; COMPLETE: ReflectivePracticeReviewCompleted',
  })
  action!: ReflectivePracticeAction;
}
