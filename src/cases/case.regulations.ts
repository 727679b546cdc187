/**
 * Which conduct regulations govern a case, and what each regime allows, as data with its
 * sources (docs/domain/reference.md: "make such rules data, so a correction is one line"). Dates are
 * here and nowhere else.
 */
import type { Confidence } from '../common/confidence';
import { RANKS } from './case.enums';
import type { Chair, IopcMode, Outcome, ProceedingsKind, Rank, Regulations, WorkforceType } from './case.enums';
import { isWithin } from './case.dates';

export interface ConductRegime {
  regulations: Regulations;
  /** Matters that came to the appropriate authority's attention on or after this day (null: open). */
  from: string | null;
  /** ...and before this day (null: open). */
  until: string | null;
  source: string;
  /** The outcomes each form of proceedings may impose. */
  powers: { readonly [K in ProceedingsKind]: readonly Outcome[] };
  iopcModes: readonly IopcMode[];
  /** Practice requiring improvement and the reflective practice review process (2020 Part 6). */
  reflectivePractice: boolean;
  /** Management action outside proceedings (2012 reg 19; abolished on 1 February 2020). */
  managementAction: boolean;
  /** Modes open also for forces and agencies outside the Home Office forces (NON_HOME_OFFICE_FORCES). */
  nonHomeOfficeIopcModes: readonly IopcMode[];
  /** The form of proceedings for senior officers (SENIOR_RANKS), with the mark of what the text confirms. */
  seniorOfficers: SeniorOfficerForms;
  /** Schedule 1's conditions for proceedings against a former officer, with their mark. */
  formerOfficerConditions: FormerOfficerConditions;
}

/**
 * Conduct Regs 2020 reg 4(2)-(5): proceedings against a former officer need condition A (left
 * after the allegation came to attention), B (it came to attention within `withinMonths` of
 * their leaving) or C (the Director General's special determination, reg 4A).
 */
export interface FormerOfficerConditions {
  withinMonths: number;
  confidence: Confidence;
  source: string;
}

/**
 * How a senior officer (above chief superintendent) is dealt with: never at a misconduct
 * meeting, so never by a reg 45 appeal (docs/domain/regulations.md §2.7, §2.10). A fact with
 * its mark: the meeting rule rests on a table regulations.md marks ◐.
 */
export interface SeniorOfficerForms {
  /** Whether a senior officer may be dealt with at a misconduct meeting. */
  meeting: boolean;
  confidence: Confidence;
  source: string;
}

export const CONDUCT_REGIMES: readonly ConductRegime[] = [
  {
    regulations: '2012',
    from: null,
    until: '2020-02-01',
    source:
      'Police (Conduct) Regulations 2012 (SI 2012/2632), kept for matters that came to attention ' +
      'before 1 February 2020 by the transitional provisions of the 2020 Regulations (reg 3)',
    powers: {
      // 2012 reg 35: a meeting may give management advice, a written or final written warning.
      MISCONDUCT_MEETING: ['NO_FURTHER_ACTION', 'MANAGEMENT_ADVICE', 'WRITTEN_WARNING', 'FINAL_WRITTEN_WARNING'],
      // 2012 reg 35: a hearing may also dismiss, with notice (at least 28 days) or without.
      MISCONDUCT_HEARING: [
        'NO_FURTHER_ACTION',
        'MANAGEMENT_ADVICE',
        'WRITTEN_WARNING',
        'FINAL_WRITTEN_WARNING',
        'DISMISSAL_WITH_NOTICE',
        'DISMISSAL_WITHOUT_NOTICE',
      ],
      // 2012 Part 5 (special case hearing): final written warning or dismissal without notice.
      ACCELERATED_HEARING: ['NO_FURTHER_ACTION', 'FINAL_WRITTEN_WARNING', 'DISMISSAL_WITHOUT_NOTICE'],
    },
    // Before 1 February 2020 the IPCC/IOPC could supervise or manage a force investigation;
    // directed investigations came with the 2020 amendments.
    iopcModes: ['INDEPENDENT', 'LOCAL', 'RETURNED_TO_FORCE', 'NO_INVESTIGATION', 'SUPERVISED', 'MANAGED'],
    nonHomeOfficeIopcModes: [],
    reflectivePractice: false,
    managementAction: true,
    seniorOfficers: {
      meeting: false,
      confidence: 'UNCONFIRMED',
      source:
        'Conduct Regs 2012: believed, as under the 2020 Regulations, that a senior officer goes to a hearing; docs/domain/regulations.md does not cover senior officers under 2012 (verify)',
    },
    formerOfficerConditions: {
      withinMonths: 12,
      confidence: 'UNCONFIRMED',
      source:
        'Conduct Regs 2012 as amended by SI 2017/1134 from 15 December 2017: believed to set the same conditions A, B and C as the 2020 Regulations; docs/domain/regulations.md §1.2 confirms former-officer proceedings from that day, not their conditions (verify)',
    },
  },
  {
    regulations: '2020',
    from: '2020-02-01',
    until: null,
    source: 'Police (Conduct) Regulations 2020 (SI 2020/4), in force 1 February 2020',
    powers: {
      // reg 42: a meeting gives a written or final written warning, or directs reflective
      // practice where neither misconduct nor gross misconduct is found; never rank or dismissal.
      MISCONDUCT_MEETING: ['NO_FURTHER_ACTION', 'REFLECTIVE_PRACTICE_DIRECTED', 'WRITTEN_WARNING', 'FINAL_WRITTEN_WARNING'],
      // reg 42: a hearing may also reduce in rank or dismiss without notice.
      MISCONDUCT_HEARING: [
        'NO_FURTHER_ACTION',
        'REFLECTIVE_PRACTICE_DIRECTED',
        'WRITTEN_WARNING',
        'FINAL_WRITTEN_WARNING',
        'REDUCTION_IN_RANK',
        'DISMISSAL_WITHOUT_NOTICE',
      ],
      // reg 62: gross misconduct found: final written warning, reduction in rank, dismissal
      // without notice; not found: the case is dismissed (or returned to the authority).
      ACCELERATED_HEARING: ['NO_FURTHER_ACTION', 'FINAL_WRITTEN_WARNING', 'REDUCTION_IN_RANK', 'DISMISSAL_WITHOUT_NOTICE'],
    },
    // PRA 2002 Sch 3 paras 15-19 as amended from 1 February 2020: directed investigations
    // replace supervised and managed ones for Home Office forces; the IOPC may still manage or
    // supervise for non-Home-Office forces and agencies (Learning the Lessons 44, "how we work").
    iopcModes: ['INDEPENDENT', 'DIRECTED', 'LOCAL', 'RETURNED_TO_FORCE', 'NO_INVESTIGATION'],
    nonHomeOfficeIopcModes: ['SUPERVISED', 'MANAGED'],
    reflectivePractice: true,
    managementAction: false,
    seniorOfficers: {
      meeting: false,
      confidence: 'PARTLY_CONFIRMED',
      source:
        'Conduct Regs 2020 regs 2, 23 and 28: a misconduct meeting is for non-senior officers (docs/domain/regulations.md §2.7, marked ◐; the exact wording of reg 28 ✖)',
    },
    formerOfficerConditions: {
      withinMonths: 12,
      confidence: 'CONFIRMED',
      source: 'Conduct Regs 2020 reg 4(2)-(5) and reg 4A (docs/domain/regulations.md §2.3, §12 row 22)',
    },
  },
];

/**
 * Forces and agencies outside the 43 Home Office forces, by the ids a referral may name them by:
 * the barred and advisory lists do not reach them (docs/domain/regulations.md §4.1), and the
 * IOPC may still manage or supervise their investigations.
 */
export const NON_HOME_OFFICE_FORCES: readonly string[] = [
  'BRITISH_TRANSPORT_POLICE',
  'BTP',
  'MINISTRY_OF_DEFENCE_POLICE',
  'MDP',
  'CIVIL_NUCLEAR_CONSTABULARY',
  'CNC',
  'NATIONAL_CRIME_AGENCY',
  'NCA',
  'STATES_OF_JERSEY_POLICE',
];

export const isHomeOfficeForce = (force: string): boolean => !NON_HOME_OFFICE_FORCES.includes(force.toUpperCase());

/** The IOPC modes open for a case under its regime and for its force. */
export function iopcModesFor(regulations: Regulations, force: string): readonly IopcMode[] {
  const regime = regimeOf(regulations);
  return isHomeOfficeForce(force) ? regime.iopcModes : [...regime.iopcModes, ...regime.nonHomeOfficeIopcModes];
}

/** Who the barred list reaches: officers, specials and police staff (Police Act 1996 s88A). */
export const BARRED_LIST_WORKFORCE: readonly WorkforceType[] = ['POLICE_OFFICER', 'SPECIAL_CONSTABLE', 'POLICE_STAFF'];

/** Chief officers: their hearings are chaired by HM Chief Inspector or a nominated HMI from 7 May 2024. */
export const CHIEF_OFFICER_RANKS: readonly Rank[] = ['CHIEF_CONSTABLE', 'DEPUTY_COMMISSIONER', 'ASSISTANT_COMMISSIONER', 'COMMISSIONER'];

export interface HearingChairs {
  from: string;
  until: string | null;
  nonSenior: readonly Chair[];
  senior: readonly Chair[];
  chiefOfficer: readonly Chair[];
  source: string;
  /** docs/domain/regulations.md's mark on the line (§1.2, §2.7). */
  confidence: Confidence;
}

/** Who chairs an officer's misconduct hearing, by the hearing's day (2020 Regulations). */
export const HEARING_CHAIRS: readonly HearingChairs[] = [
  {
    from: '2020-02-01',
    until: '2024-05-07',
    nonSenior: ['LEGALLY_QUALIFIED_CHAIR'],
    senior: ['LEGALLY_QUALIFIED_CHAIR'],
    chiefOfficer: ['LEGALLY_QUALIFIED_CHAIR'],
    source: 'Conduct Regs 2020 reg 28 as made: a panel chaired by a legally qualified chair',
    confidence: 'CONFIRMED',
  },
  {
    from: '2024-05-07',
    until: null,
    nonSenior: ['CHIEF_OFFICER_OR_DELEGATE'],
    senior: ['SENIOR_OFFICER_OF_ANOTHER_FORCE'],
    chiefOfficer: ['HM_CHIEF_INSPECTOR_OR_HMI'],
    source:
      'Police (Conduct) (Amendment) Regulations 2024 (SI 2024/521): the chief officer or a delegate chairs; for senior officers a more senior officer of another force; for chief officers HM Chief Inspector of Constabulary or a nominated HMI',
    confidence: 'CONFIRMED',
  },
];

/**
 * The chairs allowed for a hearing held on `day` of an officer of `rank`, with the line's
 * confidence; null when the table says nothing.
 */
export function hearingChairsFor(day: string, rank: Rank): { chairs: readonly Chair[]; confidence: Confidence } | null {
  const line = HEARING_CHAIRS.find((candidate) => isWithin(day, candidate.from, candidate.until));
  if (line === undefined) return null;
  const chairs = CHIEF_OFFICER_RANKS.includes(rank) ? line.chiefOfficer : SENIOR_RANKS.includes(rank) ? line.senior : line.nonSenior;
  return { chairs, confidence: line.confidence };
}

/** Conduct Regs 2012 reg 35(4): a dismissal with notice gives at least 28 days' notice (docs/domain/regulations.md §12 row 34). */
export const DISMISSAL_NOTICE_MINIMUM_DAYS = 28;

/**
 * IOPC modes whose investigation the Director General reports on, not the force (Complaints
 * and Misconduct Regs 2020 reg 13(3); docs/domain/regulations.md §5.5).
 */
export const IOPC_REPORTS_FOR_MODES: readonly IopcMode[] = ['DIRECTED', 'INDEPENDENT'];

/** Other dates that switch a rule on. */
export const LEGAL_DATES = {
  /** Police Barred List and Police Advisory List Regulations 2017 (SI 2017/1135), in force 15 December 2017. */
  barredListInForceFrom: '2017-12-15',
  /**
   * Proceedings against former officers: for those who left from 15 December 2017 (SI 2017/1134,
   * Conduct Regs 2020 Sch 1).
   */
  formerOfficerProceedingsFrom: '2017-12-15',
  /**
   * Conduct Regs 2012 reg 10A (SI 2014/3347), 12 January 2015 to 14 December 2017: no
   * resignation or retirement without the appropriate authority's consent while gross
   * misconduct is alleged. Outside these dates the DCC's approval is force practice, not law.
   */
  reg10AFrom: '2015-01-12',
  reg10AUntil: '2017-12-15',
  /** The advisory list starts with the barred list (Police Act 1996 s88I; SI 2017/1135). */
  advisoryListInForceFrom: '2017-12-15',
} as const;

/** The regime for a matter that came to attention on `receivedOn`. */
export function regimeFor(receivedOn: string): ConductRegime {
  const regime = CONDUCT_REGIMES.find((candidate) => isWithin(receivedOn, candidate.from, candidate.until));
  // The table covers every day (open at both ends); an unparseable date falls to the current regime.
  return regime ?? CONDUCT_REGIMES[CONDUCT_REGIMES.length - 1];
}

export function regulationsFor(receivedOn: string): Regulations {
  return regimeFor(receivedOn).regulations;
}

export function regimeOf(regulations: Regulations): ConductRegime {
  const regime = CONDUCT_REGIMES.find((candidate) => candidate.regulations === regulations);
  return regime ?? CONDUCT_REGIMES[CONDUCT_REGIMES.length - 1];
}

/** Every outcome some form of proceedings may impose under the regime. */
export function outcomesUnder(regulations: Regulations): readonly Outcome[] {
  const powers = regimeOf(regulations).powers;
  return [...new Set([...powers.MISCONDUCT_MEETING, ...powers.MISCONDUCT_HEARING, ...powers.ACCELERATED_HEARING])];
}

/**
 * The members of the workforce the Conduct Regulations govern: police officers, special
 * constables included (reg 4). Police staff, volunteers and contractors answer to their
 * force's staff procedures (docs/domain/reference.md, Standards), so the rules that rest only on the
 * Conduct Regulations (Schedule 1 for former officers, the appeal forums) do not bind them.
 */
export const GOVERNED_BY_CONDUCT_REGULATIONS: readonly WorkforceType[] = ['POLICE_OFFICER', 'SPECIAL_CONSTABLE'];

/**
 * Senior officers: ranks above chief superintendent (Conduct Regs 2020 reg 2, "senior
 * officer"). Misconduct meetings and reg 45 appeals are for non-senior officers only
 * (docs/domain/regulations.md §2.7, §2.10).
 */
export const SENIOR_RANKS: readonly Rank[] = RANKS.slice(RANKS.indexOf('COMMANDER'), RANKS.indexOf('COMMISSIONER') + 1);

/** Reduction in rank needs a rank to reduce: nobody is below a constable, and staff have no rank (reg 42). */
export const RANKS_WITHOUT_REDUCTION: readonly Rank[] = ['CONSTABLE', 'STAFF'];
