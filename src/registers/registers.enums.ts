/**
 * The enumerations of the register events (docs/events.md, "Register events"), each a runtime
 * list (validation reads it) and its string union. Where docs/events.md names a field without
 * listing its values (a business interest's or an association's `nature`, the vetting
 * `level`), the list here is ours: an extension of the contract.
 */
export const BUSINESS_INTEREST_NATURES = [
  'SECONDARY_EMPLOYMENT',
  'SELF_EMPLOYMENT',
  'COMPANY_DIRECTORSHIP',
  'SHAREHOLDING',
  'PROPERTY_LETTING',
  'VOLUNTARY_WORK',
  // Hampshire: officers also report certain business interests of close family members.
  'FAMILY_MEMBER_INTEREST',
  'OTHER',
] as const;
export type BusinessInterestNature = (typeof BUSINESS_INTEREST_NATURES)[number];

export const BUSINESS_INTEREST_DECISIONS = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'DECLINED'] as const;
export type BusinessInterestDecision = (typeof BUSINESS_INTEREST_DECISIONS)[number];

export const COMPLIANCE_RESULTS = ['COMPLIANT', 'DECLINED_INTEREST_CONTINUING', 'CONDITIONS_BREACHED'] as const;
export type ComplianceResult = (typeof COMPLIANCE_RESULTS)[number];

export const GIFT_KINDS = ['GIFT', 'HOSPITALITY'] as const;
export type GiftKind = (typeof GIFT_KINDS)[number];

/** Every offer is recorded, refused ones too, and the two ways of refusing are told apart (Hampshire). */
export const GIFT_DECISIONS = ['ACCEPTED', 'DECLINED_AT_TIME', 'NOT_APPROVED_BY_MANAGER', 'ACCEPTED_ON_BEHALF_OF_FORCE', 'REGIFTED_TO_CHARITY'] as const;
export type GiftDecision = (typeof GIFT_DECISIONS)[number];

/** Who the declared associate is to the member of the workforce. */
export const ASSOCIATION_NATURES = ['RELATIVE', 'PARTNER', 'FRIEND', 'NEIGHBOUR', 'ACQUAINTANCE', 'BUSINESS_ASSOCIATE', 'OTHER'] as const;
export type AssociationNature = (typeof ASSOCIATION_NATURES)[number];

export const ASSOCIATION_RISKS = ['NO_RISK', 'MANAGED_RISK', 'SERVICE_CONFIDENCE_POLICY'] as const;
export type AssociationRisk = (typeof ASSOCIATION_RISKS)[number];

export const CONFLICT_NATURES = ['RELATIVE', 'NEIGHBOUR', 'ACQUAINTANCE', 'FINANCIAL', 'OTHER'] as const;
export type ConflictNature = (typeof CONFLICT_NATURES)[number];

/** BCH policy 2.2.9-2.2.11: removed from the matter, or a line manager searches police systems instead. */
export const CONFLICT_ACTIONS = ['NONE', 'REMOVED_FROM_MATTER', 'SUPERVISOR_TO_SEARCH'] as const;
export type ConflictAction = (typeof CONFLICT_ACTIONS)[number];

/** Vetting Code of Practice (2023): recruitment, management and non-police personnel vetting. */
export const VETTING_LEVELS = ['RECRUITMENT_VETTING', 'MANAGEMENT_VETTING', 'NPPV_1', 'NPPV_2', 'NPPV_3'] as const;
export type VettingLevel = (typeof VETTING_LEVELS)[number];

/** docs/api.md: `POST /people/{personId}/vetting` with `action`. */
export const VETTING_ACTIONS = ['GRANT', 'REVIEW', 'WITHDRAW'] as const;
export type VettingAction = (typeof VETTING_ACTIONS)[number];

export const DRUG_TEST_KINDS = ['RANDOM', 'WITH_CAUSE', 'PRE_EMPLOYMENT'] as const;
export type DrugTestKind = (typeof DRUG_TEST_KINDS)[number];

export const DRUG_TEST_RESULTS = ['NEGATIVE', 'POSITIVE', 'REFUSED'] as const;
export type DrugTestResult = (typeof DRUG_TEST_RESULTS)[number];

/**
 * A sanction or finding from before the ledger (src/cases/sanction-history.ts): warnings,
 * reductions in rank, and earlier findings of misconduct or gross misconduct.
 */
export const EARLIER_SANCTION_KINDS = [
  'WRITTEN_WARNING',
  'FINAL_WRITTEN_WARNING',
  'REDUCTION_IN_RANK',
  'MISCONDUCT_FINDING',
  'GROSS_MISCONDUCT_FINDING',
] as const;
export type EarlierSanctionKind = (typeof EARLIER_SANCTION_KINDS)[number];

/**
 * The register entries a document can be attached to (RegisterDocumentAttached): those the
 * registers know by an id of their own, an application for a business interest (its form,
 * the approval letter) and a notifiable association (the declaration, the ACU's assessment).
 */
export const DOCUMENT_REGISTERS = ['BUSINESS_INTEREST', 'ASSOCIATION'] as const;
export type DocumentRegister = (typeof DOCUMENT_REGISTERS)[number];
