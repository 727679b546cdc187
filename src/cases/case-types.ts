/**
 * What a case's type means (docs/domain/regulations.md §5.1, §5.3, §5.5, §2.5 and §8.1): which
 * mandatory referral criteria can apply to it, whether it is a matter under Schedule 3 (and so
 * which reporting regime runs on a long investigation), the day its clocks start from, and how
 * the Home Office's misconduct tables count it. Pure data and functions of the case.
 *
 * A conduct matter becomes a recordable conduct matter when it is recorded under Schedule 3
 * (`ConductMatterRecorded`); a complaint that reveals a conduct matter records that it did
 * (`ConductMatterRevealed`). Both are steps in the history: the case's type is never edited.
 */
import type { Confidence } from '../common/confidence';
import type { CaseType } from './case.enums';
import type { Case } from './case.state';
import type { ReferralCriterion } from './complaint.enums';
import { REFERRAL_CRITERIA } from './complaint.enums';

/** The three case types of the Home Office's misconduct tables (✔, regulations.md §5.1 and §8.1). */
export const HOME_OFFICE_CASE_TYPES = ['COMPLAINT', 'CONDUCT_MATTER', 'RECORDABLE_CONDUCT_MATTER'] as const;
export type HomeOfficeCaseType = (typeof HOME_OFFICE_CASE_TYPES)[number];

/** The report owed on an investigation still running after 12 months and each 6 months after. */
export const REPORTING_REGIMES = ['CM_REG_13', 'PCR_REG_19'] as const;
export type ReportingRegime = (typeof REPORTING_REGIMES)[number];

export interface ReportingRegimeRule {
  regime: ReportingRegime;
  /** Whom the force reports to (for a directed or independent investigation the Director General reports instead). */
  owedTo: readonly ('LOCAL_POLICING_BODY' | 'IOPC')[];
  source: string;
  confidence: Confidence;
}

export const REPORTING_REGIME_RULES: { readonly [R in ReportingRegime]: ReportingRegimeRule } = {
  CM_REG_13: {
    regime: 'CM_REG_13',
    owedTo: ['LOCAL_POLICING_BODY', 'IOPC'],
    source:
      'Complaints and Misconduct Regs 2020 reg 13: an investigation under Schedule 3 not finished within 12 months of the complaint being made or the matter coming to attention (then each 6 months) is reported to the local policing body and the Director General (docs/domain/regulations.md §5.5)',
    confidence: 'CONFIRMED',
  },
  PCR_REG_19: {
    regime: 'PCR_REG_19',
    owedTo: ['LOCAL_POLICING_BODY'],
    source:
      'Conduct Regs 2020 reg 19: an investigation not finished within 12 months of the allegation coming to the appropriate authority’s attention (then each 6 months) is reported to the local policing body, a copy to the officer (docs/domain/regulations.md §2.5)',
    confidence: 'CONFIRMED',
  },
};

export interface CaseTypeProfile {
  caseType: CaseType;
  /** The day its clocks run from, in words: `receivedOn` means this day for the type. */
  clocksFrom: string;
  /** The mandatory referral criteria that can apply to it (regulations.md §5.3). */
  referralCriteria: readonly ReferralCriterion[];
  /** Under Schedule 3 from the start, whatever is recorded later. */
  alwaysScheduleThree: boolean;
  /** The Home Office case type before any recording step; null: not a case type the series counts. */
  homeOfficeCaseType: HomeOfficeCaseType | null;
  source: string;
  confidence: Confidence;
}

const COMMON_CRITERIA: readonly ReferralCriterion[] = REFERRAL_CRITERIA.filter(
  (criterion) => criterion !== 'GRAVITY_OR_EXCEPTIONAL_CIRCUMSTANCES' && criterion !== 'DSI_MATTER',
);

export const CASE_TYPE_PROFILES: { readonly [T in CaseType]: CaseTypeProfile } = {
  COMPLAINT: {
    caseType: 'COMPLAINT',
    clocksFrom: 'the day the complaint was made',
    referralCriteria: COMMON_CRITERIA,
    alwaysScheduleThree: false,
    homeOfficeCaseType: 'COMPLAINT',
    source: 'PRA 2002 Part 2 and Sch 3 paras 2 and 4; C&M Regs 2020 regs 4 and 13 (docs/domain/regulations.md §5.1–5.5)',
    confidence: 'CONFIRMED',
  },
  CONDUCT_MATTER: {
    caseType: 'CONDUCT_MATTER',
    clocksFrom: 'the day the matter came to the appropriate authority’s attention',
    referralCriteria: [...COMMON_CRITERIA, 'GRAVITY_OR_EXCEPTIONAL_CIRCUMSTANCES'],
    alwaysScheduleThree: false,
    homeOfficeCaseType: 'CONDUCT_MATTER',
    source: 'PRA 2002 Sch 3 paras 10 and 11; C&M Regs 2020 reg 7(1); Conduct Regs 2020 reg 19 (docs/domain/regulations.md §5.1, §5.3, §2.5)',
    confidence: 'CONFIRMED',
  },
  DEATH_OR_SERIOUS_INJURY: {
    caseType: 'DEATH_OR_SERIOUS_INJURY',
    clocksFrom: 'the day the matter came to the appropriate authority’s attention',
    referralCriteria: [...COMMON_CRITERIA, 'DSI_MATTER'],
    alwaysScheduleThree: true,
    // A DSI matter is not a misconduct case type of the Home Office series (§8.1 lists three).
    homeOfficeCaseType: null,
    source: 'PRA 2002 Sch 3 Part 2A; C&M Regs 2020 regs 9 and 13 (docs/domain/regulations.md §5.1, §5.3, §5.5)',
    confidence: 'CONFIRMED',
  },
  CORRUPTION_INTELLIGENCE: {
    caseType: 'CORRUPTION_INTELLIGENCE',
    clocksFrom: 'the day the intelligence came to the appropriate authority’s attention',
    referralCriteria: [...COMMON_CRITERIA, 'GRAVITY_OR_EXCEPTIONAL_CIRCUMSTANCES'],
    alwaysScheduleThree: false,
    // Counter-corruption intelligence is handled as a conduct matter once it indicates misconduct:
    // the project's reading, not a statutory case type (✖).
    homeOfficeCaseType: 'CONDUCT_MATTER',
    source: 'NPCC counter-corruption practice (docs/domain/regulations.md §7.1); counted as a conduct matter by this ledger',
    confidence: 'UNCONFIRMED',
  },
};

/** Recorded under Schedule 3: a recorded complaint, a recordable conduct matter or a DSI matter. */
export function isScheduleThreeMatter(state: Pick<Case, 'caseType' | 'complaint' | 'conductMatterRecordedOn'>): boolean {
  if (CASE_TYPE_PROFILES[state.caseType].alwaysScheduleThree) return true;
  if (state.caseType === 'COMPLAINT') return state.complaint?.recordedOn != null;
  return state.conductMatterRecordedOn !== null;
}

/** The Home Office case type the case counts as now (null: outside the series' case types). */
export function homeOfficeCaseTypeOf(state: Pick<Case, 'caseType' | 'conductMatterRecordedOn'>): HomeOfficeCaseType | null {
  const base = CASE_TYPE_PROFILES[state.caseType].homeOfficeCaseType;
  return base === 'CONDUCT_MATTER' && state.conductMatterRecordedOn !== null ? 'RECORDABLE_CONDUCT_MATTER' : base;
}

/** The regime of the reports on a long investigation: C&M reg 13 under Schedule 3, Conduct Regs reg 19 otherwise. */
export function reportingRegimeOf(state: Pick<Case, 'caseType' | 'complaint' | 'conductMatterRecordedOn'>): ReportingRegimeRule {
  return REPORTING_REGIME_RULES[isScheduleThreeMatter(state) ? 'CM_REG_13' : 'PCR_REG_19'];
}
