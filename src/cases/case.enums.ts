/**
 * Every enumeration of the case events (docs/events.md, "Case events"), as runtime lists
 * with derived string unions: one source of truth for the types, for class-validator's
 * `@IsIn(...)` in the DTOs, and for the event declarations in `case.events.ts`.
 */

export const REFERRAL_SOURCES = [
  'PUBLIC_COMPLAINT',
  'INTERNAL_REPORT',
  'CONFIDENTIAL_REPORTING_LINE',
  'CRIMESTOPPERS_ANTI_CORRUPTION_SERVICE',
  'IOPC_REPORT_LINE',
  'AUDIT_OF_SYSTEMS',
  'AUDIT_OF_DEVICES',
  'FINANCIAL_CHECK',
  'INTELLIGENCE',
  'BODY_WORN_VIDEO_REVIEW',
  'CRIMINAL_INVESTIGATION',
  'OTHER_FORCE',
  'OTHER',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const CASE_TYPES = ['COMPLAINT', 'CONDUCT_MATTER', 'DEATH_OR_SERIOUS_INJURY', 'CORRUPTION_INTELLIGENCE'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const SENSITIVITIES = ['STANDARD', 'RESTRICTED', 'COVERT'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/**
 * NPCC counter-corruption categories. The STUDIOSB eight are confirmed (Learning the
 * Lessons 44; docs/domain/reference.md). The definitive list of 12 was not found (docs/domain/regulations.md
 * 7.1, marked ✖), so the rest are the older NPCCAG categories and force control-strategy
 * themes that do not duplicate STUDIOSB. Abuse of position for a sexual purpose is part
 * of SEXUAL_MISCONDUCT and carried by the `apsp` flag, not a category of its own.
 */
export const CORRUPTION_CATEGORIES = [
  'SEXUAL_MISCONDUCT',
  'THEFT',
  'UNAUTHORISED_DISCLOSURE',
  'DRUGS',
  'INAPPROPRIATE_ASSOCIATIONS',
  'ORGANISED_CRIME',
  'SOCIAL_MEDIA',
  'BUSINESS_INTERESTS',
  'ABUSE_OF_AUTHORITY',
  'MISUSE_OF_FORCE_SYSTEMS',
  'PERVERTING_THE_COURSE_OF_JUSTICE',
  'VULNERABILITY',
  'INFILTRATION',
  'OTHER',
] as const;
export type CorruptionCategory = (typeof CORRUPTION_CATEGORIES)[number];

export const WORKFORCE_TYPES = ['POLICE_OFFICER', 'SPECIAL_CONSTABLE', 'POLICE_STAFF', 'VOLUNTEER', 'CONTRACTOR'] as const;
export type WorkforceType = (typeof WORKFORCE_TYPES)[number];

/** `STAFF` for everyone who holds no police rank. */
export const RANKS = [
  'CONSTABLE',
  'SERGEANT',
  'INSPECTOR',
  'CHIEF_INSPECTOR',
  'SUPERINTENDENT',
  'CHIEF_SUPERINTENDENT',
  'COMMANDER',
  'ASSISTANT_CHIEF_CONSTABLE',
  'DEPUTY_ASSISTANT_COMMISSIONER',
  'DEPUTY_CHIEF_CONSTABLE',
  'ASSISTANT_COMMISSIONER',
  'CHIEF_CONSTABLE',
  'DEPUTY_COMMISSIONER',
  'COMMISSIONER',
  'STAFF',
] as const;
export type Rank = (typeof RANKS)[number];

/** Standards of Professional Behaviour, Conduct Regs 2020 Schedule 2. */
export const STANDARDS = [
  'HONESTY_AND_INTEGRITY',
  'AUTHORITY_RESPECT_AND_COURTESY',
  'EQUALITY_AND_DIVERSITY',
  'USE_OF_FORCE',
  'ORDERS_AND_INSTRUCTIONS',
  'DUTIES_AND_RESPONSIBILITIES',
  'CONFIDENTIALITY',
  'FITNESS_FOR_WORK',
  'DISCREDITABLE_CONDUCT',
  'CHALLENGING_AND_REPORTING_IMPROPER_CONDUCT',
] as const;
export type Standard = (typeof STANDARDS)[number];

/** Severity assessment, Conduct Regs 2020 reg 14. */
export const SEVERITY_LEVELS = ['NO_CASE_TO_ANSWER', 'PRACTICE_REQUIRING_IMPROVEMENT', 'MISCONDUCT', 'GROSS_MISCONDUCT'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** Who made an assessment or decision: the appropriate authority, or the IOPC for its own investigations. */
export const DECISION_MAKERS = ['APPROPRIATE_AUTHORITY', 'IOPC'] as const;
export type DecisionMaker = (typeof DECISION_MAKERS)[number];

/** Mandatory referral criteria, PRA 2002 Sch 3 para 4 and C&M Regs 2020 reg 4; or voluntary. */
export const IOPC_REFERRAL_CRITERIA = [
  'DEATH_OR_SERIOUS_INJURY',
  'SERIOUS_ASSAULT',
  'SERIOUS_SEXUAL_OFFENCE',
  'SERIOUS_CORRUPTION',
  'ABUSE_OF_POSITION_FOR_SEXUAL_PURPOSE',
  'CRIMINAL_OFFENCE_AGGRAVATED_BY_DISCRIMINATION',
  'RELEVANT_OFFENCE',
  'VOLUNTARY',
] as const;
export type IopcReferralCriterion = (typeof IOPC_REFERRAL_CRITERIA)[number];

/** Modes of investigation; which are available depends on the regime (see case.regulations.ts). */
export const IOPC_MODES = ['INDEPENDENT', 'DIRECTED', 'LOCAL', 'RETURNED_TO_FORCE', 'NO_INVESTIGATION', 'SUPERVISED', 'MANAGED'] as const;
export type IopcMode = (typeof IOPC_MODES)[number];

export const OFFENCES = [
  'MISCONDUCT_IN_PUBLIC_OFFICE',
  'CORRUPT_OR_IMPROPER_EXERCISE_OF_POLICE_POWERS',
  'COMPUTER_MISUSE',
  'DATA_PROTECTION',
  'PERVERTING_THE_COURSE_OF_JUSTICE',
  'SEXUAL_OFFENCE',
  'DRUGS_POSSESSION',
  'DRUGS_SUPPLY',
  'THEFT_OR_FRAUD',
  'ASSAULT',
  'OTHER',
] as const;
export type Offence = (typeof OFFENCES)[number];

export const INVESTIGATIVE_ACTIONS = [
  'SYSTEMS_AUDIT',
  'DEVICE_EXAMINATION',
  'FINANCIAL_INVESTIGATION',
  'SEARCH',
  'INTERVIEW',
  'DRUG_TEST',
  'BODY_WORN_VIDEO_REVIEW',
  'OTHER',
] as const;
export type InvestigativeAction = (typeof INVESTIGATIVE_ACTIONS)[number];

export const CRIMINAL_OUTCOMES = ['NO_FURTHER_ACTION', 'NOT_CHARGED', 'CAUTION', 'CHARGED', 'CONVICTED', 'ACQUITTED'] as const;
export type CriminalOutcome = (typeof CRIMINAL_OUTCOMES)[number];

export const SENTENCES = ['NONE', 'CUSTODIAL', 'SUSPENDED_CUSTODIAL', 'COMMUNITY', 'FINE', 'DISCHARGE'] as const;
export type Sentence = (typeof SENTENCES)[number];

export const PROGRESS_REPORT_RECIPIENTS = ['LOCAL_POLICING_BODY', 'IOPC', 'SUBJECT', 'COMPLAINANT'] as const;
export type ProgressReportRecipient = (typeof PROGRESS_REPORT_RECIPIENTS)[number];

/** Conduct Regs 2020 reg 19: after 12 months, then every further 6 months. */
export const PROGRESS_REPORT_KINDS = ['TWELVE_MONTH', 'SIX_MONTH_FOLLOW_UP', 'UPDATE'] as const;
export type ProgressReportKind = (typeof PROGRESS_REPORT_KINDS)[number];

/** Conduct Regs 2020 reg 23, and practice requiring improvement (Part 6). */
export const CASE_TO_ANSWER_DECISIONS = [
  'NO_CASE_TO_ANSWER',
  'CASE_TO_ANSWER_MISCONDUCT',
  'CASE_TO_ANSWER_GROSS_MISCONDUCT',
  'PRACTICE_REQUIRING_IMPROVEMENT',
] as const;
export type CaseToAnswerDecision = (typeof CASE_TO_ANSWER_DECISIONS)[number];

export const PROCEEDINGS_KINDS = ['MISCONDUCT_MEETING', 'MISCONDUCT_HEARING', 'ACCELERATED_HEARING'] as const;
export type ProceedingsKind = (typeof PROCEEDINGS_KINDS)[number];

/** How a subject left. TRANSFERRED (to another force) does not make them a former officer. */
/** DESIGNATION_WITHDRAWN: a designated volunteer's designation was withdrawn (Police Act 1996 s88I(1)(c)). */
export const DEPARTURE_KINDS = ['RESIGNED', 'RETIRED', 'DISMISSED_OTHER', 'TRANSFERRED', 'DESIGNATION_WITHDRAWN'] as const;
export type DepartureKind = (typeof DEPARTURE_KINDS)[number];

export const FINDING_LEVELS = ['MISCONDUCT', 'GROSS_MISCONDUCT'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];

/**
 * Outcomes of proceedings. MANAGEMENT_ADVICE and DISMISSAL_WITH_NOTICE exist only under
 * the 2012 regulations; which outcome is available under which regime is data in
 * `case.regulations.ts`, not in this list.
 */
export const OUTCOMES = [
  'NO_FURTHER_ACTION',
  'REFLECTIVE_PRACTICE_DIRECTED',
  'MANAGEMENT_ADVICE',
  'WRITTEN_WARNING',
  'FINAL_WRITTEN_WARNING',
  'REDUCTION_IN_RANK',
  'DISMISSAL_WITH_NOTICE',
  'DISMISSAL_WITHOUT_NOTICE',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcomes that are a dismissal (and so lead to the barred list). */
export const DISMISSAL_OUTCOMES = ['DISMISSAL_WITH_NOTICE', 'DISMISSAL_WITHOUT_NOTICE'] as const satisfies readonly Outcome[];

/** Outcomes that are disciplinary action, as opposed to no action or a direction to reflective practice. */
export const DISCIPLINARY_OUTCOMES = [
  'MANAGEMENT_ADVICE',
  'WRITTEN_WARNING',
  'FINAL_WRITTEN_WARNING',
  'REDUCTION_IN_RANK',
  'DISMISSAL_WITH_NOTICE',
  'DISMISSAL_WITHOUT_NOTICE',
] as const satisfies readonly Outcome[];

/**
 * reg 42(5)/(6): on a finding of misconduct only, a hearing may reduce in rank or dismiss only
 * when a final written warning was in force on the date of the severity assessment, or the
 * finding rests on more than one matter not closely factually connected. The ledger holds no
 * sanction history yet, so the decision maker records which applies.
 */
export const MISCONDUCT_SANCTION_BASES = ['LIVE_FINAL_WRITTEN_WARNING', 'MORE_THAN_ONE_UNCONNECTED_MATTER'] as const;
export type MisconductSanctionBasis = (typeof MISCONDUCT_SANCTION_BASES)[number];

/**
 * From 7 May 2024 (SI 2024/521) a senior officer's hearing is chaired by a more senior officer
 * of another force, and a chief officer's by HM Chief Inspector of Constabulary or a nominated HMI.
 */
export const CHAIRS = [
  'LEGALLY_QUALIFIED_CHAIR',
  'CHIEF_OFFICER_OR_DELEGATE',
  'SENIOR_OFFICER',
  'OTHER',
  'SENIOR_OFFICER_OF_ANOTHER_FORCE',
  'HM_CHIEF_INSPECTOR_OR_HMI',
] as const;
export type Chair = (typeof CHAIRS)[number];

export const APPEAL_FORUMS = ['POLICE_APPEALS_TRIBUNAL', 'INTERNAL'] as const;
export type AppealForum = (typeof APPEAL_FORUMS)[number];

/** REMITTED: the appeal succeeded and the case goes back for new proceedings (PAT Rules 2020). */
export const APPEAL_RESULTS = ['DISMISSED', 'ALLOWED', 'OUTCOME_VARIED', 'REMITTED'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];

/**
 * DISMISSED: under the Conduct Regulations; DISMISSED_PERFORMANCE: under the Performance
 * Regulations 2020; DISMISSED_VETTING: under the Vetting Regulations 2025 (proceedings-routes.events.ts).
 */
export const BARRED_LIST_BASES = ['DISMISSED', 'WOULD_HAVE_BEEN_DISMISSED', 'DISMISSED_PERFORMANCE', 'DISMISSED_VETTING'] as const;
export type BarredListBasis = (typeof BARRED_LIST_BASES)[number];

export const LEARNING_KINDS = ['FORCE_ACTION', 'LEARNING_RECOMMENDATION'] as const;
export type LearningKind = (typeof LEARNING_KINDS)[number];

/** Where a case stands (docs/api.md, `GET /cases?stage=`); derived by `caseStage` in case.stage.ts. */
export const CASE_STAGES = ['RECEIVED', 'ASSESSMENT', 'INVESTIGATION', 'DECISION', 'PROCEEDINGS', 'CONCLUDED', 'APPEAL', 'CLOSED'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** The conduct regulations that govern a case (see CONDUCT_REGIMES in case.regulations.ts). */
export const REGULATIONS = ['2012', '2020'] as const;
export type Regulations = (typeof REGULATIONS)[number];

/** The `action` field of the HTTP commands that append one of several events (docs/api.md). */
export const SUSPENSION_ACTIONS = ['SUSPEND', 'REVIEW', 'RESTRICT', 'LIFT'] as const;
export type SuspensionAction = (typeof SUSPENSION_ACTIONS)[number];

export const REFLECTIVE_PRACTICE_ACTIONS = ['START', 'COMPLETE'] as const;
export type ReflectivePracticeAction = (typeof REFLECTIVE_PRACTICE_ACTIONS)[number];

export const APPEAL_ACTIONS = ['LODGE', 'DETERMINE'] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

export const ADVISORY_LIST_ACTIONS = ['ADD', 'REMOVE'] as const;
export type AdvisoryListAction = (typeof ADVISORY_LIST_ACTIONS)[number];

/** True when `value` is one of `values`: a type guard for the lists above. */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/**
 * The referral's flags (ReferralReceived.flags) by the names lists filter and figures count on:
 * abuse of position for a sexual purpose, prejudicial and improper behaviour, violence against
 * women and girls. `CASE_FLAG_FIELDS` maps each to its field in the event.
 */
export const CASE_FLAGS = ['APSP', 'PREJUDICIAL_IMPROPER_BEHAVIOUR', 'VIOLENCE_AGAINST_WOMEN_AND_GIRLS'] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];
export const CASE_FLAG_FIELDS = {
  APSP: 'apsp',
  PREJUDICIAL_IMPROPER_BEHAVIOUR: 'prejudicialImproperBehaviour',
  VIOLENCE_AGAINST_WOMEN_AND_GIRLS: 'violenceAgainstWomenAndGirls',
} as const satisfies Record<CaseFlag, string>;
