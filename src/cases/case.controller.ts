/**
 * The case commands over HTTP (docs/api.md, "Cases: commands"): one `@Post` per row, each
 * with its own body class (validated by Nest, documented in the OpenAPI document), sending
 * its command to the one write path (src/common/write-path.ts). `@CaseStep` adds the roles,
 * the OpenAPI answers and the summary naming the events it appends (case.command-routes.ts).
 * The compiler checks that each body, with the ids of its path, is its command.
 */
import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiCommand, CommandContext, commandResponse, CommandResponse, Roles } from '../http';
import { RechecksRightsOnReplay } from '../http/replay-rights';
import { WriteCommand } from '../common/write-path';
import { ADVISORY_LIST_ACTION_COMMANDS, APPEAL_ACTION_COMMANDS, REFLECTIVE_PRACTICE_ACTION_COMMANDS, SUSPENSION_ACTION_COMMANDS } from './case.command-types';
import type { CaseCommand } from './case.command-types';
import { CASE_RECORDERS, CaseStep, chosenCommand } from './case.command-routes';
import { CaseReplayRights } from './case.replay-rights';
import { CASES } from './case.slice';
import { CorrectionBody, LearningBody, ProgressReportBody, WithheldProgressReportBody } from './dto/case-steps.dto';
import {
  AddSubjectBody,
  AssessSeverityBody,
  ReceiveReferralBody,
  RecordAllegationBody,
  RecordIopcDecisionBody,
  ReferToIopcBody,
  StartInvestigationBody,
} from './dto/opening.dto';
import { CaseParams, SubjectParams } from './dto/params.dto';
import {
  AdvisoryListBody,
  AppealBody,
  BarredListBody,
  ConcludeProceedingsBody,
  DepartureBody,
  DepartureDecisionBody,
  ScheduleProceedingsBody,
} from './dto/proceedings.dto';
import { DatedBody, DatedReasonBody } from './dto/shared.dto';
import {
  AcceleratedResponseBody,
  AdjournmentBody,
  AlternativePreHearingDateBody,
  HearingAttendanceBody,
  HearingDirectionBody,
  HearingNoticeBody,
  HearingPrivacyBody,
  OfficerResponseBody,
  PanelObjectionBody,
  PanelObjectionDeterminationBody,
  PanelReplacementBody,
  PeriodChangeBody,
  PreHearingDateBody,
  ReferralNoticeBody,
  VerbatimRecordBody,
  WitnessListsBody,
} from './dto/pre-hearing.dto';
import {
  EngagementFailureBody,
  JointProceedingsBody,
  PerformanceOutcomeBody,
  PerformanceReferralBody,
  ReflectiveActionsReviewBody,
  ReflectiveDiscussionBody,
  ReflectiveNoticeBody,
  ReflectiveReportBody,
  VettingOutcomeBody,
} from './dto/reflective-practice.dto';
import {
  ComplaintHandledOtherwiseBody,
  ComplaintRecordCopyBody,
  ConductMatterRecordingBody,
  RevealedConductMatterBody,
  WithdrawalDecisionBody,
  ComplaintHandlingBody,
  ComplaintOutcomeBody,
  ComplaintReviewApplicationBody,
  ComplaintReviewDecisionBody,
  ComplaintWithdrawalBody,
  LogComplaintBody,
  ReferralCriteriaBody,
} from './dto/complaint.dto';
import {
  AppointInvestigatorBody,
  FormOfProceedingsBody,
  ReassignInvestigatorBody,
  ReportReviewBody,
  SignOffBody,
  SubjectLineManagerBody,
} from './dto/allocation.dto';
import {
  CaseToAnswerBody,
  CriminalOutcomeBody,
  InvestigativeActionBody,
  RecordArrestBody,
  ReferToCpsBody,
  ReflectivePracticeBody,
  ServeNoticeBody,
  SuspensionBody,
} from './dto/subject-steps.dto';

/**
 * The appropriate authority's own steps on the chain of command: appointing investigators (reg 15),
 * deciding the form (reg 23(1)(c)) and signing off its decisions. The DCC too; not investigators.
 */
const APPOINTERS = ['APPROPRIATE_AUTHORITY', 'DCC'] as const;

@ApiTags('cases')
@Controller('cases')
// A retry replayed from its Idempotency-Key is answered only while its sender may still write to the case.
@RechecksRightsOnReplay(CaseReplayRights)
export class CaseCommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles(...CASE_RECORDERS)
  @ApiCommand('caseId')
  @ApiOperation({ operationId: 'ReceiveReferral', summary: 'Opens a case: appends ReferralReceived' })
  // A caseId already taken by a case the actor may not see is answered as a read of it would be (no detection of covert cases).
  @ApiResponse({
    status: 404,
    description: 'The caseId names a case the actor may not see.',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  })
  receiveReferral(@Body() body: ReceiveReferralBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    // Derived from the Idempotency-Key when there is one, so a retry names the same case.
    const caseId = body.caseId ?? context.newId('case');
    return this.send({ ...body, type: 'ReceiveReferral', caseId }, context);
  }

  @Post(':caseId/subjects')
  @CaseStep('AddSubject')
  addSubject(@Param() ids: CaseParams, @Body() body: AddSubjectBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'AddSubject', caseId: ids.caseId }, context);
  }

  @Post(':caseId/allegations')
  @CaseStep('RecordAllegation')
  recordAllegation(@Param() ids: CaseParams, @Body() body: RecordAllegationBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordAllegation', caseId: ids.caseId }, context);
  }

  @Post(':caseId/subjects/:subjectId/severity-assessments')
  @CaseStep('AssessSeverity')
  assessSeverity(@Param() ids: SubjectParams, @Body() body: AssessSeverityBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'AssessSeverity', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/iopc-referral')
  @CaseStep('ReferToIopc')
  referToIopc(@Param() ids: CaseParams, @Body() body: ReferToIopcBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ReferToIopc', caseId: ids.caseId }, context);
  }

  @Post(':caseId/iopc-decision')
  @CaseStep('RecordIopcDecision')
  recordIopcDecision(@Param() ids: CaseParams, @Body() body: RecordIopcDecisionBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordIopcDecision', caseId: ids.caseId }, context);
  }

  @Post(':caseId/investigation')
  @CaseStep('StartInvestigation')
  startInvestigation(@Param() ids: CaseParams, @Body() body: StartInvestigationBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'StartInvestigation', caseId: ids.caseId }, context);
  }

  @Post(':caseId/subjects/:subjectId/notices')
  @CaseStep('ServeNoticeOfInvestigation')
  serveNoticeOfInvestigation(@Param() ids: SubjectParams, @Body() body: ServeNoticeBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ServeNoticeOfInvestigation', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/suspension')
  @CaseStep('RecordSuspensionStep', SUSPENSION_ACTION_COMMANDS)
  recordSuspensionStep(@Param() ids: SubjectParams, @Body() body: SuspensionBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send(chosenCommand(SUSPENSION_ACTION_COMMANDS, ids, body), context);
  }

  @Post(':caseId/subjects/:subjectId/arrests')
  @CaseStep('RecordArrest')
  recordArrest(@Param() ids: SubjectParams, @Body() body: RecordArrestBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordArrest', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/investigative-actions')
  @CaseStep('RecordInvestigativeAction')
  recordInvestigativeAction(
    @Param() ids: SubjectParams,
    @Body() body: InvestigativeActionBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordInvestigativeAction', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/cps-referrals')
  @CaseStep('ReferToCps')
  referToCps(@Param() ids: SubjectParams, @Body() body: ReferToCpsBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ReferToCps', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/criminal-outcomes')
  @CaseStep('RecordCriminalOutcome')
  recordCriminalOutcome(@Param() ids: SubjectParams, @Body() body: CriminalOutcomeBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordCriminalOutcome', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/progress-reports')
  @CaseStep('SendProgressReport')
  sendProgressReport(@Param() ids: CaseParams, @Body() body: ProgressReportBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'SendProgressReport', caseId: ids.caseId }, context);
  }

  // reg 19: the exemption for a report that might prejudice an investigation, recorded in its place.
  @Post(':caseId/progress-reports/withheld')
  @CaseStep('WithholdProgressReport')
  withholdProgressReport(
    @Param() ids: CaseParams,
    @Body() body: WithheldProgressReportBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'WithholdProgressReport', caseId: ids.caseId }, context);
  }

  @Post(':caseId/investigation-report')
  @CaseStep('SubmitInvestigationReport')
  submitInvestigationReport(@Param() ids: CaseParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'SubmitInvestigationReport', caseId: ids.caseId }, context);
  }

  @Post(':caseId/subjects/:subjectId/case-to-answer')
  @CaseStep('DecideCaseToAnswer')
  decideCaseToAnswer(@Param() ids: SubjectParams, @Body() body: CaseToAnswerBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'DecideCaseToAnswer', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/reflective-practice')
  @CaseStep('RecordReflectivePracticeStep', REFLECTIVE_PRACTICE_ACTION_COMMANDS)
  recordReflectivePracticeStep(
    @Param() ids: SubjectParams,
    @Body() body: ReflectivePracticeBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send(chosenCommand(REFLECTIVE_PRACTICE_ACTION_COMMANDS, ids, body), context);
  }

  @Post(':caseId/subjects/:subjectId/proceedings')
  @CaseStep('ScheduleProceedings')
  scheduleProceedings(@Param() ids: SubjectParams, @Body() body: ScheduleProceedingsBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ScheduleProceedings', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/departure')
  @CaseStep('RecordDeparture')
  recordDeparture(@Param() ids: SubjectParams, @Body() body: DepartureBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordDeparture', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  // Approving a departure while under investigation is the DCC's decision alone.
  @Post(':caseId/subjects/:subjectId/departure/decision')
  @CaseStep('RecordDepartureDecision', 'RecordDepartureDecision', ['DCC'])
  recordDepartureDecision(
    @Param() ids: SubjectParams,
    @Body() body: DepartureDecisionBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordDepartureDecision', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/outcome')
  @CaseStep('ConcludeProceedings')
  concludeProceedings(@Param() ids: SubjectParams, @Body() body: ConcludeProceedingsBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ConcludeProceedings', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/appeals')
  @CaseStep('RecordAppealStep', APPEAL_ACTION_COMMANDS)
  recordAppealStep(@Param() ids: SubjectParams, @Body() body: AppealBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send(chosenCommand(APPEAL_ACTION_COMMANDS, ids, body), context);
  }

  @Post(':caseId/subjects/:subjectId/barred-list')
  @CaseStep('AddToBarredList')
  addToBarredList(@Param() ids: SubjectParams, @Body() body: BarredListBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'AddToBarredList', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/advisory-list')
  @CaseStep('RecordAdvisoryListStep', ADVISORY_LIST_ACTION_COMMANDS)
  recordAdvisoryListStep(@Param() ids: SubjectParams, @Body() body: AdvisoryListBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send(chosenCommand(ADVISORY_LIST_ACTION_COMMANDS, ids, body), context);
  }

  @Post(':caseId/learning')
  @CaseStep('RecordLearning')
  recordLearning(@Param() ids: CaseParams, @Body() body: LearningBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordLearning', caseId: ids.caseId }, context);
  }

  @Post(':caseId/corrections')
  @CaseStep('CorrectRecord')
  correctRecord(@Param() ids: CaseParams, @Body() body: CorrectionBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'CorrectRecord', caseId: ids.caseId }, context);
  }

  @Post(':caseId/close')
  @CaseStep('CloseCase')
  closeCase(@Param() ids: CaseParams, @Body() body: DatedReasonBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'CloseCase', caseId: ids.caseId }, context);
  }

  @Post(':caseId/reopen')
  @CaseStep('ReopenCase')
  reopenCase(@Param() ids: CaseParams, @Body() body: DatedReasonBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ReopenCase', caseId: ids.caseId }, context);
  }

  // Not in docs/api.md's table (docs/events.md has ManagementActionTaken): an extension of the contract.
  @Post(':caseId/subjects/:subjectId/management-action')
  @CaseStep('RecordManagementAction')
  recordManagementAction(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordManagementAction', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  // reg 43: the officer's receipt of the written outcome, from which appeal windows run.
  @Post(':caseId/subjects/:subjectId/written-outcome')
  @CaseStep('RecordWrittenOutcomeReceipt')
  recordWrittenOutcomeReceipt(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordWrittenOutcomeReceipt', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  // reg 4A: the Director General's Condition C determination, for a former officer who left more than 12 months before.
  @Post(':caseId/subjects/:subjectId/condition-c-determination')
  @CaseStep('RecordConditionCDetermination')
  recordConditionCDetermination(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordConditionCDetermination', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  // 2012 reg 35: the day a dismissal with notice took effect, at the end of its notice.
  @Post(':caseId/subjects/:subjectId/dismissal-effective')
  @CaseStep('RecordDismissalTakingEffect')
  recordDismissalTakingEffect(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordDismissalTakingEffect', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  // reg 62: an accelerated hearing that finds no gross misconduct returns the case to the authority.
  @Post(':caseId/subjects/:subjectId/proceedings/return')
  @CaseStep('ReturnToAppropriateAuthority')
  returnToAppropriateAuthority(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ReturnToAppropriateAuthority', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  // The complaint's steps (src/cases/complaint.events.ts; PRA 2002 Sch 3, C&M Regs 2020).
  @Post(':caseId/complaint')
  @CaseStep('LogComplaint')
  logComplaint(@Param() ids: CaseParams, @Body() body: LogComplaintBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'LogComplaint', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/contact')
  @CaseStep('RecordComplainantContact')
  recordComplainantContact(@Param() ids: CaseParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordComplainantContact', caseId: ids.caseId }, context);
  }

  @Post(':caseId/referral-criteria')
  @CaseStep('AssessReferralCriteria')
  assessReferralCriteria(@Param() ids: CaseParams, @Body() body: ReferralCriteriaBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'AssessReferralCriteria', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/handling')
  @CaseStep('DecideComplaintHandling')
  decideComplaintHandling(@Param() ids: CaseParams, @Body() body: ComplaintHandlingBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'DecideComplaintHandling', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/handled-otherwise')
  @CaseStep('HandleComplaintOtherwise')
  handleComplaintOtherwise(
    @Param() ids: CaseParams,
    @Body() body: ComplaintHandledOtherwiseBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'HandleComplaintOtherwise', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/exception')
  @CaseStep('ApplyComplaintException')
  applyComplaintException(@Param() ids: CaseParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ApplyComplaintException', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/outcome')
  @CaseStep('NotifyComplaintOutcome')
  notifyComplaintOutcome(@Param() ids: CaseParams, @Body() body: ComplaintOutcomeBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'NotifyComplaintOutcome', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/record-copies')
  @CaseStep('RecordComplaintRecordCopy')
  recordComplaintRecordCopy(
    @Param() ids: CaseParams,
    @Body() body: ComplaintRecordCopyBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordComplaintRecordCopy', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/suspension')
  @CaseStep('SuspendComplaint')
  suspendComplaint(@Param() ids: CaseParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'SuspendComplaint', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/resumption')
  @CaseStep('ResumeComplaint')
  resumeComplaint(@Param() ids: CaseParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ResumeComplaint', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/revealed-conduct-matters')
  @CaseStep('RecordRevealedConductMatter')
  recordRevealedConductMatter(
    @Param() ids: CaseParams,
    @Body() body: RevealedConductMatterBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordRevealedConductMatter', caseId: ids.caseId }, context);
  }

  @Post(':caseId/conduct-matter/recording')
  @CaseStep('RecordConductMatter')
  recordConductMatter(@Param() ids: CaseParams, @Body() body: ConductMatterRecordingBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordConductMatter', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/withdrawal')
  @CaseStep('WithdrawComplaint')
  withdrawComplaint(@Param() ids: CaseParams, @Body() body: ComplaintWithdrawalBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'WithdrawComplaint', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/withdrawal/decision')
  @CaseStep('RecordWithdrawalDecision')
  recordWithdrawalDecision(
    @Param() ids: CaseParams,
    @Body() body: WithdrawalDecisionBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordWithdrawalDecision', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/review')
  @CaseStep('ApplyForComplaintReview')
  applyForComplaintReview(
    @Param() ids: CaseParams,
    @Body() body: ComplaintReviewApplicationBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ApplyForComplaintReview', caseId: ids.caseId }, context);
  }

  @Post(':caseId/complaint/review/decision')
  @CaseStep('DecideComplaintReview')
  decideComplaintReview(
    @Param() ids: CaseParams,
    @Body() body: ComplaintReviewDecisionBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'DecideComplaintReview', caseId: ids.caseId }, context);
  }

  // The steps before the proceedings and the hearing in public (src/cases/pre-hearing.events.ts; Conduct Regs 2020 regs 30-44, 48-52).
  @Post(':caseId/subjects/:subjectId/referral-notice')
  @CaseStep('ServeReferralNotice')
  serveReferralNotice(@Param() ids: SubjectParams, @Body() body: ReferralNoticeBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ServeReferralNotice', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/response')
  @CaseStep('RecordOfficerResponse')
  recordOfficerResponse(@Param() ids: SubjectParams, @Body() body: OfficerResponseBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordOfficerResponse', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/witness-lists')
  @CaseStep('ExchangeWitnessLists')
  exchangeWitnessLists(@Param() ids: SubjectParams, @Body() body: WitnessListsBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ExchangeWitnessLists', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/documents-to-chair')
  @CaseStep('SupplyDocumentsToChair')
  supplyDocumentsToChair(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'SupplyDocumentsToChair', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/pre-hearing/date')
  @CaseStep('SetPreHearingDate')
  setPreHearingDate(@Param() ids: SubjectParams, @Body() body: PreHearingDateBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'SetPreHearingDate', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/pre-hearing/alternative-date')
  @CaseStep('ProposeAlternativePreHearingDate')
  proposeAlternativePreHearingDate(
    @Param() ids: SubjectParams,
    @Body() body: AlternativePreHearingDateBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ProposeAlternativePreHearingDate', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/pre-hearing')
  @CaseStep('HoldPreHearing')
  holdPreHearing(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'HoldPreHearing', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/periods')
  @CaseStep('ChangePeriod')
  changePeriod(@Param() ids: SubjectParams, @Body() body: PeriodChangeBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ChangePeriod', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/proceedings/adjournments')
  @CaseStep('AdjournProceedings')
  adjournProceedings(@Param() ids: SubjectParams, @Body() body: AdjournmentBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'AdjournProceedings', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/panel-objections')
  @CaseStep('ObjectToPanelMember')
  objectToPanelMember(@Param() ids: SubjectParams, @Body() body: PanelObjectionBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ObjectToPanelMember', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/panel-objections/determination')
  @CaseStep('DeterminePanelObjection')
  determinePanelObjection(
    @Param() ids: SubjectParams,
    @Body() body: PanelObjectionDeterminationBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'DeterminePanelObjection', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/panel-objections/replacement')
  @CaseStep('ReplacePanelMember')
  replacePanelMember(@Param() ids: SubjectParams, @Body() body: PanelReplacementBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ReplacePanelMember', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/special-conditions')
  @CaseStep('CertifySpecialConditions')
  certifySpecialConditions(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'CertifySpecialConditions', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/accelerated-response')
  @CaseStep('RecordAcceleratedResponse')
  recordAcceleratedResponse(
    @Param() ids: SubjectParams,
    @Body() body: AcceleratedResponseBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordAcceleratedResponse', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/hearing/notice')
  @CaseStep('PublishHearingNotice')
  publishHearingNotice(@Param() ids: SubjectParams, @Body() body: HearingNoticeBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'PublishHearingNotice', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/hearing/privacy')
  @CaseStep('DecideHearingPrivacy')
  decideHearingPrivacy(@Param() ids: SubjectParams, @Body() body: HearingPrivacyBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'DecideHearingPrivacy', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/hearing/directions')
  @CaseStep('GiveHearingDirection')
  giveHearingDirection(@Param() ids: SubjectParams, @Body() body: HearingDirectionBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'GiveHearingDirection', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/hearing/attendance')
  @CaseStep('RecordHearingAttendance')
  recordHearingAttendance(
    @Param() ids: SubjectParams,
    @Body() body: HearingAttendanceBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordHearingAttendance', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/hearing/outcome-publication')
  @CaseStep('PublishHearingOutcome')
  publishHearingOutcome(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'PublishHearingOutcome', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/hearing/verbatim-record')
  @CaseStep('KeepVerbatimRecord')
  keepVerbatimRecord(@Param() ids: SubjectParams, @Body() body: VerbatimRecordBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'KeepVerbatimRecord', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  // The chain of command: allocation, review and sign-off (src/cases/allocation.events.ts; Conduct Regs 2020 regs 15, 21, 23).
  @Post(':caseId/appointments')
  @CaseStep('AppointInvestigator', 'AppointInvestigator', APPOINTERS)
  appointInvestigator(@Param() ids: CaseParams, @Body() body: AppointInvestigatorBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    const appointmentId = body.appointmentId ?? context.newId('appointment');
    return this.send({ ...body, appointmentId, type: 'AppointInvestigator', caseId: ids.caseId }, context);
  }

  @Post(':caseId/appointments/reassignment')
  @CaseStep('ReassignInvestigator', 'ReassignInvestigator', APPOINTERS)
  reassignInvestigator(@Param() ids: CaseParams, @Body() body: ReassignInvestigatorBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ReassignInvestigator', caseId: ids.caseId }, context);
  }

  @Post(':caseId/subjects/:subjectId/line-manager')
  @CaseStep('RecordSubjectLineManager')
  recordSubjectLineManager(
    @Param() ids: SubjectParams,
    @Body() body: SubjectLineManagerBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordSubjectLineManager', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/investigation-report/review-submission')
  @CaseStep('SubmitReportForReview')
  submitReportForReview(@Param() ids: CaseParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, submittedBy: context.actor.userId, type: 'SubmitReportForReview', caseId: ids.caseId }, context);
  }

  @Post(':caseId/investigation-report/review')
  @CaseStep('ReviewInvestigationReport')
  reviewInvestigationReport(@Param() ids: CaseParams, @Body() body: ReportReviewBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, reviewedBy: context.actor.userId, type: 'ReviewInvestigationReport', caseId: ids.caseId }, context);
  }

  @Post(':caseId/subjects/:subjectId/form-of-proceedings')
  @CaseStep('DecideFormOfProceedings', 'DecideFormOfProceedings', APPOINTERS)
  decideFormOfProceedings(
    @Param() ids: SubjectParams,
    @Body() body: FormOfProceedingsBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'DecideFormOfProceedings', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/sign-off')
  @CaseStep('SignOffDecision', 'SignOffDecision', APPOINTERS)
  signOffDecision(@Param() ids: SubjectParams, @Body() body: SignOffBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, signedOffBy: context.actor.userId, type: 'SignOffDecision', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  // Part 6: the reflective practice review process, stage by stage (src/cases/reflective-practice.events.ts).
  @Post(':caseId/subjects/:subjectId/reflective-practice/notice')
  @CaseStep('GiveReflectivePracticeNotice')
  giveReflectivePracticeNotice(
    @Param() ids: SubjectParams,
    @Body() body: ReflectiveNoticeBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'GiveReflectivePracticeNotice', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/reflective-practice/account')
  @CaseStep('RecordReflectiveAccount')
  recordReflectiveAccount(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordReflectiveAccount', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/reflective-practice/fact-finding')
  @CaseStep('CompleteReflectiveFactFinding')
  completeReflectiveFactFinding(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'CompleteReflectiveFactFinding', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/reflective-practice/discussion')
  @CaseStep('HoldReflectiveReviewDiscussion')
  holdReflectiveReviewDiscussion(
    @Param() ids: SubjectParams,
    @Body() body: ReflectiveDiscussionBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'HoldReflectiveReviewDiscussion', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/reflective-practice/report')
  @CaseStep('AgreeReflectiveReviewReport')
  agreeReflectiveReviewReport(
    @Param() ids: SubjectParams,
    @Body() body: ReflectiveReportBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'AgreeReflectiveReviewReport', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/reflective-practice/actions-review')
  @CaseStep('ReviewReflectiveActions')
  reviewReflectiveActions(
    @Param() ids: SubjectParams,
    @Body() body: ReflectiveActionsReviewBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ReviewReflectiveActions', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/reflective-practice/pdr-follow-up')
  @CaseStep('RecordReflectivePdrFollowUp')
  recordReflectivePdrFollowUp(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordReflectivePdrFollowUp', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/reflective-practice/engagement-failure')
  @CaseStep('RecordReflectiveEngagementFailure')
  recordReflectiveEngagementFailure(
    @Param() ids: SubjectParams,
    @Body() body: EngagementFailureBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordReflectiveEngagementFailure', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  // Around the proceedings, and the Performance and Vetting routes (src/cases/proceedings-routes.events.ts).
  @Post(':caseId/subjects/:subjectId/proceedings/pause')
  @CaseStep('PauseProceedings')
  pauseProceedings(@Param() ids: SubjectParams, @Body() body: DatedReasonBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'PauseProceedings', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/proceedings/resumption')
  @CaseStep('ResumeProceedings')
  resumeProceedings(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ResumeProceedings', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/proceedings/withdrawal')
  @CaseStep('WithdrawProceedings')
  withdrawProceedings(@Param() ids: SubjectParams, @Body() body: DatedReasonBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'WithdrawProceedings', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/performance-referral')
  @CaseStep('ReferToPerformanceRegulations')
  referToPerformanceRegulations(
    @Param() ids: SubjectParams,
    @Body() body: PerformanceReferralBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ReferToPerformanceRegulations', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/performance-outcome')
  @CaseStep('RecordPerformanceOutcome')
  recordPerformanceOutcome(
    @Param() ids: SubjectParams,
    @Body() body: PerformanceOutcomeBody,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordPerformanceOutcome', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/vetting-referral')
  @CaseStep('ReferToVettingRegulations')
  referToVettingRegulations(@Param() ids: SubjectParams, @Body() body: DatedBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'ReferToVettingRegulations', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/subjects/:subjectId/vetting-outcome')
  @CaseStep('RecordVettingOutcome')
  recordVettingOutcome(@Param() ids: SubjectParams, @Body() body: VettingOutcomeBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'RecordVettingOutcome', caseId: ids.caseId, subjectId: ids.subjectId }, context);
  }

  @Post(':caseId/joint-proceedings')
  @CaseStep('DirectJointProceedings')
  directJointProceedings(@Param() ids: CaseParams, @Body() body: JointProceedingsBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    return this.send({ ...body, type: 'DirectJointProceedings', caseId: ids.caseId }, context);
  }

  private async send(command: CaseCommand, context: CommandContext): Promise<CommandResponse> {
    const result = await this.commandBus.execute(new WriteCommand(CASES, command, context));
    return commandResponse({ caseId: command.caseId }, result);
  }
}
