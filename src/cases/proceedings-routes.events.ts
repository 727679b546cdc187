/**
 * What happens around the proceedings (docs/domain/regulations.md §2.6, §2.13, §4.1, §9.4),
 * declared once here and spread into CASE_EVENTS (case.events.ts): the reg 10 pause while
 * criminal proceedings could be prejudiced, joint proceedings (reg 25), the withdrawal of
 * proceedings (reg 27), and the two routes besides misconduct that end in dismissal, the
 * Performance Regulations 2020 and the Vetting Regulations 2025.
 */
import { PERFORMANCE_OUTCOMES, VETTING_OUTCOMES } from './reflective-practice.enums';
import { day, event, flag, id, oneOf, records, text } from '../common/event-declaration';

export const PROCEEDINGS_ROUTE_EVENTS = {
  /** reg 10 (◐): the subject's proceedings paused, as they could prejudice criminal proceedings. */
  ProceedingsPaused: event({ command: 'PauseProceedings', version: 1, legalDate: 'on', fields: { subjectId: id, on: day, reason: text } }),
  /** reg 10, reg 49(3) (✔): the prejudice no longer arises, or the criminal proceedings ended; the determinations are made or remade. */
  ProceedingsResumed: event({ command: 'ResumeProceedings', version: 1, legalDate: 'on', fields: { subjectId: id, on: day } }),
  /** reg 25 (✔, title): the subjects whose proceedings are held together. */
  JointProceedingsDirected: event({
    command: 'DirectJointProceedings',
    version: 1,
    legalDate: 'on',
    fields: { on: day, subjects: records({ subjectId: id }) },
  }),
  /** reg 27 (✔, title): the appropriate authority withdraws the subject's proceedings. */
  ProceedingsWithdrawn: event({ command: 'WithdrawProceedings', version: 1, legalDate: 'on', fields: { subjectId: id, on: day, reason: text } }),
  /**
   * Referred under the Performance Regulations 2020 (severity assessment, reg 23 or a failure to
   * engage with reflective practice, ◐); `grossIncompetence` for a gross incompetence meeting.
   */
  ReferredToPerformanceRegulations: event({
    command: 'ReferToPerformanceRegulations',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, on: day, grossIncompetence: flag },
  }),
  /** The outcome of the Performance Regulations' procedure (PAT Rules 2020 rule 5, ✔). */
  PerformanceOutcomeRecorded: event({
    command: 'RecordPerformanceOutcome',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, on: day, outcome: oneOf(PERFORMANCE_OUTCOMES) },
  }),
  /** Conduct Regs 2020 reg 14(2)(aa), from 28 May 2025 (✔): referred under the Vetting Regulations 2025. */
  ReferredToVettingRegulations: event({ command: 'ReferToVettingRegulations', version: 1, legalDate: 'on', fields: { subjectId: id, on: day } }),
  /** The Vetting Regulations 2025 Part 3 withdrawal assessment's outcome (✔): clearance kept, or withdrawn and dismissed without notice. */
  VettingOutcomeRecorded: event({
    command: 'RecordVettingOutcome',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, on: day, outcome: oneOf(VETTING_OUTCOMES) },
  }),
};
