/**
 * The enumerations of the complaints system (PRA 2002 Part 2 and Sch 3; C&M Regs 2020;
 * docs/domain/regulations.md §5 and §11), beside case.enums.ts. Values whose list is not
 * confirmed carry their mark here, as data: the rules never state them as law.
 */

/**
 * IOPC allegation categories after 1 February 2020. The first five are confirmed top-level
 * categories (✔, docs/domain/regulations.md §8.2); the rest are believed to exist (✖, "Guidance
 * on capturing data about police complaints", not retrieved).
 */
export const COMPLAINT_CATEGORIES = [
  'DELIVERY_OF_DUTIES_AND_SERVICE',
  'POLICE_POWERS_POLICIES_AND_PROCEDURES',
  'INDIVIDUAL_BEHAVIOURS',
  'DISCRIMINATORY_BEHAVIOURS',
  'DISCREDITABLE_CONDUCT',
  'ABUSE_OF_POSITION_CORRUPTION',
  'SEXUAL_CONDUCT',
  'ACCESS_AND_DISCLOSURE_OF_INFORMATION',
  'HANDLING_OF_PROPERTY',
  'USE_OF_FORCE',
  'OTHER',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** The categories confirmed in a primary source (✔); the others are ✖. */
export const CONFIRMED_COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = COMPLAINT_CATEGORIES.slice(0, 5);

/** PRA 2002 Sch 3 para 2(6)-(6C) as amended from 1 February 2020 (✔): how a logged complaint is handled. */
export const COMPLAINT_HANDLINGS = ['OUTSIDE_SCHEDULE_3', 'RECORDED_UNDER_SCHEDULE_3'] as const;
export type ComplaintHandling = (typeof COMPLAINT_HANDLINGS)[number];

/**
 * What a complaint alleges that makes handling under Schedule 3 mandatory (Sch 3 para 2(6A)
 * ✔, docs/domain/regulations.md §5.2 item 3).
 */
export const SCHEDULE_3_GROUNDS = [
  'DEATH_OR_SERIOUS_INJURY',
  'CRIMINAL_OFFENCE_OR_DISCIPLINARY_PROCEEDINGS',
  'ARTICLE_2_OR_3_ECHR',
  'MANDATORY_REFERRAL_DESCRIPTION',
] as const;
export type Schedule3Ground = (typeof SCHEDULE_3_GROUNDS)[number];

/**
 * The mandatory referral criteria a complaint or conduct matter can meet (PRA 2002 Sch 3
 * para 4(1)(a); C&M Regs 2020 regs 4(1), 7(1) and 9 ✔; docs/domain/regulations.md §5.3). Which
 * apply to a case depends on its type: GRAVITY_OR_EXCEPTIONAL_CIRCUMSTANCES to conduct
 * matters only (reg 7(1)(f)); DSI_MATTER to DSI matters (reg 9).
 */
export const REFERRAL_CRITERIA = [
  'DEATH_OR_SERIOUS_INJURY',
  'SERIOUS_ASSAULT',
  'SERIOUS_SEXUAL_OFFENCE',
  'SERIOUS_CORRUPTION',
  'ABUSE_OF_POSITION_FOR_SEXUAL_PURPOSE',
  'IMPROPER_EMOTIONAL_RELATIONSHIP',
  'AGGRAVATED_BY_DISCRIMINATION',
  'RELEVANT_OFFENCE',
  'SAME_INCIDENT',
  'CHIEF_OFFICER_CONDUCT',
  'GRAVITY_OR_EXCEPTIONAL_CIRCUMSTANCES',
  'DSI_MATTER',
] as const;
export type ReferralCriterion = (typeof REFERRAL_CRITERIA)[number];

/**
 * Outcomes of a complaint handled without an investigation: informally (outside Schedule 3)
 * or otherwise than by investigation. "Reflective practice" here is the complaints route,
 * distinct from RPRP (◐ WMPF); SERVICE_RECOVERY is ✖ (docs/domain/regulations.md §11).
 */
export const COMPLAINT_HANDLING_OUTCOMES = [
  'RESOLVED_TO_SATISFACTION',
  'EXPLANATION_OR_APOLOGY',
  'LEARNING',
  'REFLECTIVE_PRACTICE',
  'SERVICE_RECOVERY',
  'NO_FURTHER_ACTION',
] as const;
export type ComplaintHandlingOutcome = (typeof COMPLAINT_HANDLING_OUTCOMES)[number];

/**
 * C&M Regs 2020 reg 3 (✔, docs/domain/regulations.md §5.2): on recording, the complainant is given
 * a copy of the record and the person complained against a copy of the complaint.
 */
export const RECORD_COPY_RECIPIENTS = ['COMPLAINANT', 'PERSON_COMPLAINED_AGAINST'] as const;
export type RecordCopyRecipient = (typeof RECORD_COPY_RECIPIENTS)[number];

/**
 * Why a copy was not given ("subject to exceptions", reg 3 ✔). The exceptions themselves were not
 * retrieved: these grounds are ✖ unconfirmed, believed to follow the harm test (prejudice to
 * proceedings or an investigation, national security, a person's safety).
 */
export const RECORD_COPY_EXCEPTIONS = ['PREJUDICE_TO_PROCEEDINGS_OR_INVESTIGATION', 'NATIONAL_SECURITY', 'SAFETY_OF_A_PERSON', 'OTHER_HARM'] as const;
export type RecordCopyException = (typeof RECORD_COPY_EXCEPTIONS)[number];

/** The relevant review body: the local policing body or the IOPC (C&M reg 29 ✔, §5.6). */
export const REVIEW_BODIES = ['LOCAL_POLICING_BODY', 'IOPC'] as const;
export type ReviewBody = (typeof REVIEW_BODIES)[number];

/** A review's result: upheld (with or without recommendations) or not upheld (✖, §11 "Complaint review"). */
export const REVIEW_RESULTS = ['UPHELD', 'NOT_UPHELD'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/**
 * The complainant's protected characteristics as the returns count them, coded: the vault holds
 * them as the JSON of an object with any of these keys (`{"gender":"FEMALE","ageBand":"25_34"}`).
 * The IOPC reports who complains (✔ §8.2), but its codes were not retrieved: these lists are
 * ✖ unconfirmed (ONS-style groups), data to verify against the IOPC data guidance.
 */
export const PROTECTED_CHARACTERISTICS = {
  gender: ['FEMALE', 'MALE', 'OTHER'],
  ageBand: ['UNDER_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_AND_OVER'],
  ethnicity: ['ASIAN', 'BLACK', 'MIXED', 'WHITE', 'OTHER'],
  disability: ['DISABLED', 'NOT_DISABLED'],
} as const;
export type ProtectedCharacteristic = keyof typeof PROTECTED_CHARACTERISTICS;
export type ProtectedCharacteristics = { [K in ProtectedCharacteristic]?: (typeof PROTECTED_CHARACTERISTICS)[K][number] };

/** The coded characteristics in `text`, or null when it is not such a JSON object. */
export function parseProtectedCharacteristics(text: unknown): ProtectedCharacteristics | null {
  if (typeof text !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  for (const [key, value] of Object.entries(parsed)) {
    if (!Object.hasOwn(PROTECTED_CHARACTERISTICS, key)) return null;
    if (!(PROTECTED_CHARACTERISTICS[key as ProtectedCharacteristic] as readonly unknown[]).includes(value)) return null;
  }
  return parsed as ProtectedCharacteristics;
}
