/**
 * The case-status item of docs/api.md "Cases: reads", made from the case's state as the domain's
 * `evolve` folds it (corrections applied). The projection (projections/case-status), `GET /cases/{id}`,
 * the history's `statusAsOf` and the export's access check all use this one mapping, so they can
 * never disagree. Here, not in projections/case-status, because case-history and case-export
 * make the item from the stream themselves.
 */
import { CASE_FLAG_FIELDS, CASE_FLAGS } from '../../src/cases/case.enums';
import type {
  CaseFlag,
  CaseStage,
  CaseToAnswerDecision,
  CaseType,
  CorruptionCategory,
  DepartureKind,
  IopcMode,
  Outcome,
  Rank,
  ReferralSource,
  Sensitivity,
  SeverityLevel,
  WorkforceType,
} from '../../src/cases/case.enums';
import type { CaseEventEnvelope } from '../../src/cases/case.events';
import { caseInvestigatorOf } from '../../src/cases/allocation.facts';
import { barredListReviewFrom } from '../../src/cases/barred-list-review';
import type { SubjectRoute } from '../../src/cases/reflective-practice.enums';
import type { Confidence } from '../../src/common/confidence';
import { caseStage } from '../../src/cases/case.stage';
import { foldCase } from '../../src/cases/case.state';
import type { Case, SubjectState } from '../../src/cases/case.state';
import { toCaseEnvelope } from '../../src/cases/case.stream';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { CaseAccessFacts } from '../../src/access/case-access-policy';

export interface CaseStatusSubject {
  subjectId: string;
  /** Pseudonymous id of the member of the workforce (docs/events.md): what `subjectPersonId` filters on. */
  personId: string;
  workforceType: WorkforceType;
  rank: Rank;
  severity: SeverityLevel | null;
  caseToAnswer: CaseToAnswerDecision | null;
  suspended: boolean;
  /** On restricted duties, the alternative to suspension (Conduct Regs 2020 reg 11). */
  restricted: boolean;
  leftService: DepartureKind | null;
  /** The standing outcome: as concluded, varied on appeal, or null once overturned. */
  outcome: Outcome | null;
  formerOfficer: boolean;
  barredList: boolean;
  /** On the barred list: the first day its review may be applied for, by the entry's basis, with the authority for the period. */
  barredListReviewFrom?: { on: string; source: string; confidence: Confidence };
  advisoryList: boolean;
  /** The route the matter is on: `MISCONDUCT`, `REFLECTIVE_PRACTICE`, `PERFORMANCE`, `VETTING` (src/cases/reflective-practice.enums.ts). */
  route: SubjectRoute;
  /** reg 10: paused since this day, while criminal proceedings could be prejudiced. */
  pausedSince: string | null;
}

export interface CaseStatusItem {
  caseId: string;
  force: string;
  caseType: CaseType;
  source: ReferralSource;
  /** When the matter came to attention: the referral's `receivedOn`. */
  openedOn: string;
  stage: CaseStage;
  sensitivity: Sensitivity;
  corruptionCategories: CorruptionCategory[];
  /** The referral's flags that are set (APSP, prejudicial and improper behaviour, VAWG). */
  flags: CaseFlag[];
  /**
   * Who investigates the case now (src/cases/allocation.facts.ts caseInvestigatorOf): the current
   * holder of the whole case's investigator appointment, else the investigator named when the
   * investigation started (as corrected), else one appointed to a subject. Null: not allocated.
   */
  investigatorId: string | null;
  subjects: CaseStatusSubject[];
  iopcMode: IopcMode | null;
  /**
   * The earliest statutory duty still owed and whether it is past due today: judged at read
   * time from the timeliness read model (case-status.queries.ts), stored as null.
   */
  nextDeadline: string | null;
  overdue: boolean | null;
  closedOn: string | null;
}

export function toCaseStatusItem(state: Case): CaseStatusItem {
  return {
    caseId: state.caseId,
    force: state.force,
    caseType: state.caseType,
    source: state.source,
    openedOn: state.receivedOn,
    stage: caseStage(state),
    sensitivity: state.sensitivity,
    corruptionCategories: corruptionCategoriesOf(state),
    flags: CASE_FLAGS.filter((flag) => state.flags[CASE_FLAG_FIELDS[flag]]),
    investigatorId: caseInvestigatorOf(state),
    subjects: Object.values(state.subjects).map(toSubject),
    iopcMode: state.iopcMode,
    nextDeadline: null,
    overdue: null,
    closedOn: state.closedOn,
  };
}

/**
 * The referral's categories, then any an allegation added: a case is "about drugs" for a
 * reader filtering by category as soon as one of its allegations is, even if the referral
 * was filed under another heading.
 */
function corruptionCategoriesOf(state: Case): CorruptionCategory[] {
  const categories = new Set<CorruptionCategory>(state.corruptionCategories);
  for (const allegation of Object.values(state.allegations)) {
    if (allegation.corruptionCategory !== null) categories.add(allegation.corruptionCategory);
  }
  return [...categories];
}

function toSubject(subject: SubjectState): CaseStatusSubject {
  return {
    subjectId: subject.subjectId,
    personId: subject.personId,
    workforceType: subject.workforceType,
    rank: subject.rank,
    severity: subject.severity,
    caseToAnswer: subject.caseToAnswer,
    suspended: subject.suspension === 'SUSPENDED',
    restricted: subject.suspension === 'RESTRICTED',
    leftService: subject.departure?.how ?? null,
    outcome: subject.outcome,
    formerOfficer: subject.conclusion?.formerOfficer ?? false,
    barredList: subject.barredList,
    ...barredListReview(subject),
    advisoryList: subject.advisoryList,
    route: subject.routes.route,
    pausedSince: subject.routes.pausedSince,
  };
}

function barredListReview(subject: SubjectState): Pick<CaseStatusSubject, 'barredListReviewFrom'> {
  const listedOn = subject.routes.barredListedOn;
  if (!subject.barredList || subject.barredListBasis === null || listedOn === null) return {};
  const { on, source, confidence } = barredListReviewFrom(subject.barredListBasis, listedOn);
  return { barredListReviewFrom: { on, source, confidence } };
}

/** What need-to-know judges a case by (src/access). */
export function accessFactsOf(item: CaseStatusItem): CaseAccessFacts {
  return { force: item.force, sensitivity: item.sensitivity, subjectPersonIds: item.subjects.map((subject) => subject.personId) };
}

/** The case-status item from a stream's events, or null before the referral. */
export function statusFrom(events: readonly RecordedEvent[]): CaseStatusItem | null {
  const state = foldCase(events.map(toCaseEnvelope).filter((envelope): envelope is CaseEventEnvelope => envelope !== null));
  return state === null ? null : toCaseStatusItem(state);
}
